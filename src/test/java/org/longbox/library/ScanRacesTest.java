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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cleaning a library while it is scanned, and files the database cannot hold: whatever the
 * interleaving, a scan finishes with every book it found, and a clean removes only books whose
 * files are really gone. The races are real: real files, real HTTP, repeated until they happened.
 */
class ScanRacesTest {
    /** One reading thread: the scan spends long between adding its series and writing their books. */
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw")
            .setting("STUMP_MAX_SCANNER_CONCURRENCY", "1").build();
    @TempDir
    static Path root;
    static Http http;
    static String owner;

    @BeforeAll
    static void setUp() {
        http = server.http();
        owner = server.ownerSession();
    }

    @Test
    void aCleanDuringAScanRemovesNoSeriesTheScanIsFilling() throws Exception {
        int series = 6;
        int perSeries = 40;
        boolean raced = false;
        for (int attempt = 1; attempt <= 6 && !raced; attempt++) {
            Path folder = root.resolve("race-" + attempt);
            for (int s = 1; s <= series; s++) {
                for (int b = 1; b <= perSeries; b++) {
                    Books.cbz().pages(6).write(folder.resolve("Series " + s + "/Book " + b + ".cbz"));
                }
            }
            String lib = Scans.library(http, owner, "Race " + attempt, folder, Map.of("watch", false));
            String job = http.post("/api/v1/libraries/" + lib + "/scan").cookie(owner).send().json().get("id").asText();
            JsonNode state;
            do {
                Http.Res cleaned = http.put("/api/v1/libraries/" + lib + "/clean").cookie(owner).send();
                assertEquals(200, cleaned.status(), cleaned.toString());
                state = http.get("/api/v1/jobs/" + job).cookie(owner).send().json();
                if (cleaned.json().get("deleted_series_count").asInt() > 0 && state.get("status").asText().equals("RUNNING")) {
                    raced = true; // a clean removed series this running scan had added and not yet filled
                }
            } while (state.get("status").asText().equals("QUEUED") || state.get("status").asText().equals("RUNNING"));

            assertEquals("COMPLETED", state.get("status").asText(), "attempt " + attempt + ": " + state);
            JsonNode books = http.get("/api/v1/libraries/" + lib + "/media?page_size=1000").cookie(owner).send().json();
            assertEquals(series * perSeries, books.get("data").size(), "attempt " + attempt + ": every book is there");
            assertEquals(series, http.get("/api/v1/libraries/" + lib + "/series?page_size=100").cookie(owner).send().json()
                    .get("data").size(), "and every series");
            for (JsonNode m : books.get("data")) {
                assertEquals("READY", m.get("status").asText(), m.toString());
            }
        }
        assertTrue(raced, "no clean ever hit a running scan: the test proved nothing");
    }

    @Test
    void aCleanKeepsAMissingBookWhoseFileCameBack() throws Exception {
        Path folder = root.resolve("back");
        Path file = Books.cbz().pages(3).write(folder.resolve("S/back.cbz"));
        Books.cbz().pages(3).write(folder.resolve("S/gone.cbz"));
        String lib = Scans.library(http, owner, "Back", folder, Map.of("watch", false));
        Scans.scan(http, owner, lib);
        String id = idOf(lib, "back");
        assertEquals(200, http.put("/api/v1/media/" + id + "/progress").cookie(owner).json(Map.of("page", 2)).send().status());

        Path away = root.resolve("away.cbz");
        Files.move(file, away);
        Files.delete(folder.resolve("S/gone.cbz"));
        Scans.scan(http, owner, lib);
        assertEquals("MISSING", http.get("/api/v1/media/" + id).cookie(owner).send().json().get("status").asText());
        Files.move(away, file); // back before anyone rescans

        JsonNode cleaned = http.put("/api/v1/libraries/" + lib + "/clean").cookie(owner).send().json();
        assertEquals(1, cleaned.get("deleted_media_count").asInt(), "only the book whose file is still gone: " + cleaned);
        assertEquals(0, cleaned.get("deleted_series_count").asInt(), cleaned.toString());
        assertEquals(false, cleaned.get("is_empty").asBoolean());
        assertEquals(200, http.get("/api/v1/media/" + id).cookie(owner).send().status(), "the returned book is kept");

        Scans.scan(http, owner, lib);
        JsonNode book = http.get("/api/v1/media/" + id).cookie(owner).send().json();
        assertEquals("READY", book.get("status").asText(), book.toString());
        assertEquals(2, http.get("/api/v1/media/" + id + "/progress").cookie(owner).send().json().get("page").asInt(),
                "its reading progress too");
    }

