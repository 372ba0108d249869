package org.longbox.reading;

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
import org.longbox.testing.TestClock;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading progress: per user, finishing on the last page, EPUB positions, keep-reading order, durability. */
class ProgressTest {
    static final TestClock clock = TestClock.ticking();

    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().clock(clock).claimedBy("owner", "pw").build();
    @TempDir
    static Path root;
    static Http http;
    static String reader;
    static String other;
    static Map<String, String> ids = new HashMap<>();

    @BeforeAll
    static void setUp() throws Exception {
        http = server.http();
        String owner = server.ownerSession();
        Books.cbz().pages(5).write(root.resolve("S/One.cbz"));
        Books.cbz().pages(3).write(root.resolve("S/Two.cbz"));
        Books.cbz().pages(3).write(root.resolve("S/Three.cbz"));
        Books.epub(root.resolve("E/Novel.epub"), "Novel", "A. Author", 4);
        Scans.scan(http, owner, Scans.library(http, owner, "L", root, null));
        http.get("/api/v1/media?page_size=50").cookie(owner).send().json().get("data")
                .forEach(m -> ids.put(m.get("name").asText(), m.get("id").asText()));
        Accounts.createUser(http, owner, "reader", "pw");
        Accounts.createUser(http, owner, "other", "pw");
        reader = Accounts.login(http, "reader", "pw");
        other = Accounts.login(http, "other", "pw");
    }

    static Http.Res put(String who, String book, Object body) {
        return http.put("/api/v1/media/" + ids.get(book) + "/progress").cookie(who).json(body).send();
    }

    @Test
    void progressIsPerUserAndShowsOnTheBook() {
        JsonNode session = put(reader, "One", Map.of("page", 2)).json();
        assertEquals(2, session.get("page").asInt());
        assertTrue(session.has("started_at"));
        JsonNode book = http.get("/api/v1/media/" + ids.get("One")).cookie(reader).send().json();
        assertEquals(2, book.get("current_page").asInt());
        assertEquals(2, book.get("active_reading_session").get("page").asInt());
        assertFalse(book.get("is_completed").asBoolean());
        JsonNode theirs = http.get("/api/v1/media/" + ids.get("One")).cookie(other).send().json();
        assertTrue(theirs.get("current_page").isNull(), "another user's progress is their own");
        assertTrue(http.get("/api/v1/media/" + ids.get("One") + "/progress").cookie(other).send().json().isNull());
    }

    @Test
    void theLastPageFinishesTheBook() {
        put(reader, "Two", Map.of("page", 1));
        JsonNode finished = put(reader, "Two", Map.of("page", 3)).json();
        assertTrue(finished.has("completed_at"), "the answer is the finished reading: " + finished);
        JsonNode complete = http.get("/api/v1/media/" + ids.get("Two") + "/progress/complete").cookie(reader).send().json();
        assertTrue(complete.get("is_completed").asBoolean());
        assertFalse(complete.get("last_completed_at").isNull());
        JsonNode book = http.get("/api/v1/media/" + ids.get("Two")).cookie(reader).send().json();
        assertTrue(book.get("is_completed").asBoolean());
        assertEquals(1, book.get("finished_reading_sessions").size());
        assertTrue(book.get("active_reading_session").isNull());
        assertTrue(http.get("/api/v1/media?read_status=completed").cookie(reader).send().text().contains(ids.get("Two")));

        JsonNode reopened = http.put("/api/v1/media/" + ids.get("Two") + "/progress/complete").cookie(reader)
                .json(Map.of("is_complete", false, "page", 2)).send().json();
        assertFalse(reopened.get("is_completed").asBoolean(), "reading it again: not completed until the end");
    }

    @Test
    void epubProgressUsesCfiAndPercentage() {
        JsonNode s = put(reader, "Novel", Map.of("epubcfi", "epubcfi(/6/4!/4/2/1:0)", "percentage", 0.5)).json();
        assertEquals("epubcfi(/6/4!/4/2/1:0)", s.get("epubcfi").asText());
        assertEquals(0.5, s.get("percentage_completed").asDouble());
        assertEquals("epubcfi(/6/4!/4/2/1:0)", http.get("/api/v1/media/" + ids.get("Novel")).cookie(reader).send().json()
                .get("current_epubcfi").asText());
        JsonNode done = put(reader, "Novel", Map.of("epubcfi", "epubcfi(/6/10!/4/2/1:0)", "percentage", 1.0)).json();
        assertTrue(done.has("completed_at"));
    }

