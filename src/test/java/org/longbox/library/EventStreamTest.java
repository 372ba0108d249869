package org.longbox.library;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.longbox.testing.Accounts;
import org.longbox.testing.Books;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.Scans;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /sse}: any signed-in user may listen and hears only of what they may see; a stream ends
 * within seconds of a logout, a lock or a deletion; a client going away is no error. (Limits:
 * {@link EventStreamLimitsTest}.)
 */
class EventStreamTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw").build();
    @TempDir
    static Path root;
    static Http http;
    static String owner;
    static final List<Stream<String>> open = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void connect() {
        http = server.http();
        owner = server.ownerSession();
    }

    @AfterEach
    void closeStreams() {
        open.forEach(Stream::close);
        open.clear();
    }

    @Test
    void aReaderMayListenAndHearsOnlyOfTheLibrariesAndBooksTheyMaySee() throws Exception {
        Path shown = Files.createDirectories(root.resolve("shown"));
        Path hidden = Files.createDirectories(root.resolve("hidden"));
        Books.cbz().pages(1).comicInfo("Kids", null, null, null, "Everyone").write(shown.resolve("S/kids.cbz"));
        Books.cbz().pages(1).comicInfo("Grown", null, null, null, "Mature 17+").write(shown.resolve("S/grown.cbz"));
        Books.cbz().pages(1).write(hidden.resolve("S/secret.cbz"));
        String shownLib = Scans.library(http, owner, "Shown", shown, Map.of("watch", false));
        String hiddenLib = Scans.library(http, owner, "Hidden", hidden, Map.of("watch", false));
        String readerId = Accounts.createUser(http, owner, "reader", "pw").get("id").asText();
        String kidId = http.post("/api/v1/users").cookie(owner).json(Map.of("username", "kid", "password", "pw",
                "age_restriction", Map.of("age", 13, "restrict_on_unset", true))).send().json().get("id").asText();
        assertEquals(200, http.post("/api/v1/libraries/" + hiddenLib + "/excluded-users").cookie(owner)
                .json(Map.of("user_ids", List.of(readerId, kidId))).send().status());

        Listener ownerStream = listen("Cookie", "stump_session=" + owner);
        Listener reader = listen("Cookie", "stump_session=" + Accounts.login(http, "reader", "pw"));
        Listener kid = listen("Cookie", "stump_session=" + Accounts.login(http, "kid", "pw"));
        assertEquals(200, reader.status, "any signed-in user may listen, as in Stump");
        assertEquals(200, kid.status);

        Scans.scan(http, owner, hiddenLib); // first: anything of it would reach a listener before the next scan's events
        Scans.scan(http, owner, shownLib);
        Map<String, String> books = bookIds();
        waitFor(() -> ownerStream.has(books.get("grown")), "the owner hears of every book");
        waitFor(() -> reader.has(books.get("grown")) && reader.has(books.get("kids")), "the reader hears of the shown books");
        waitFor(() -> kid.has(books.get("kids")), "the kid hears of the book for everyone");

        assertTrue(ownerStream.has(books.get("secret")) && ownerStream.has(hiddenLib), ownerStream.text());
        assertTrue(ownerStream.has("\"__typename\":\"JobUpdate\""), "job events go to the owner: " + ownerStream.text());
        for (Listener l : List.of(reader, kid)) {
            assertFalse(l.has(books.get("secret")), "a book of a hidden library: " + l.text());
            assertFalse(l.has(hiddenLib), "an event about a hidden library: " + l.text());
            assertFalse(l.has("\"__typename\":\"Job"), "jobs are the owner's business: " + l.text());
            assertTrue(l.has(shownLib), "events about the shown library reach them: " + l.text());
        }
        assertFalse(kid.has(books.get("grown")), "a book beyond the age restriction: " + kid.text());
    }

    @Test
    void aStreamEndsWithinSecondsOfALogoutALockOrADeletion() throws Exception {
        Accounts.createUser(http, owner, "leaver", "pw");
        String leaverSession = Accounts.login(http, "leaver", "pw");
        Listener byCookie = listen("Cookie", "stump_session=" + leaverSession);
        String lockedId = Accounts.createUser(http, owner, "locked", "pw").get("id").asText();
        Listener locked = listen("Cookie", "stump_session=" + Accounts.login(http, "locked", "pw"));
        String goneId = Accounts.createUser(http, owner, "gone", "pw").get("id").asText();
        Listener byToken = listen("Bearer " + jwt("gone", "pw"));
        Accounts.createUser(http, owner, "stays", "pw");
        Listener stays = listen("Cookie", "stump_session=" + Accounts.login(http, "stays", "pw"));
        for (Listener l : List.of(byCookie, locked, byToken, stays)) {
            assertEquals(200, l.status);
            assertFalse(l.ended(), "open until something ends it");
        }

        assertEquals(200, http.post("/api/v1/auth/logout").cookie(leaverSession).send().status());
        assertEquals(200, http.put("/api/v1/users/" + lockedId + "/lock").cookie(owner).json(Map.of("lock", true)).send().status());
        assertEquals(200, http.delete("/api/v1/users/" + goneId).cookie(owner).send().status());
        long start = System.nanoTime();
        waitFor(() -> byCookie.ended() && locked.ended() && byToken.ended(), "the three streams end");
        assertTrue(System.nanoTime() - start < 6_000_000_000L, "within seconds");
        assertFalse(stays.ended(), "another user's stream goes on");
    }

    @Test
    void aClientGoingAwayIsNoSevereLogLine() throws Exception {
        List<LogRecord> severe = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    severe.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger rootLogger = Logger.getLogger("");
        rootLogger.addHandler(capture);
        try {
            Listener gone = listen("Cookie", "stump_session=" + owner);
            gone.lines.close();
            open.remove(gone.lines);
            Path dir = Files.createDirectories(root.resolve("after-close"));
            for (int i = 0; i < 30; i++) {
                Books.cbz().pages(1).write(dir.resolve("S/B" + i + ".cbz"));
            }
            Scans.scan(http, owner, Scans.library(http, owner, "After close", dir, Map.of("watch", false)));
            Thread.sleep(500); // let the writers try the closed connection
            assertEquals(List.of(), severe.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
        } finally {
            rootLogger.removeHandler(capture);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** An open stream being read into lines on a thread of its own. */
    static final class Listener {
        final int status;
        final Stream<String> lines;
        final List<String> received = new CopyOnWriteArrayList<>();
        final Thread reader;

        Listener(HttpResponse<Stream<String>> response) {
            this.status = response.statusCode();
            this.lines = response.body();
            open.add(lines);
            this.reader = new Thread(() -> {
                try {
                    lines.forEach(received::add);
                } catch (RuntimeException closed) {
                    // the test closed it
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        boolean has(String text) {
            return text != null && text().contains(text);
        }

        String text() {
            return String.join("\n", received);
        }

        /** True once the server ended the stream. */
        boolean ended() {
            return !reader.isAlive();
        }
    }

    private static Listener listen(String authorization) throws Exception {
        return listen(http.base(), "Authorization", authorization);
    }

    private static Listener listen(String header, String value) throws Exception {
        return listen(http.base(), header, value);
    }

    /** Opens {@code /sse} under {@code base} with one credential header, and waits until it is open. */
    static Listener listen(URI base, String header, String value) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/sse")).header(header, value)
                .header("Accept", "text/event-stream").build();
        Listener l = new Listener(HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofLines()));
        if (l.status == 200) {
            waitFor(() -> l.has("connected"), "the stream opens");
        }
        return l;
    }

    private static String jwt(String username, String password) {
        return http.post("/api/v1/auth/login?generate_token=true&create_session=false")
                .json(Map.of("username", username, "password", password)).send().json().get("token").get("access_token").asText();
    }

    private static Map<String, String> bookIds() {
        Map<String, String> ids = new java.util.HashMap<>();
        for (JsonNode m : http.get("/api/v1/media?page_size=100").cookie(owner).send().json().get("data")) {
            ids.put(m.get("name").asText(), m.get("id").asText());
        }
        return ids;
    }

    static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting: " + what);
            Thread.sleep(20);
        }
    }
}
