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

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Library routes beside the CRUD ones: who a library is hidden from, its statistics, forgetting its
 * scan history, and its thumbnail.
 */
class LibraryRoutesTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw").build();
    @TempDir
    static Path root;
    static Http http;
    static String owner;
    static Path main;
    static String mainLibrary;
    static String emptyLibrary;
    static String laterLibrary;
    static String secretLibrary;
    /** A reader (no permissions) the Secret library is hidden from. */
    static Account outsider;
    static final Map<String, String> bookIds = new HashMap<>();

    @BeforeAll
    static void scanLibraries() throws Exception {
        http = server.http();
        owner = server.ownerSession();
        Account ownerAccount = Accounts.owner(server, "owner", "pw");
        main = root.resolve("main");
        // The first book's cover is larger than the default 400x600 thumbnail box.
        Books.cbz().page("a.png", Books.png(800, 1000, 1)).page("b.png", Books.png(60, 90, 2))
                .page("c.png", Books.png(60, 90, 3)).write(main.resolve("Alpha/Alpha 1.cbz"));
        Books.cbz().pages(2).write(main.resolve("Alpha/Alpha 2.cbz"));
        Books.cbz().pages(2).write(main.resolve("Beta/Beta 1.cbz"));
        Books.cbz().pages(1).write(root.resolve("secret/Hidden/Hidden 1.cbz"));
        Books.cbz().pages(1).write(root.resolve("later/Gamma/Gamma 1.cbz"));
        Files.createDirectories(root.resolve("empty"));

        // watch off: a watcher's own rescans would add scan records and series at times the tests do not control
        Map<String, Object> unwatched = Map.of("watch", false);
        mainLibrary = Scans.library(http, owner, "Main", main, unwatched);
        emptyLibrary = Scans.library(http, owner, "Empty", root.resolve("empty"), unwatched);
        secretLibrary = Scans.library(http, owner, "Secret", root.resolve("secret"), unwatched);
        laterLibrary = Scans.library(http, owner, "Later", root.resolve("later"), unwatched);
        Scans.scan(http, owner, mainLibrary);
        Scans.scan(http, owner, emptyLibrary);
        Scans.scan(http, owner, secretLibrary);
        Scans.scan(http, owner, laterLibrary);
        Books.cbz().pages(1).write(root.resolve("later/Delta/Delta 1.cbz"));
        Scans.scan(http, owner, laterLibrary);

        outsider = Accounts.newUser(http, ownerAccount, "outsider");
        assertEquals(200, http.post("/api/v1/libraries/" + secretLibrary + "/excluded-users").cookie(owner)
                .json(Map.of("user_ids", List.of(outsider.id()))).send().status());

        for (JsonNode m : http.get("/api/v1/media?page_size=100").cookie(owner).send().json().get("data")) {
            bookIds.put(m.get("name").asText(), m.get("id").asText());
        }
        assertEquals(6, bookIds.size(), bookIds.toString());
    }

    // ---- excluded users -------------------------------------------------------------------------

    @Test
    void excludedUsersListsExactlyTheUsersTheLibraryIsHiddenFrom() {
        Account ownerAccount = Accounts.owner(server, "owner", "pw");
        Account a = Accounts.newUser(http, ownerAccount, "excluded-a");
        Account b = Accounts.newUser(http, ownerAccount, "excluded-b");
        assertEquals(List.of(), usernames(excludedUsers(emptyLibrary, owner)), "nobody at first");

        assertEquals(200, http.post("/api/v1/libraries/" + emptyLibrary + "/excluded-users").cookie(owner)
                .json(Map.of("user_ids", List.of(b.id(), a.id()))).send().status());
        JsonNode listed = excludedUsers(emptyLibrary, owner);
        assertEquals(List.of(a.username(), b.username()), usernames(listed).stream().sorted().toList());
        for (JsonNode u : listed) {
            assertTrue(u.get("id").asText().equals(a.id()) || u.get("id").asText().equals(b.id()), u.toString());
            assertFalse(u.has("password"), "no password hash in a user: " + u);
            assertFalse(u.get("is_server_owner").asBoolean());
        }
        assertEquals(List.of(outsider.username()), usernames(excludedUsers(secretLibrary, owner)), "per library");
        assertEquals(List.of(), usernames(excludedUsers(mainLibrary, owner)));

        assertEquals(200, http.post("/api/v1/libraries/" + emptyLibrary + "/excluded-users").cookie(owner)
                .json(Map.of("user_ids", List.of(a.id()))).send().status());
        assertEquals(List.of(a.username()), usernames(excludedUsers(emptyLibrary, owner)), "the list is replaced");
        assertEquals(200, http.post("/api/v1/libraries/" + emptyLibrary + "/excluded-users").cookie(owner)
                .json(Map.of("user_ids", List.of())).send().status());
        assertEquals(List.of(), usernames(excludedUsers(emptyLibrary, owner)));
    }

    @Test
    void excludedUsersNeedsUserReadAndLibraryManageAndAKnownVisibleLibrary() {
        Account ownerAccount = Accounts.owner(server, "owner", "pw");
        Account manager = Accounts.newUser(http, ownerAccount, "manager", "library:manage");
        Account userReader = Accounts.newUser(http, ownerAccount, "user-reader", "user:read");
        Account librarian = Accounts.newUser(http, ownerAccount, "librarian", "library:manage", "user:read");
        String path = "/api/v1/libraries/" + secretLibrary + "/excluded-users";
        assertError(http.get(path).cookie(outsider.session()).send(), 403);
        assertError(http.get(path).cookie(manager.session()).send(), 403);
        assertError(http.get(path).cookie(userReader.session()).send(), 403);
        assertEquals(401, http.get(path).send().status(), "anonymous");
        Http.Res allowed = http.get(path).cookie(librarian.session()).send();
        assertEquals(200, allowed.status(), allowed.toString());
        assertEquals(List.of(outsider.username()), usernames(allowed.json()));

        assertError(http.get("/api/v1/libraries/no-such-library/excluded-users").cookie(owner).send(), 404);
    }

    // ---- statistics -----------------------------------------------------------------------------

    @Test
    void statsCountTheLibrarysSeriesBooksAndBytes() throws Exception {
        JsonNode stats = stats(mainLibrary, owner, false);
        assertEquals(2, stats.get("series_count").asLong());
        assertEquals(3, stats.get("book_count").asLong());
        long bytes = Files.size(main.resolve("Alpha/Alpha 1.cbz")) + Files.size(main.resolve("Alpha/Alpha 2.cbz"))
                + Files.size(main.resolve("Beta/Beta 1.cbz"));
        assertEquals(bytes, stats.get("total_bytes").asLong(), "the sum of the files' sizes");

        JsonNode later = stats(laterLibrary, owner, false);
        assertEquals(2, later.get("series_count").asLong(), "Gamma, and Delta from the rescan");
        assertEquals(2, later.get("book_count").asLong());

        JsonNode empty = stats(emptyLibrary, owner, false);
        assertEquals(0, empty.get("series_count").asLong());
        assertEquals(0, empty.get("book_count").asLong());
        assertEquals(0, empty.get("total_bytes").asLong());
        assertEquals(0, empty.get("completed_books").asLong());
        assertEquals(0, empty.get("in_progress_books").asLong());
    }

    @Test
    void statsCountTheCallersReadingOrEveryonesForTheOwner() throws Exception {
        // A library of its own, so other tests' reading does not change the counts.
        Path dir = root.resolve("reading");
        Books.cbz().pages(3).write(dir.resolve("R/R 1.cbz"));
        Books.cbz().pages(3).write(dir.resolve("R/R 2.cbz"));
        Books.cbz().pages(3).write(dir.resolve("R/R 3.cbz"));
        String lib = Scans.library(http, owner, "Reading", dir, Map.of("watch", false));
        Scans.scan(http, owner, lib);
        Map<String, String> ids = new HashMap<>();
        for (JsonNode m : http.get("/api/v1/libraries/" + lib + "/media").cookie(owner).send().json().get("data")) {
            ids.put(m.get("name").asText(), m.get("id").asText());
        }
        Account reader = Accounts.newUser(http, Accounts.owner(server, "owner", "pw"), "stats-reader");

        progress(owner, ids.get("R 1"), 1);
        progress(owner, ids.get("R 3"), 3);
        progress(reader.session(), ids.get("R 2"), 2);
        progress(reader.session(), ids.get("R 3"), 3);

        JsonNode mine = stats(lib, owner, false);
        assertEquals(1, mine.get("completed_books").asLong(), mine.toString());
        assertEquals(1, mine.get("in_progress_books").asLong(), mine.toString());
        assertEquals(3, mine.get("book_count").asLong());
        JsonNode theirs = stats(lib, reader.session(), false);
        assertEquals(1, theirs.get("completed_books").asLong(), theirs.toString());
        assertEquals(1, theirs.get("in_progress_books").asLong(), theirs.toString());
        JsonNode everyone = stats(lib, owner, true);
        assertEquals(1, everyone.get("completed_books").asLong(), "R 3 finished by both counts once: " + everyone);
        assertEquals(2, everyone.get("in_progress_books").asLong(), "R 1 and R 2: " + everyone);

        assertError(http.get("/api/v1/libraries/" + lib + "/stats?all_users=true").cookie(reader.session()).send(), 403);
        assertError(http.get("/api/v1/libraries/" + lib + "/stats?all_users=perhaps").cookie(owner).send(), 400);
    }

    @Test
    void statsOfAnUnknownOrHiddenLibraryAre404() {
        assertError(http.get("/api/v1/libraries/no-such-library/stats").cookie(owner).send(), 404);
        assertError(http.get("/api/v1/libraries/" + secretLibrary + "/stats").cookie(outsider.session()).send(), 404);
        assertEquals(1, stats(secretLibrary, owner, false).get("book_count").asLong());
        assertEquals(3, stats(mainLibrary, outsider.session(), false).get("book_count").asLong(), "readers may see stats");
    }

    // ---- scan history ---------------------------------------------------------------------------

    @Test
    void deletingTheScanHistoryForgetsEveryRecordOfThatLibraryOnly() throws Exception {
        Path dir = root.resolve("history");
        Books.cbz().pages(1).write(dir.resolve("H/H 1.cbz"));
        String lib = Scans.library(http, owner, "History", dir, Map.of("watch", false));
        Scans.scan(http, owner, lib);
        Scans.scan(http, owner, lib);
        Scans.scan(http, owner, lib);
        assertEquals(3, scanRecords(lib));
        long mainRecords = scanRecords(mainLibrary);
        assertEquals(1, mainRecords);

        Account reader = Accounts.newUser(http, Accounts.owner(server, "owner", "pw"), "history-reader");
        assertError(http.delete("/api/v1/libraries/" + lib + "/scan-history").cookie(reader.session()).send(), 403);
        assertEquals(3, scanRecords(lib), "a refused delete deletes nothing");

        Http.Res r = http.delete("/api/v1/libraries/" + lib + "/scan-history").cookie(owner).send();
        assertEquals(200, r.status(), r.toString());
        assertEquals(3, r.json().get("deleted").asInt(), r.toString());
        assertEquals(0, scanRecords(lib));
        assertEquals(0, server.count("SELECT COUNT(*) FROM library_scan_records WHERE library_id = ?", lib));
        assertEquals(mainRecords, scanRecords(mainLibrary), "other libraries keep theirs");

        JsonNode last = http.get("/api/v1/libraries/" + lib + "/last-scan").cookie(owner).send().json();
        assertTrue(last.get("last_scan").isNull(), last.toString());
        assertFalse(last.get("last_scanned_at").isNull(), "the library still knows when it was scanned");

        Http.Res again = http.delete("/api/v1/libraries/" + lib + "/scan-history").cookie(owner).send();
        assertEquals(200, again.status());
        assertEquals(0, again.json().get("deleted").asInt());
        assertError(http.delete("/api/v1/libraries/no-such-library/scan-history").cookie(owner).send(), 404);
    }

    // ---- library thumbnail ----------------------------------------------------------------------

    @Test
    void theLibraryThumbnailIsItsFirstBooksAndFitsTheDefaultBox() throws Exception {
        Http.Res t = http.get("/api/v1/libraries/" + mainLibrary + "/thumbnail").cookie(owner).send();
        assertEquals(200, t.status(), t.toString());
        assertEquals("image/jpeg", t.contentType());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(t.bytes()));
        assertNotNull(img, "decodes");
        assertEquals(400, img.getWidth(), "800x1000 scaled into 400x600");
        assertEquals(500, img.getHeight());

        Http.Res first = http.get("/api/v1/media/" + bookIds.get("Alpha 1") + "/thumbnail").cookie(owner).send();
        assertArrayEquals(first.bytes(), t.bytes(), "Alpha 1 comes first by name");

        String etag = t.header("ETag");
        assertNotNull(etag);
        assertEquals(304, http.get("/api/v1/libraries/" + mainLibrary + "/thumbnail").cookie(owner)
                .header("If-None-Match", etag).send().status());
        assertEquals(200, http.get("/api/v1/libraries/" + mainLibrary + "/thumbnail").cookie(outsider.session()).send().status());
    }

    @Test
    void aLibraryWithoutBooksOrUnknownOrHiddenHasNoThumbnail() {
        assertError(http.get("/api/v1/libraries/" + emptyLibrary + "/thumbnail").cookie(owner).send(), 404);
        assertError(http.get("/api/v1/libraries/no-such-library/thumbnail").cookie(owner).send(), 404);
        assertError(http.get("/api/v1/libraries/" + secretLibrary + "/thumbnail").cookie(outsider.session()).send(), 404);
        assertEquals(200, http.get("/api/v1/libraries/" + secretLibrary + "/thumbnail").cookie(owner).send().status());
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static JsonNode excludedUsers(String library, String session) {
        Http.Res r = http.get("/api/v1/libraries/" + library + "/excluded-users").cookie(session).send();
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.json().isArray(), r.toString());
        return r.json();
    }

    private static List<String> usernames(JsonNode users) {
        List<String> out = new ArrayList<>();
        users.forEach(u -> out.add(u.get("username").asText()));
        return out;
    }

    private static JsonNode stats(String library, String session, boolean allUsers) {
        Http.Res r = http.get("/api/v1/libraries/" + library + "/stats" + (allUsers ? "?all_users=true" : "")).cookie(session).send();
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    private static void progress(String session, String bookId, int page) {
        Http.Res r = http.put("/api/v1/media/" + bookId + "/progress").cookie(session).json(Map.of("page", page)).send();
        assertEquals(200, r.status(), r.toString());
    }

    /** Records in GET scan-history, whether it answers a plain array or a paged {@code {data: [...]}}. */
    private static int scanRecords(String library) {
        Http.Res r = http.get("/api/v1/libraries/" + library + "/scan-history").cookie(owner).send();
        assertEquals(200, r.status(), r.toString());
        JsonNode body = r.json();
        JsonNode records = body.isArray() ? body : body.get("data");
        assertNotNull(records, r.toString());
        for (JsonNode record : records) {
            assertEquals(library, record.get("library_id").asText(), record.toString());
        }
        return records.size();
    }

    private static void assertError(Http.Res r, int status) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.contentType() != null && r.contentType().startsWith("application/json"), r.contentType());
        assertEquals(status, r.json().get("status").asInt(), r.toString());
        assertFalse(r.json().get("message").asText().isBlank(), r.toString());
    }
}
