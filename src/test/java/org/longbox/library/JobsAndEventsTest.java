package org.longbox.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Background scans: the jobs list, cancelling, watching folders, the schedule and the /sse stream. */
class JobsAndEventsTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw").build();
    @TempDir
    static Path root;
    static Http http;
    static String owner;

    @BeforeAll
    static void connect() {
        http = server.http();
        owner = server.ownerSession();
    }

    @Test
    void theEventStreamCarriesJobProgressAndNewBooks() throws Exception {
        Path dir = Files.createDirectories(root.resolve("sse"));
        Books.cbz().pages(2).write(dir.resolve("S/One.cbz"));
        Books.cbz().pages(2).write(dir.resolve("S/Two.cbz"));
        String lib = Scans.library(http, owner, "Events", dir, null);

        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(URI.create(http.base() + "/sse"))
                .header("Cookie", "stump_session=" + owner).header("Accept", "text/event-stream").build();
        var future = client.sendAsync(req, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = future.get();
        assertEquals(200, response.statusCode());
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        waitFor(() -> lines.stream().anyMatch(l -> l.contains("connected")), "stream opened");

        Scans.scan(http, owner, lib);
        waitFor(() -> joined(lines).contains("\"__typename\":\"CreatedMedia\""), "CreatedMedia event");
        String all = joined(lines);
        assertTrue(all.contains("\"__typename\":\"JobStarted\""), all);
        assertTrue(all.contains("\"__typename\":\"JobUpdate\""), all);
        assertTrue(all.contains("\"__typename\":\"CreatedManySeries\""), all);
        for (String l : lines) {
            if (l.startsWith("data:")) {
                new ObjectMapper().readTree(l.substring(5)); // every event is JSON
            }
        }
        response.body().close();
    }

    @Test
    void theStreamIsNotForAnonymousCallers() {
        // Readers may listen since issue 9 (as in Stump); what they hear is EventStreamTest's subject.
        assertEquals(401, http.get("/sse").send().status());
    }

    @Test
    void jobsAreListedWithProgressAndOnlyForTheOwner() throws Exception {
        Path dir = Files.createDirectories(root.resolve("jobs"));
        Books.cbz().pages(1).write(dir.resolve("S/A.cbz"));
        String lib = Scans.library(http, owner, "Jobs", dir, null);
        JsonNode job = Scans.scan(http, owner, lib);
        JsonNode list = http.get("/api/v1/jobs").cookie(owner).send().json();
        assertTrue(list.get("data").toString().contains(job.get("id").asText()));
        assertEquals(100.0, job.get("percent").asDouble());
        assertEquals("LibraryScan", job.get("name").asText());
        for (String field : new String[]{"id", "name", "description", "status", "save_state", "output_data", "ms_elapsed",
                "created_at", "completed_at", "logs"}) {
            assertTrue(job.has(field), "Stump's Job has " + field + ": " + job);
        }
        assertTrue(job.get("save_state").isNull(), "nothing to resume a job from");
        assertTrue(job.get("logs").isArray() && job.get("logs").isEmpty(), "no per-job log lines are kept");
        JsonNode listed = list.get("data").get(0);
        assertTrue(listed.has("save_state") && listed.get("logs").isArray(), listed.toString());
        Http.Res cancelFinished = http.delete("/api/v1/jobs/" + job.get("id").asText() + "/cancel").cookie(owner).send();
        assertEquals(400, cancelFinished.status());
        assertEquals(404, http.get("/api/v1/jobs/no-such-job").cookie(owner).send().status());
        Accounts.createUser(http, owner, "scanner", "pw", "library:scan");
        String scanner = Accounts.login(http, "scanner", "pw");
        assertEquals(403, http.get("/api/v1/jobs").cookie(scanner).send().status());
        assertEquals(200, http.post("/api/v1/libraries/" + lib + "/scan").cookie(scanner).send().status(), "library:scan may scan");
        assertEquals(200, http.delete("/api/v1/jobs/" + job.get("id").asText()).cookie(owner).send().status());
        assertEquals(404, http.get("/api/v1/jobs/" + job.get("id").asText()).cookie(owner).send().status());
    }

    @Test
    void aCancelledScanKeepsWhatItFinishedAndTheNextScanCompletesTheRest() throws Exception {
        Path dir = Files.createDirectories(root.resolve("big"));
        for (int i = 0; i < 400; i++) {
            Books.cbz().pages(1).write(dir.resolve("S" + (i % 10) + "/Book " + i + ".cbz"));
        }
        String lib = Scans.library(http, owner, "Big", dir, null);
        String jobId = http.post("/api/v1/libraries/" + lib + "/scan").cookie(owner).send().json().get("id").asText();
        assertEquals(jobId, http.post("/api/v1/libraries/" + lib + "/scan").cookie(owner).send().json().get("id").asText(),
                "asking again while it runs returns the same job");
        http.delete("/api/v1/jobs/" + jobId + "/cancel").cookie(owner).send();
        JsonNode job = waitForEnd(jobId);
        long afterCancel = server.count("SELECT COUNT(*) FROM media WHERE library_id = ?", lib);
        assertTrue(job.get("status").asText().equals("CANCELLED") || afterCancel == 400, job.toString());
        JsonNode next = Scans.scan(http, owner, lib);
        assertEquals(400, server.count("SELECT COUNT(*) FROM media WHERE library_id = ?", lib), next.toString());
        assertEquals(0, server.count("SELECT COUNT(*) FROM (SELECT path FROM media GROUP BY path HAVING COUNT(*) > 1) d"),
                "no book recorded twice");
    }

    @Test
    void aWatchedLibraryIsRescannedAfterItsFolderChanges() throws Exception {
        Path dir = Files.createDirectories(root.resolve("watched"));
        Books.cbz().pages(1).write(dir.resolve("S/First.cbz"));
        String lib = Scans.library(http, owner, "Watched", dir, Map.of("watch", true));
        Scans.scan(http, owner, lib);
        Books.cbz().pages(1).write(dir.resolve("S/Second.cbz"));
        Books.cbz().pages(1).write(dir.resolve("New Series/Third.cbz"));
        long deadline = System.currentTimeMillis() + 20_000;
        while (server.count("SELECT COUNT(*) FROM media WHERE library_id = ?", lib) < 3) {
            assertTrue(System.currentTimeMillis() < deadline, "the watcher did not rescan within 20 s");
            Thread.sleep(200);
        }
    }

    @Test
    void theScheduleIsKeptAndValidated() throws Exception {
        String lib = Scans.library(http, owner, "Scheduled", Files.createDirectories(root.resolve("scheduled")), null);
        assertTrue(http.get("/api/v1/jobs/scheduler-config").cookie(owner).send().json().get("interval_secs").isNull());
        assertEquals(400, http.post("/api/v1/jobs/scheduler-config").cookie(owner).json(Map.of("interval_secs", 5)).send().status());
        JsonNode set = http.post("/api/v1/jobs/scheduler-config").cookie(owner)
                .json(Map.of("interval_secs", 3600, "excluded_library_ids", List.of(lib))).send().json();
        assertEquals(3600, set.get("interval_secs").asInt());
        assertEquals(List.of(lib), List.of(set.get("excluded_library_ids").get(0).asText()));
        assertEquals(3600, http.get("/api/v1/jobs/scheduler-config").cookie(owner).send().json().get("interval_secs").asInt());
        assertEquals(200, http.post("/api/v1/jobs/scheduler-config").cookie(owner).json("{\"interval_secs\": null}").send().status());
    }

    @Test
    void excludingALibraryThatDoesNotExistIsRefusedNamingIt() throws Exception {
        String lib = Scans.library(http, owner, "Real", Files.createDirectories(root.resolve("real")), null);
        Http.Res refused = http.post("/api/v1/jobs/scheduler-config").cookie(owner)
                .json(Map.of("interval_secs", 3600, "excluded_library_ids", List.of(lib, "x", "no-such-library"))).send();
        assertEquals(400, refused.status());
        assertEquals(400, refused.json().get("status").asInt());
        String message = refused.json().get("message").asText();
        assertTrue(message.endsWith(": x, no-such-library"), "names the unknown ids, not the real one: " + message);
        JsonNode kept = http.get("/api/v1/jobs/scheduler-config").cookie(owner).send().json();
        assertTrue(!kept.toString().contains("no-such-library"), "nothing was stored: " + kept);
    }

    private static JsonNode waitForEnd(String jobId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode job = http.get("/api/v1/jobs/" + jobId).cookie(owner).send().json();
            if (!job.get("status").asText().equals("RUNNING") && !job.get("status").asText().equals("QUEUED")) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job did not end");
    }

    private static String joined(List<String> lines) {
        return String.join("\n", lines);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, "timed out waiting for " + what);
            Thread.sleep(50);
        }
    }
}
