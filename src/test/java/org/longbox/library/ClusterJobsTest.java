package org.longbox.library;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.longbox.testing.Books;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.Scans;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jobs when several deployments share one database (as in MultiNodeTest): a node that starts leaves
 * the running scan of another node alone and fails only the jobs nobody keeps alive; a due schedule
 * is run by one node, not by each.
 */
class ClusterJobsTest {
    @RegisterExtension
    static LongboxServer nodeA = LongboxServer.builder().contextPath("/a").claimedBy("owner", "pw")
            .setting("STUMP_MAX_SCANNER_CONCURRENCY", "1").setting("STUMP_SCHEDULER_CHECK_INTERVAL", "1").build();
    @RegisterExtension
    static LongboxServer nodeB = LongboxServer.builder().contextPath("/b").sharingDatabaseWith(nodeA)
            .setting("STUMP_SCHEDULER_CHECK_INTERVAL", "1").build();
    /** Started in the middle of a test: a node joining the cluster, or coming back after a restart. */
    static LongboxServer nodeC = LongboxServer.builder().contextPath("/c").sharingDatabaseWith(nodeA).build();
    @TempDir
    static Path root;
    static Http a;
    static Http b;
    static String owner;

    @BeforeAll
    static void connect() {
        a = nodeA.http();
        b = nodeB.http();
        owner = nodeA.ownerSession();
    }

    @AfterAll
    static void stopNodeC() throws Exception {
        nodeC.afterAll(null);
    }

    @Test
    void aStartingNodeLeavesAnotherNodesRunningScanAloneAndFailsOnlyAbandonedJobs() throws Exception {
        // Large covers and thumbnails made by the scan, one book at a time: a scan that lasts seconds.
        Path dir = root.resolve("big");
        byte[] cover = Books.jpeg(3000, 4000, 7);
        for (int i = 0; i < 120; i++) {
            Books.cbz().page("001.jpg", cover).write(dir.resolve("S" + (i % 5) + "/B" + i + ".cbz"));
        }
        String lib = Scans.library(a, owner, "Big", dir, Map.of("watch", false, "thumbnail_config", Map.of("format", "Png")));
        // What a node that died five minutes ago, mid-scan, left behind.
        long now = System.currentTimeMillis();
        try (var c = nodeA.sql(); var st = c.prepareStatement("INSERT INTO jobs (id, name, description, status, library_id, "
                + "total_tasks, completed_tasks, ms_elapsed, created_at, node_id, heartbeat_at) "
                + "VALUES ('abandoned', 'LibraryScan', 'Scanning Big', 'RUNNING', ?, 121, 100, 60000, ?, 'a-node-that-died', ?)")) {
            st.setString(1, lib);
            st.setLong(2, now - 360_000);
            st.setLong(3, now - 300_000);
            st.executeUpdate();
        }

        String live = a.post("/api/v1/libraries/" + lib + "/scan").cookie(owner).send().json().get("id").asText();
        awaitRunning(live);
        nodeC.beforeAll(null);
        Http c = nodeC.http();

        JsonNode seenFromC = c.get("/api/v1/jobs/" + live).cookie(owner).send().json();
        assertEquals("RUNNING", seenFromC.get("status").asText(), "the new node left node A's scan alone: " + seenFromC);
        JsonNode abandoned = c.get("/api/v1/jobs/abandoned").cookie(owner).send().json();
        assertEquals("FAILED", abandoned.get("status").asText(), abandoned.toString());
        assertEquals("Interrupted: the server running it stopped before the job finished", abandoned.get("output_data").asText());
        assertTrue(abandoned.hasNonNull("completed_at"), abandoned.toString());

        Http.Res cancelElsewhere = c.delete("/api/v1/jobs/" + live + "/cancel").cookie(owner).send();
        assertEquals(400, cancelElsewhere.status());
        assertTrue(cancelElsewhere.json().get("message").asText().contains("another server"), cancelElsewhere.toString());
        assertEquals(400, c.delete("/api/v1/jobs/" + live).cookie(owner).send().status(), "a running job's record stays");

        JsonNode done = Scans.await(a, owner, live);
        assertTrue(done.get("output_data").asText().contains("books added 120"), done.toString());
        assertEquals(120, nodeA.count("SELECT COUNT(*) FROM media WHERE library_id = ?", lib));
        assertEquals("COMPLETED", c.get("/api/v1/jobs/" + live).cookie(owner).send().json().get("status").asText());
    }

    @Test
    void aDueScheduleIsRunByOneNodeOnly() throws Exception {
        Books.cbz().pages(1).write(root.resolve("scheduled/S/First.cbz"));
        String lib = Scans.library(a, owner, "Scheduled", root.resolve("scheduled"), Map.of("watch", false));
        Scans.scan(a, owner, lib);
        assertEquals(200, b.post("/api/v1/jobs/scheduler-config").cookie(owner).json(Map.of("interval_secs", 3600)).send().status());
        Books.cbz().pages(1).write(root.resolve("scheduled/S/Second.cbz"));
        try (var c = nodeA.sql(); var st = c.prepareStatement("UPDATE server_config SET value = ? WHERE name = 'scan_schedule_last_run'")) {
            st.setString(1, Long.toString(System.currentTimeMillis() - 2 * 3600_000L));
            assertEquals(1, st.executeUpdate());
        }
        long deadline = System.currentTimeMillis() + 15_000;
        while (scanJobs(lib).size() < 2) {
            assertTrue(System.currentTimeMillis() < deadline, "no scheduled scan within 15 s");
            Thread.sleep(100);
        }
        Scans.await(a, owner, scanJobs(lib).get(0).get("id").asText());
        Thread.sleep(3000); // three more checks on each node
        assertEquals(2, scanJobs(lib).size(), "one scheduled scan, though both nodes check every second: " + scanJobs(lib));
        assertEquals(2, nodeA.count("SELECT COUNT(*) FROM media WHERE library_id = ?", lib));
    }

    private static void awaitRunning(String jobId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            JsonNode job = a.get("/api/v1/jobs/" + jobId).cookie(owner).send().json();
            if (job.get("status").asText().equals("RUNNING")) {
                return;
            }
            assertTrue(System.currentTimeMillis() < deadline && job.get("status").asText().equals("QUEUED"), job.toString());
            Thread.sleep(20);
        }
    }

    private static List<JsonNode> scanJobs(String lib) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode j : a.get("/api/v1/jobs?page_size=100").cookie(owner).send().json().get("data")) {
            if (lib.equals(j.get("library_id").asText())) {
                found.add(j);
            }
        }
        return found;
    }
}
