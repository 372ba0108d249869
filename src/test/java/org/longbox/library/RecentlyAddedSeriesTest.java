package org.longbox.library;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.longbox.testing.Accounts.Account;
import org.longbox.testing.Accounts;
import org.longbox.testing.Books;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.Scans;
import org.longbox.testing.TestClock;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /api/v1/series/recently-added: series newest first, in Stump's page envelope. The class owns
 * its server so that no other test's series appear in the list.
 */
class RecentlyAddedSeriesTest {
    static final TestClock clock = new TestClock();

    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().clock(clock).claimedBy("owner", "pw").build();
    @TempDir
    static Path root;
    static Http http;
    static String owner;
    static String laterLibrary;
    /** A reader the Secret library is hidden from. */
    static Account outsider;

    @BeforeAll
    static void scanInSteps() throws Exception {
        http = server.http();
        owner = server.ownerSession();
        Books.cbz().pages(1).write(root.resolve("main/Alpha/Alpha 1.cbz"));
        Books.cbz().pages(1).write(root.resolve("main/Beta/Beta 1.cbz"));
        Books.cbz().pages(1).write(root.resolve("secret/Hidden/Hidden 1.cbz"));
        Books.cbz().pages(1).write(root.resolve("later/Gamma/Gamma 1.cbz"));
        Map<String, Object> unwatched = Map.of("watch", false);
        String mainLibrary = Scans.library(http, owner, "Main", root.resolve("main"), unwatched);
        String secretLibrary = Scans.library(http, owner, "Secret", root.resolve("secret"), unwatched);
        laterLibrary = Scans.library(http, owner, "Later", root.resolve("later"), unwatched);
        // Series made by one scan share its time; scans a little apart give each its own created_at.
        Scans.scan(http, owner, mainLibrary);
        clock.advance(Duration.ofMillis(20));
        Scans.scan(http, owner, secretLibrary);
        clock.advance(Duration.ofMillis(20));
        Scans.scan(http, owner, laterLibrary);
        clock.advance(Duration.ofMillis(20));
        Books.cbz().pages(1).write(root.resolve("later/Delta/Delta 1.cbz"));
        Books.cbz().pages(1).write(root.resolve("later/Delta/Delta 2.cbz"));
        Scans.scan(http, owner, laterLibrary);

        outsider = Accounts.newUser(http, Accounts.owner(server, "owner", "pw"), "outsider");
        assertEquals(200, http.post("/api/v1/libraries/" + secretLibrary + "/excluded-users").cookie(owner)
                .json(Map.of("user_ids", List.of(outsider.id()))).send().status());
    }

    @Test
    void recentlyAddedSeriesComeNewestFirst() {
        JsonNode page = recentlyAdded(owner, "");
        List<String> names = names(page.get("data"));
        assertEquals(5, names.size(), names.toString());
        assertEquals(List.of("Delta", "Gamma", "Hidden"), names.subList(0, 3), names.toString());
        assertEquals(List.of("Alpha", "Beta"), names.subList(3, 5).stream().sorted().toList(), "one scan, one time");
        assertNewestFirst(page.get("data"));
        JsonNode delta = page.get("data").get(0);
        assertEquals(laterLibrary, delta.get("library_id").asText());
        assertEquals(2, delta.get("media_count").asInt(), "books counted: " + delta);

        List<String> outsiders = names(recentlyAdded(outsider.session(), "").get("data"));
        assertEquals(List.of("Delta", "Gamma"), outsiders.subList(0, 2), outsiders.toString());
        assertFalse(outsiders.contains("Hidden"), "no series of a library hidden from the caller");
        assertEquals(4, outsiders.size());
    }

    @Test
    void recentlyAddedSeriesArePagedInStumpsEnvelope() {
        JsonNode second = recentlyAdded(owner, "?page=2&page_size=2");
        assertEquals("Hidden", second.get("data").get(0).get("name").asText(), second.toString());
        assertEquals(2, second.get("data").size());
        JsonNode info = second.get("_page");
        assertEquals(3, info.get("total_pages").asInt(), "5 series, 2 a page");
        assertEquals(2, info.get("current_page").asInt());
        assertEquals(2, info.get("page_size").asInt());
        assertEquals(2, info.get("page_offset").asInt());
        assertFalse(info.get("zero_based").asBoolean());
        assertTrue(second.get("_cursor").isNull());

        JsonNode zeroBased = recentlyAdded(owner, "?page=0&page_size=2&zero_based=true");
        assertEquals(List.of("Delta", "Gamma"), names(zeroBased.get("data")));
        assertEquals(0, zeroBased.get("_page").get("current_page").asInt());
        assertEquals(0, recentlyAdded(owner, "?page=9&page_size=2").get("data").size(), "past the end: empty, not an error");
        assertEquals(2, recentlyAdded(outsider.session(), "?page=1&page_size=3").get("_page").get("total_pages").asInt(),
                "the outsider's total leaves the hidden series out");
    }

    @Test
    void recentlyAddedSeriesRefuseBadPaging() {
        assertError(http.get("/api/v1/series/recently-added?page_size=0").cookie(owner).send(), 400);
        assertError(http.get("/api/v1/series/recently-added?page_size=1001").cookie(owner).send(), 400);
        assertError(http.get("/api/v1/series/recently-added?page=-1").cookie(owner).send(), 400);
        assertError(http.get("/api/v1/series/recently-added?cursor=x").cookie(owner).send(), 400);
        assertEquals(401, http.get("/api/v1/series/recently-added").send().status());
    }

    private static JsonNode recentlyAdded(String session, String query) {
        Http.Res r = http.get("/api/v1/series/recently-added" + query).cookie(session).send();
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    private static List<String> names(JsonNode data) {
        List<String> out = new ArrayList<>();
        data.forEach(s -> out.add(s.get("name").asText()));
        return out;
    }

    private static void assertNewestFirst(JsonNode data) {
        Instant previous = Instant.MAX;
        for (JsonNode s : data) {
            Instant created = Instant.parse(s.get("created_at").asText());
            assertFalse(created.isAfter(previous), "newest first: " + data);
            previous = created;
        }
    }

    private static void assertError(Http.Res r, int status) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.contentType() != null && r.contentType().startsWith("application/json"), r.contentType());
        assertEquals(status, r.json().get("status").asInt(), r.toString());
    }
}
