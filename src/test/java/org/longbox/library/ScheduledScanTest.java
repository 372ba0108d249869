package org.longbox.library;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.longbox.testing.Books;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.Scans;
import org.longbox.testing.TestClock;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scheduled scans firing. The node checks every STUMP_SCHEDULER_CHECK_INTERVAL seconds (1 here,
 * 30 by default; a real timer, which these tests are about) whether the last run, kept in
 * server_config, is an interval old by the clock; a test makes the schedule due by moving the test
 * clock two hours on instead of waiting the 60 s minimum. Libraries are not watched, so only the
 * schedule can pick up the books added on disk.
 */
class ScheduledScanTest {
    static final TestClock clock = new TestClock();

    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().clock(clock).claimedBy("owner", "pw")
            .setting("STUMP_SCHEDULER_CHECK_INTERVAL", "1").build();
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
    void aDueScheduleScansEveryLibraryButTheExcludedOnes() throws Exception {
        String included = scannedLibrary("Included");
        String excluded = scannedLibrary("Excluded");
        schedule(3600, List.of(excluded));
        Books.cbz().pages(1).write(root.resolve("Included/S/New.cbz"));
        Books.cbz().pages(1).write(root.resolve("Excluded/S/New.cbz"));

        Thread.sleep(2500);
        assertEquals(1, scanJobs(included).size(), "saving the schedule starts the count; nothing is due yet");

        makeDue();
        JsonNode job = awaitScanJobs(included, 2).get(0);
        Scans.await(http, owner, job.get("id").asText());
        assertEquals(2, books(included), "the scheduled scan found the new book");
        assertEquals(1, scanJobs(excluded).size(), "the excluded library was not scanned");
        assertEquals(1, books(excluded));
        assertTrue(clock.millis() - lastRun() < 10_000, "the run was recorded");

        Thread.sleep(2500);
        assertEquals(2, scanJobs(included).size(), "one run per interval, not one per check");
    }

    @Test
    void aRestartDoesNotPostponeADueSchedule() throws Exception {
        String lib = scannedLibrary("Restarted");
        schedule(3600, List.of());
        Books.cbz().pages(1).write(root.resolve("Restarted/S/New.cbz"));
        server.stop();
        makeDue(); // while no node runs, so only the restarted one can act on it
        server.start();
        http = server.http();
        JsonNode job = awaitScanJobs(lib, 2).get(0);
        Scans.await(http, owner, job.get("id").asText());
        assertEquals(2, books(lib));
    }

    @Test
    void nothingRunsWhileTheScheduleIsUnset() throws Exception {
        String lib = scannedLibrary("Unscheduled");
        schedule(3600, List.of());
        assertEquals(200, http.post("/api/v1/jobs/scheduler-config").cookie(owner).json("{\"interval_secs\": null}").send().status());
        makeDue();
        Books.cbz().pages(1).write(root.resolve("Unscheduled/S/New.cbz"));
        Thread.sleep(3000);
        assertEquals(1, scanJobs(lib).size(), "no scan was queued by three checks without a schedule");
        assertEquals(1, books(lib));
    }

    /** A library with one book, scanned once by hand (one scan job), not watched. */
    private static String scannedLibrary(String name) throws Exception {
        Books.cbz().pages(1).write(root.resolve(name + "/S/First.cbz"));
        String id = Scans.library(http, owner, name, root.resolve(name), Map.of("watch", false));
        Scans.scan(http, owner, id);
        return id;
    }

    private static void schedule(int intervalSecs, List<String> excluded) {
        Map<String, Object> body = new HashMap<>();
        body.put("interval_secs", intervalSecs);
        body.put("excluded_library_ids", excluded);
        assertEquals(200, http.post("/api/v1/jobs/scheduler-config").cookie(owner).json(body).send().status());
    }

    /** Two hours later: the last scheduled run (or the saving of the schedule) is then two hours ago. */
    private static void makeDue() {
        clock.advance(Duration.ofHours(2));
    }

    private static long lastRun() throws Exception {
        return Long.parseLong(server.string("SELECT value FROM server_config WHERE name = 'scan_schedule_last_run'"));
    }

    private static long books(String lib) throws Exception {
        return server.count("SELECT COUNT(*) FROM media WHERE library_id = ?", lib);
    }

    /** The library's scan jobs, newest first, through the API. */
    private static List<JsonNode> scanJobs(String lib) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode j : http.get("/api/v1/jobs?page_size=100").cookie(owner).send().json().get("data")) {
            if (lib.equals(j.get("library_id").asText()) && j.get("name").asText().equals("LibraryScan")) {
                found.add(j);
            }
        }
        return found;
    }

    private static List<JsonNode> awaitScanJobs(String lib, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            List<JsonNode> jobs = scanJobs(lib);
            if (jobs.size() >= count) {
                return jobs;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no scheduled scan of " + lib + " within 15 s: " + scanJobs(lib));
    }
}
