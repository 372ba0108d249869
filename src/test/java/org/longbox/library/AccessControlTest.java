package org.longbox.library;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.longbox.testing.Accounts;
import org.longbox.testing.Books;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.Scans;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a restricted reader can see: hidden libraries and books beyond their age restriction are
 * missing from every list, count, search, page, thumbnail and file, and answer 404 when guessed.
 */
class AccessControlTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw").build();
    @TempDir
    static Path root;
    static Http http;
    static String owner;
    static String kid;
    static String hiddenBook;
    static String matureBook;
    static String teenBook;
    static String unratedBook;
    static String matureSeriesBook;
    static String hiddenLibrary;

    @BeforeAll
    static void setUp() throws Exception {
        http = server.http();
        owner = server.ownerSession();
        Path open = Files.createDirectories(root.resolve("open"));
        Path secret = Files.createDirectories(root.resolve("secret"));
        Books.cbz().stored().pages(2).comicInfo("Teen Title", null, null, null, "Teen").write(open.resolve("Mixed/teen.cbz"));
        Books.cbz().stored().pages(2).comicInfo("Mature Title", null, null, null, "Mature 17+").write(open.resolve("Mixed/mature.cbz"));
        Books.cbz().stored().pages(2).write(open.resolve("Mixed/unrated.cbz"));
        Books.cbz().stored().pages(2).write(open.resolve("Adult/inherits.cbz"));
        Files.writeString(open.resolve("Adult/series.json"), "{\"metadata\": {\"name\": \"Adult\", \"age_rating\": \"18+\"}}");
        Books.cbz().stored().pages(2).comicInfo("Hidden Title", null, null, null, null).write(secret.resolve("S/hidden.cbz"));
        String openLib = Scans.library(http, owner, "Open", open, null);
        hiddenLibrary = Scans.library(http, owner, "Secret", secret, null);
        Scans.scan(http, owner, openLib);
        Scans.scan(http, owner, hiddenLibrary);

        Http.Res made = http.post("/api/v1/users").cookie(owner).json(Map.of("username", "kid", "password", "pw",
                "permissions", List.of("file:download"), "age_restriction", Map.of("age", 13, "restrict_on_unset", true))).send();
        assertEquals(200, made.status(), made.toString());
        assertEquals(200, http.post("/api/v1/libraries/" + hiddenLibrary + "/excluded-users").cookie(owner)
                .json(Map.of("user_ids", List.of(made.json().get("id").asText()))).send().status());
        kid = Accounts.login(http, "kid", "pw");

        JsonNode all = http.get("/api/v1/media?page_size=50").cookie(owner).send().json().get("data");
        for (JsonNode m : all) {
            switch (m.get("name").asText()) {
                case "hidden" -> hiddenBook = m.get("id").asText();
                case "mature" -> matureBook = m.get("id").asText();
                case "teen" -> teenBook = m.get("id").asText();
                case "unrated" -> unratedBook = m.get("id").asText();
                case "inherits" -> matureSeriesBook = m.get("id").asText();
                default -> { }
            }
        }
    }

    @Test
    void theOwnerSeesEverything() {
        assertEquals(5, http.get("/api/v1/media").cookie(owner).send().json().get("data").size());
    }

    @Test
    void listsCountsAndSearchesShowOnlyWhatTheReaderMaySee() {
        JsonNode visible = http.get("/api/v1/media?page_size=50").cookie(kid).send().json();
        assertEquals(1, visible.get("data").size(), visible.toString());
        assertEquals(teenBook, visible.get("data").get(0).get("id").asText(), "only the Teen book: mature, unrated (restrict_on_unset), "
                + "the 18+ series and the hidden library are out");
        assertEquals(1, visible.get("_page").get("total_pages").asInt());
        assertEquals("[]", http.get("/api/v1/media?search=hidden").cookie(kid).send().json().get("data").toString());
        assertEquals("[]", http.get("/api/v1/media?search=mature").cookie(kid).send().json().get("data").toString());
        assertFalse(http.get("/api/v1/series?page_size=50").cookie(kid).send().text().contains("\"Adult\""));
        assertFalse(http.get("/api/v1/libraries").cookie(kid).send().text().contains(hiddenLibrary));
        JsonNode stats = http.get("/api/v1/libraries/stats").cookie(kid).send().json();
        assertEquals(1, stats.get("book_count").asInt());
        assertEquals(0, http.get("/api/v1/media/recently-added").cookie(kid).send().json().get("data").findValues("id").stream()
                .filter(id -> !id.asText().equals(teenBook)).count());
    }

    @Test
    void guessedIdsOfHiddenBooksAre404EverywhereNot403() {
        for (String id : new String[]{hiddenBook, matureBook, unratedBook, matureSeriesBook}) {
            for (String path : new String[]{"", "/page/1", "/file", "/thumbnail", "/dimensions", "/page/1/dimensions", "/progress"}) {
                Http.Res r = http.get("/api/v1/media/" + id + path).cookie(kid).send();
                assertEquals(404, r.status(), id + path + " -> " + r);
            }
            assertEquals(404, http.put("/api/v1/media/" + id + "/progress").cookie(kid).json(Map.of("page", 1)).send().status());
        }
        assertEquals(404, http.get("/api/v1/libraries/" + hiddenLibrary + "/media").cookie(kid).send().status());
        assertEquals(404, http.get("/api/v1/libraries/" + hiddenLibrary + "/thumbnail").cookie(kid).send().status());
        assertEquals(200, http.get("/api/v1/media/" + teenBook + "/page/1").cookie(kid).send().status());
        assertEquals(200, http.get("/api/v1/media/" + teenBook + "/file").cookie(kid).send().status());
        assertEquals(200, http.get("/api/v1/media/" + teenBook + "/page/1/dimensions").cookie(kid).send().status());
    }

    @Test
    void withoutRestrictOnUnsetUnratedBooksAreVisible() {
        Http.Res made = http.post("/api/v1/users").cookie(owner).json(Map.of("username", "teen", "password", "pw",
                "age_restriction", Map.of("age", 16, "restrict_on_unset", false))).send();
        String teen = Accounts.login(http, "teen", "pw");
        String ids = http.get("/api/v1/media?page_size=50").cookie(teen).send().text();
        assertTrue(ids.contains(teenBook) && ids.contains(unratedBook) && ids.contains(hiddenBook), ids);
        assertFalse(ids.contains(matureBook) || ids.contains(matureSeriesBook), "ratings above 16 stay out");
        assertEquals(200, made.status());
    }

    @Test
    void nobodyButManagersSeesServerPaths() {
        String asKid = http.get("/api/v1/media/" + teenBook).cookie(kid).send().json().get("path").asText();
        assertEquals("teen.cbz", asKid);
        assertTrue(http.get("/api/v1/media/" + teenBook).cookie(owner).send().json().get("path").asText().startsWith("/"));
    }

    /** A page just read is not served a moment later once its library is hidden or the reader restricted. */
    @Test
    void pagesReadAMomentAgoAreRefusedAtOnceAfterARestriction() throws Exception {
        Path folder = Files.createDirectories(root.resolve("later"));
        Books.cbz().stored().pages(2).comicInfo("Later", null, null, null, "Mature 17+").write(folder.resolve("S/later.cbz"));
        String lib = Scans.library(http, owner, "Later", folder, null);
        Scans.scan(http, owner, lib);
        String book = http.get("/api/v1/libraries/" + lib + "/media").cookie(owner).send().json().get("data").get(0).get("id").asText();
        String userId = Accounts.createUser(http, owner, "reader", "pw").get("id").asText();
        String reader = Accounts.login(http, "reader", "pw");
        String page = "/api/v1/media/" + book + "/page/2";
        for (int i = 0; i < 3; i++) {
            assertEquals(200, http.get(page).cookie(reader).send().status());
        }
        assertEquals(200, http.put("/api/v1/users/" + userId).cookie(owner)
                .json(Map.of("age_restriction", Map.of("age", 13, "restrict_on_unset", true))).send().status());
        assertEquals(404, http.get(page).cookie(reader).send().status(), "rated above the new restriction");
        assertEquals(200, http.put("/api/v1/users/" + userId).cookie(owner).json("{\"age_restriction\": null}").send().status());
        assertEquals(200, http.get(page).cookie(reader).send().status(), "restriction lifted");

        assertEquals(200, http.post("/api/v1/libraries/" + lib + "/excluded-users").cookie(owner)
                .json(Map.of("user_ids", List.of(userId))).send().status());
        assertEquals(404, http.get(page).cookie(reader).send().status(), "library hidden");
        assertEquals(200, http.get(page).cookie(owner).send().status(), "still there for the owner");
        assertEquals(200, http.delete("/api/v1/libraries/" + lib).cookie(owner).send().status());
        assertEquals(404, http.get(page).cookie(owner).send().status(), "library deleted");
    }
}