    @Test
    void badProgressIs400AndChangesNothing() throws Exception {
        put(other, "Three", Map.of("page", 2));
        for (Object body : new Object[]{Map.of("page", 0), Map.of("page", 4), Map.of("page", -3), Map.of("percentage", 1.5),
                Map.of("epubcfi", "not a cfi"), Map.of(), "{\"page\": \"two\"}", "[1]"}) {
            Http.Res r = put(other, "Three", body);
            assertEquals(400, r.status(), body + " -> " + r);
        }
        assertEquals(2, server.count("SELECT page FROM reading_sessions WHERE media_id = ?", ids.get("Three")));
        assertEquals(404, http.put("/api/v1/media/nope/progress").cookie(other).json(Map.of("page", 1)).send().status());
    }

    @Test
    void keepReadingListsBooksInProgressLastReadFirst() throws Exception {
        Accounts.createUser(http, server.ownerSession(), "binge", "pw");
        String binge = Accounts.login(http, "binge", "pw");
        put(binge, "One", Map.of("page", 2));
        clock.advance(Duration.ofMillis(5));
        put(binge, "Three", Map.of("page", 1));
        clock.advance(Duration.ofMillis(5));
        put(binge, "Two", Map.of("page", 3)); // finished: not in keep-reading
        JsonNode list = http.get("/api/v1/media/keep-reading").cookie(binge).send().json().get("data");
        assertEquals(2, list.size());
        assertEquals("Three", list.get(0).get("name").asText());
        assertEquals("One", list.get(1).get("name").asText());
        put(binge, "One", Map.of("page", 3));
        assertEquals("One", http.get("/api/v1/media/keep-reading").cookie(binge).send().json().get("data").get(0).get("name").asText());
        assertEquals(200, http.delete("/api/v1/media/" + ids.get("One") + "/progress").cookie(binge).send().status());
        assertEquals(1, http.get("/api/v1/media/keep-reading").cookie(binge).send().json().get("data").size());
    }

    @Test
    void anAcknowledgedWriteSurvivesARestart() throws Exception {
        Accounts.createUser(http, server.ownerSession(), "durable", "pw");
        String durable = Accounts.login(http, "durable", "pw");
        assertEquals(200, put(durable, "Three", Map.of("page", 2)).status());
        server.restart();
        http = server.http();
        assertEquals(2, http.get("/api/v1/media/" + ids.get("Three") + "/progress").cookie(durable).send().json().get("page").asInt());
    }

    @Test
    void anAcknowledgedWriteIsInTheDatabaseWhenThePutReturns() throws Exception {
        Accounts.createUser(http, server.ownerSession(), "committed", "pw");
        String committed = Accounts.login(http, "committed", "pw");
        String user = server.string("SELECT id FROM users WHERE username_key = 'committed'");
        String book = ids.get("One");
        // Read on a connection of its own, before any shutdown: it sees only committed rows (on Derby
        // it would wait for an uncommitted one), so each answer came after the commit. Making a commit
        // durable is then Derby's log (forced to disk at commit; only the tests relax that with
        // derby.system.durability=test) or PostgreSQL's WAL.
        for (int page = 1; page <= 4; page++) {
            assertEquals(200, put(committed, "One", Map.of("page", page)).status());
            assertEquals(page, server.count("SELECT page FROM reading_sessions WHERE user_id = ? AND media_id = ?", user, book));
        }
        assertEquals(200, put(committed, "One", Map.of("page", 5)).status());
        assertEquals(1, server.count("SELECT COUNT(*) FROM finished_reading_sessions WHERE user_id = ? AND media_id = ?", user, book),
                "finishing the book is committed too");
        assertEquals(0, server.count("SELECT COUNT(*) FROM reading_sessions WHERE user_id = ? AND media_id = ?", user, book));
    }

    @Test
    void theNextBookIsTheFirstNotFinished() {
        Accounts.createUser(http, server.ownerSession(), "next", "pw");
        String next = Accounts.login(http, "next", "pw");
        String series = http.get("/api/v1/media/" + ids.get("One")).cookie(next).send().json().get("series_id").asText();
        assertEquals("One", http.get("/api/v1/series/" + series + "/media/next").cookie(next).send().json().get("name").asText());
        put(next, "One", Map.of("page", 5));
        assertEquals("Three", http.get("/api/v1/series/" + series + "/media/next").cookie(next).send().json().get("name").asText());
        JsonNode s = http.get("/api/v1/series/" + series).cookie(next).send().json();
        assertEquals(3, s.get("media_count").asInt());
        assertEquals(2, s.get("unread_media_count").asInt());
    }
}
