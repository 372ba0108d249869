package org.longbox.library;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.longbox.testing.Books;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.Scans;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a server that died mid-scan leaves behind, and the start after it. An undeploy cancels jobs
 * cleanly (FormatsScanTest); a crash cannot be staged inside the test JVM, so its database state is
 * made with SQL while the server is stopped, from the rows a real scan wrote: the scan's job still
 * RUNNING and another QUEUED behind it, their node silent for ten minutes; the books of the two
 * batches (of 100) that committed, the rest not there; every series row (the scanner inserts them
 * all before the first batch), so one series has part of its books and none is fully missing; no
 * scan record and no last_scanned_at, which the scan writes only when it ends.
 */
class CrashRecoveryTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw").build();
    @TempDir
    static Path root;

    @Test
    void afterACrashMidScanTheJobIsFailedTheLibraryIsConsistentAndTheNextScanCompletesIt() throws Exception {
        Http http = server.http();
        String owner = server.ownerSession();
        for (int s = 0; s < 5; s++) {
            for (int i = 0; i < 45; i++) {
                Books.cbz().pages(2).write(root.resolve("crashed/S" + s + "/Book " + i + ".cbz"));
            }
        }
        String lib = Scans.library(http, owner, "Crashed", root.resolve("crashed"), Map.of("watch", false));
        String job = Scans.scan(http, owner, lib).get("id").asText();
        Books.cbz().pages(1).write(root.resolve("Other/Only.cbz"));
        String other = Scans.library(http, owner, "Queued behind", root.resolve("Other"), Map.of("watch", false));
        Map<String, String> idsBefore = bookIds(http, owner, lib);
        assertEquals(225, idsBefore.size());

        server.stop();
        long now = System.currentTimeMillis();
        try (Connection c = server.sql()) {
            c.setAutoCommit(false);
            List<String> written = new ArrayList<>();
            try (var st = c.prepareStatement("SELECT id FROM media WHERE library_id = ? ORDER BY path")) {
                st.setString(1, lib);
                try (var rs = st.executeQuery()) {
                    while (rs.next()) {
                        written.add(rs.getString(1));
                    }
                }
            }
            for (String notYet : written.subList(200, written.size())) {
                exec(c, "DELETE FROM media WHERE id = ?", notYet);
            }
            exec(c, "DELETE FROM library_scan_records WHERE library_id = ?", lib);
            exec(c, "UPDATE libraries SET last_scanned_at = NULL WHERE id = ?", lib);
            exec(c, "UPDATE jobs SET status = 'RUNNING', completed_tasks = 200, output_data = NULL, completed_at = NULL, "
                    + "heartbeat_at = ? WHERE id = ?", now - 600_000, job);
            exec(c, "INSERT INTO jobs (id, name, description, status, library_id, created_at, node_id, heartbeat_at) "
                    + "SELECT 'queued-behind', name, 'Scanning Queued behind', 'QUEUED', ?, created_at + 1, node_id, ? "
                    + "FROM jobs WHERE id = ?", other, now - 600_000, job);
            c.commit();
        }
        assertEquals(200, server.count("SELECT COUNT(*) FROM media WHERE library_id = ?", lib));
        assertEquals(20, server.count("SELECT COUNT(*) FROM media m JOIN series s ON s.id = m.series_id "
                + "WHERE m.library_id = ? AND s.name = 'S4'", lib), "one series half written");
        server.start();
        http = server.http();

        // The interrupted jobs say so.
        for (String id : new String[]{job, "queued-behind"}) {
            JsonNode j = http.get("/api/v1/jobs/" + id).cookie(owner).send().json();
            assertEquals("FAILED", j.get("status").asText(), j.toString());
            assertEquals("Interrupted: the server running it stopped before the job finished", j.get("output_data").asText());
            assertTrue(j.hasNonNull("completed_at"), j.toString());
        }

        // The library shows what was committed, and every view agrees.
        Map<String, String> listed = bookIds(http, owner, lib);
        assertEquals(200, listed.size());
        JsonNode stats = http.get("/api/v1/libraries/" + lib + "/stats").cookie(owner).send().json();
        assertEquals(200, stats.get("book_count").asInt(), stats.toString());
        assertEquals(5, stats.get("series_count").asInt(), stats.toString());
        JsonNode series = http.get("/api/v1/libraries/" + lib + "/series?page_size=100").cookie(owner).send().json().get("data");
        assertEquals(5, series.size());
        int sum = 0;
        for (JsonNode s : series) {
            int inSeries = http.get("/api/v1/series/" + s.get("id").asText() + "/media?page_size=1000").cookie(owner).send()
                    .json().get("data").size();
            assertEquals(s.get("media_count").asInt(), inSeries, "series " + s.get("name") + " counts what it lists");
            assertEquals(s.get("name").asText().equals("S4") ? 20 : 45, inSeries, s.get("name").asText());
            sum += inSeries;
        }
        assertEquals(200, sum);
        JsonNode lastScan = http.get("/api/v1/libraries/" + lib + "/last-scan").cookie(owner).send().json();
        assertTrue(lastScan.get("last_scanned_at").isNull(), "the interrupted scan did not count as done: " + lastScan);
        for (String id : listed.values()) {
            Http.Res page = http.get("/api/v1/media/" + id + "/page/2").cookie(owner).send();
            assertEquals(200, page.status(), "every listed book is whole: " + id);
        }

        // The next scan does the rest: every book once, the surviving ones under the same id.
        JsonNode next = Scans.scan(http, owner, lib);
        assertTrue(next.get("output_data").asText().contains("books added 25, re-read 0, unchanged 200"), next.toString());
        Map<String, String> after = bookIds(http, owner, lib);
        assertEquals(225, after.size());
        assertEquals(225, server.count("SELECT COUNT(*) FROM media WHERE library_id = ?", lib));
        assertEquals(0, server.count("SELECT COUNT(*) FROM (SELECT path FROM media GROUP BY path HAVING COUNT(*) > 1) d"));
        assertEquals(5, server.count("SELECT COUNT(*) FROM series WHERE library_id = ?", lib), "no series made twice");
        listed.forEach((path, id) -> assertEquals(id, after.get(path), "kept its id (and so its reading progress): " + path));
        Set<String> perSeries = new HashSet<>();
        for (JsonNode s : http.get("/api/v1/libraries/" + lib + "/series?page_size=100").cookie(owner).send().json().get("data")) {
            perSeries.add(s.get("name").asText() + "=" + s.get("media_count").asInt());
        }
        assertEquals(Set.of("S0=45", "S1=45", "S2=45", "S3=45", "S4=45"), perSeries);
        assertTrue(Scans.scan(http, owner, other).get("output_data").asText().contains("books added 1"));
    }

    /** The library's books as listed over HTTP: their relative paths (series/name) and ids. */
    private static Map<String, String> bookIds(Http http, String owner, String lib) {
        Map<String, String> ids = new HashMap<>();
        for (JsonNode m : http.get("/api/v1/libraries/" + lib + "/media?page_size=1000").cookie(owner).send().json().get("data")) {
            String key = m.get("series_id").asText() + "/" + m.get("name").asText();
            assertEquals(null, ids.put(key, m.get("id").asText()), "listed once: " + key);
        }
        return ids;
    }

    private static void exec(Connection c, String sql, Object... args) throws Exception {
        try (var st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            st.executeUpdate();
        }
    }
}