    @Test
    void aPathLongerThanTheDatabaseHoldsIsSkippedAndTheRestOfItsBatchIsStored() throws Exception {
        Path folder = root.resolve("long");
        for (int b = 1; b <= 5; b++) {
            Books.cbz().pages(1).write(folder.resolve("Short/Book " + b + ".cbz"));
        }
        Path deep = folder.resolve("Deep");
        while (deep.toString().length() + 201 <= 1990) {
            deep = deep.resolve("d".repeat(200));
        }
        deep = deep.resolve("e".repeat(1990 - deep.toString().length() - 1)); // exactly 1990 characters
        // a folder whose path fits, holding a file whose path does not
        Books.cbz().pages(1).write(deep.resolve("x".repeat(200) + ".cbz"));
        Books.cbz().pages(1).write(deep.resolve("fits.cbz"));
        // a folder (a series) whose own path does not fit
        Books.cbz().pages(1).write(deep.resolve("y".repeat(200)).resolve("inside.cbz"));
        assertTrue(deep.resolve("x".repeat(200) + ".cbz").toString().length() > 2048);

        String lib = Scans.library(http, owner, "Long", folder, Map.of("watch", false));
        for (int scan = 1; scan <= 2; scan++) {
            JsonNode job = Scans.scan(http, owner, lib);
            assertTrue(job.get("output_data").asText().contains("2 skipped"), job.toString());
            JsonNode books = http.get("/api/v1/libraries/" + lib + "/media?page_size=100").cookie(owner).send().json().get("data");
            assertEquals(6, books.size(), "scan " + scan + ": the five short ones and fits.cbz: " + books);
        }
    }

    /**
     * Paths within the column's width that a database still cannot hold: on PostgreSQL an index
     * entry is at most 2704 bytes, which a path of ~1000 CJK characters exceeds (Derby stores them).
     * Whatever the database, such a book or folder costs only itself.
     */
    @Test
    void aPathTheDatabaseRefusesCostsOnlyItsOwnBooks() throws Exception {
        Path folder = root.resolve("wide");
        for (int b = 1; b <= 3; b++) {
            Books.cbz().pages(1).write(folder.resolve("Short/Book " + b + ".cbz"));
        }
        java.util.Random random = new java.util.Random(1); // varied characters: PostgreSQL cannot compress them into its index
        Path deep = folder.resolve("Deep");
        while (utf8(deep) + 241 < 2400) {
            deep = deep.resolve(cjk(random, 80));
        }
        while (utf8(deep) + 201 <= 2560) { // then about 2560 bytes, in names of at most 200
            deep = deep.resolve("p".repeat(200));
        }
        if (2560 - utf8(deep) - 1 >= 1) {
            deep = deep.resolve("p".repeat(2560 - utf8(deep) - 1));
        }
        Books.cbz().pages(1).write(deep.resolve("fits.cbz"));
        Books.cbz().pages(1).write(deep.resolve(cjk(random, 60) + ".cbz")); // a book too wide for the index
        Books.cbz().pages(1).write(deep.resolve(cjk(random, 60)).resolve("in a wide folder.cbz")); // a series too wide
        assertTrue(utf8(deep) >= 2550 && utf8(deep) <= 2560, "" + utf8(deep));

        String lib = Scans.library(http, owner, "Wide", folder, Map.of("watch", false));
        for (int scan = 1; scan <= 2; scan++) {
            JsonNode job = Scans.scan(http, owner, lib);
            JsonNode books = http.get("/api/v1/libraries/" + lib + "/media?page_size=100").cookie(owner).send().json().get("data");
            List<String> names = books.findValuesAsText("name");
            assertTrue(names.containsAll(List.of("Book 1", "Book 2", "Book 3", "fits")), names.toString());
            assertTrue(names.size() == 6 || job.get("output_data").asText().contains((6 - names.size()) + " skipped"),
                    "stored, or counted as skipped: " + job);
        }
    }

    private static int utf8(Path p) {
        return p.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static String cjk(java.util.Random random, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) (0x4e00 + random.nextInt(0x5000)));
        }
        return sb.toString();
    }

    private static String idOf(String lib, String name) {
        for (JsonNode m : http.get("/api/v1/libraries/" + lib + "/media?page_size=100").cookie(owner).send().json().get("data")) {
            if (m.get("name").asText().equals(name)) {
                return m.get("id").asText();
            }
        }
        throw new AssertionError("no book " + name);
    }
}
