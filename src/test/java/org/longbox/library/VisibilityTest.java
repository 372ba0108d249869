package org.longbox.library;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.longbox.testing.Accounts;
import org.longbox.testing.Accounts.Account;
import org.longbox.testing.Books;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.Scans;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a reader must not learn through a side door: the page a series or library thumbnail was
 * made from when the book is beyond their age restriction, the server's folder behind a library,
 * and the scans of a library hidden from them.
 */
class VisibilityTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw").build();
    @TempDir
    static Path root;
    static Http http;
    static String owner;
    static Account ownerAccount;
    /** age restriction 13, no permissions */
    static Account kid;
    /** no restriction, no permissions */
    static Account reader;
    /** library:manage */
    static Account manager;
    static String library;
    static String hidden;
    static String series;
    static String teenBook;
    static String matureBook;

    @BeforeAll
    static void setUp() throws Exception {
        http = server.http();
        owner = server.ownerSession();
        ownerAccount = Accounts.owner(server, "owner", "pw");
        // Pages of different sizes, so a thumbnail's size says which page it was made from.
        Books.cbz().page("a.png", Books.png(60, 90, 1)).comicInfo("Teen", null, null, null, "Teen")
                .write(root.resolve("lib/Mixed/a-teen.cbz"));
        Books.cbz().page("a.png", Books.png(90, 30, 2)).comicInfo("Mature", null, null, null, "Mature 17+")
                .write(root.resolve("lib/Mixed/b-mature.cbz"));
        Books.cbz().pages(1).write(root.resolve("secret/S/s.cbz"));
        library = Scans.library(http, owner, "Lib", root.resolve("lib"), Map.of("watch", false));
        hidden = Scans.library(http, owner, "Secret", root.resolve("secret"), Map.of("watch", false));
        Scans.scan(http, owner, library);
        Scans.scan(http, owner, hidden);
        for (JsonNode m : http.get("/api/v1/libraries/" + library + "/media").cookie(owner).send().json().get("data")) {
            switch (m.get("name").asText()) {
                case "a-teen" -> teenBook = m.get("id").asText();
                case "b-mature" -> matureBook = m.get("id").asText();
                default -> { }
            }
            series = m.get("series_id").asText();
        }
        Http.Res made = http.post("/api/v1/users").cookie(owner).json(Map.of("username", Accounts.uniqueName("kid"),
                "password", "pw", "age_restriction", Map.of("age", 13, "restrict_on_unset", true))).send();
        assertEquals(200, made.status(), made.toString());
        kid = new Account(made.json().get("id").asText(), made.json().get("username").asText(), "pw",
                Accounts.login(http, made.json().get("username").asText(), "pw"));
        reader = Accounts.newUser(http, ownerAccount, "reader");
        manager = Accounts.newUser(http, ownerAccount, "manager", "library:manage");
        assertEquals(200, http.post("/api/v1/libraries/" + hidden + "/excluded-users").cookie(owner)
                .json(Map.of("user_ids", List.of(kid.id(), reader.id()))).send().status());
    }

    // ---- thumbnails set from a page ------------------------------------------------------------

    @Test
    void aSeriesThumbnailMadeFromABookBeyondTheReadersAgeIsNotShownToThem() {
        String path = "/api/v1/series/" + series + "/thumbnail";
        assertEquals(200, http.method("PATCH", path).cookie(owner).json(Map.of("media_id", matureBook, "page", 1)).send().status());
        byte[] own = ok(http.get(path).cookie(owner).send()).bytes();
        assertArrayEquals(own, ok(http.get(path).cookie(reader.session()).send()).bytes(), "an unrestricted reader sees it");

        byte[] teenThumbnail = ok(http.get("/api/v1/media/" + teenBook + "/thumbnail").cookie(kid.session()).send()).bytes();
        Http.Res asKid = ok(http.get(path).cookie(kid.session()).send());
        assertFalse(java.util.Arrays.equals(own, asKid.bytes()), "the kid must not see the mature book's page");
        assertArrayEquals(teenThumbnail, asKid.bytes(), "the kid sees the first book they may see instead");
    }

    @Test
    void aLibraryThumbnailMadeFromABookBeyondTheReadersAgeIsNotShownToThem() {
        String path = "/api/v1/libraries/" + library + "/thumbnail";
        assertEquals(200, http.method("PATCH", path).cookie(owner).json(Map.of("media_id", matureBook, "page", 1)).send().status());
        byte[] own = ok(http.get(path).cookie(owner).send()).bytes();
        assertArrayEquals(own, ok(http.get(path).cookie(reader.session()).send()).bytes(), "an unrestricted reader sees it");

        byte[] teenThumbnail = ok(http.get("/api/v1/media/" + teenBook + "/thumbnail").cookie(kid.session()).send()).bytes();
        Http.Res asKid = ok(http.get(path).cookie(kid.session()).send());
        assertFalse(java.util.Arrays.equals(own, asKid.bytes()), "the kid must not see the mature book's page");
        assertArrayEquals(teenThumbnail, asKid.bytes(), "the kid sees the first book they may see instead");
    }

    @Test
    void anOwnThumbnailWhoseBookIsNotOnRecordIsShownOnlyToReadersWithoutAnAgeRestriction() throws Exception {
        String path = "/api/v1/series/" + series + "/thumbnail";
        assertEquals(200, http.method("PATCH", path).cookie(owner).json(Map.of("media_id", matureBook, "page", 1)).send().status());
        // as one made before the source was recorded
        Path source = server.configDir().resolve("thumbnails/sources/" + series);
        assertTrue(Files.isRegularFile(source));
        Files.delete(source);
        byte[] own = ok(http.get(path).cookie(owner).send()).bytes();
        assertArrayEquals(own, ok(http.get(path).cookie(reader.session()).send()).bytes());
        byte[] teenThumbnail = ok(http.get("/api/v1/media/" + teenBook + "/thumbnail").cookie(kid.session()).send()).bytes();
        assertFalse(java.util.Arrays.equals(own, teenThumbnail));
        assertArrayEquals(teenThumbnail, ok(http.get(path).cookie(kid.session()).send()).bytes());
        // and deleting the library's thumbnails removes the record with the file
        assertEquals(200, http.method("PATCH", path).cookie(owner).json(Map.of("media_id", matureBook, "page", 1)).send().status());
        assertTrue(Files.isRegularFile(source));
        assertEquals(200, http.delete("/api/v1/libraries/" + library + "/thumbnail").cookie(owner).send().status());
        assertFalse(Files.exists(source));
    }

    // ---- library paths ---------------------------------------------------------------------------

    @Test
    void onlyThoseWhoManageLibrariesSeeALibrarysFolderOnTheServer() throws Exception {
        String full = root.resolve("lib").toRealPath().toString();
        for (Account a : List.of(kid, reader)) {
            assertEquals("lib", http.get("/api/v1/libraries/" + library).cookie(a.session()).send().json().get("path").asText());
            for (JsonNode l : http.get("/api/v1/libraries").cookie(a.session()).send().json().get("data")) {
                assertFalse(l.get("path").asText().contains("/"), l.toString());
            }
            JsonNode visited = http.put("/api/v1/libraries/last-visited/" + library).cookie(a.session()).send().json();
            assertEquals("lib", visited.get("path").asText());
            assertEquals("lib", http.get("/api/v1/libraries/last-visited").cookie(a.session()).send().json().get("path").asText());
            assertFalse(http.get("/api/v1/libraries/" + library).cookie(a.session()).send().text().contains(root.toString()));
        }
        assertEquals(full, http.get("/api/v1/libraries/" + library).cookie(manager.session()).send().json().get("path").asText());
        assertEquals(full, http.get("/api/v1/libraries/" + library).cookie(owner).send().json().get("path").asText());
        assertTrue(http.get("/api/v1/libraries").cookie(manager.session()).send().text().contains(full));
    }

    // ---- scans ---------------------------------------------------------------------------------------

    /**
     * Stump's rule (library.rs): the scan history and last scan of a library are for every user who
     * may see the library; clearing the history needs library:manage. A hidden library has none.
     */
    @Test
    void readersSeeTheScansOfLibrariesTheyMaySeeAndNothingOfHiddenOnes() {
        for (Account a : List.of(kid, reader)) {
            Http.Res history = ok(http.get("/api/v1/libraries/" + library + "/scan-history").cookie(a.session()).send());
            assertTrue(history.json().isArray() && history.json().size() >= 1, history.toString());
            assertEquals(library, history.json().get(0).get("library_id").asText());
            Http.Res last = ok(http.get("/api/v1/libraries/" + library + "/last-scan").cookie(a.session()).send());
            assertFalse(last.json().get("last_scanned_at").isNull(), last.toString());
            assertEquals(library, last.json().get("last_scan").get("library_id").asText());
            assertFalse(history.text().contains(root.toString()) || last.text().contains(root.toString()), "no paths");

            for (String path : List.of("/scan-history", "/last-scan")) {
                assertError(http.get("/api/v1/libraries/" + hidden + path).cookie(a.session()).send(), 404);
            }
            assertError(http.delete("/api/v1/libraries/" + library + "/scan-history").cookie(a.session()).send(), 403);
            assertError(http.delete("/api/v1/libraries/" + hidden + "/scan-history").cookie(a.session()).send(), 403);
        }
        for (String path : List.of("/scan-history", "/last-scan")) {
            assertEquals(401, http.get("/api/v1/libraries/" + library + path).send().status());
            assertError(http.get("/api/v1/libraries/no-such-library" + path).cookie(reader.session()).send(), 404);
            ok(http.get("/api/v1/libraries/" + hidden + path).cookie(manager.session()).send());
        }
        assertEquals(1, ok(http.get("/api/v1/libraries/" + hidden + "/scan-history").cookie(owner).send()).json().size(),
                "the readers' attempts removed nothing");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static void assertError(Http.Res r, int status) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.contentType() != null && r.contentType().startsWith("application/json"), r.contentType());
        assertEquals(status, r.json().get("status").asInt(), r.toString());
        assertFalse(r.json().get("message").asText().isBlank(), r.toString());
    }

    private static Http.Res ok(Http.Res r) {
        assertEquals(200, r.status(), r.toString());
        return r;
    }
}
