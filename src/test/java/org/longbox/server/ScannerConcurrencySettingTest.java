package org.longbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.longbox.server.config.InvalidSettingException;
import org.longbox.server.config.Settings;
import org.longbox.server.config.SettingsLoader;
import org.longbox.testing.Books;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.Scans;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** STUMP_MAX_SCANNER_CONCURRENCY: read like every other setting, a bad value stops the start, 1 still scans. */
class ScannerConcurrencySettingTest {
    @TempDir
    Path dir;

    private Settings load(Map<String, String> env) {
        Map<String, String> init = new HashMap<>();
        init.put("STUMP_CONFIG_DIR", dir.toString());
        return new SettingsLoader(env::get, name -> null, init::get, name -> null).load();
    }

    @Test
    void theDefaultIsTwiceTheProcessorsAndAGoodValueIsTaken() throws Exception {
        assertEquals(Runtime.getRuntime().availableProcessors() * 2, load(Map.of()).scannerConcurrency());
        assertEquals(3, load(Map.of("STUMP_MAX_SCANNER_CONCURRENCY", "3")).scannerConcurrency());
        assertEquals(1, load(Map.of("STUMP_MAX_SCANNER_CONCURRENCY", " 1 ")).scannerConcurrency(), "trimmed");
        assertEquals(256, load(Map.of("STUMP_MAX_SCANNER_CONCURRENCY", "256")).scannerConcurrency());
        Files.writeString(dir.resolve("Stump.toml"), "max_scanner_concurrency = 5\n");
        assertEquals(5, load(Map.of()).scannerConcurrency(), "from Stump.toml");
    }

    @Test
    void aBadValueNamesTheVariableAndTheValue() {
        for (String bad : new String[]{"0", "-1", "abc", "257", "2.5"}) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> load(Map.of("STUMP_MAX_SCANNER_CONCURRENCY", bad)), bad);
            assertTrue(e.getMessage().contains("STUMP_MAX_SCANNER_CONCURRENCY=" + bad), e.getMessage());
            assertTrue(e.getMessage().contains("between 1 and 256"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line");
        }
    }

    @Test
    void aBadValueStopsTheWebappFromStarting() throws Exception {
        LongboxServer server = LongboxServer.builder().contextPath("/bad-concurrency")
                .setting("STUMP_MAX_SCANNER_CONCURRENCY", "0").build();
        try {
            assertThrows(Exception.class, () -> server.beforeAll(null));
            assertFalse(Files.exists(server.configDir().resolve("longbox-db")), "no database was created");
        } finally {
            server.afterAll(null);
        }
    }

    @Test
    void oneBookAtATimeStillScansEveryBook() throws Exception {
        LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw")
                .setting("STUMP_MAX_SCANNER_CONCURRENCY", "1").build();
        try {
            server.beforeAll(null);
            Http http = server.http();
            for (int i = 1; i <= 12; i++) {
                Books.cbz().pages(1 + i % 3).write(dir.resolve("library/S" + (i % 4) + "/Book " + i + ".cbz"));
            }
            String lib = Scans.library(http, server.ownerSession(), "Serial", dir.resolve("library"), Map.of("watch", false));
            JsonNode job = Scans.scan(http, server.ownerSession(), lib);
            assertTrue(job.get("output_data").asText().contains("books added 12"), job.toString());
            JsonNode stats = http.get("/api/v1/libraries/" + lib + "/stats").cookie(server.ownerSession()).send().json();
            assertEquals(12, stats.get("book_count").asInt());
            assertEquals(4, stats.get("series_count").asInt());
        } finally {
            server.afterAll(null);
        }
    }
}
