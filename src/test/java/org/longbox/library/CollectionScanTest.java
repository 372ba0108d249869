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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * library_pattern on one folder tree: SERIES_BASED makes a series of every folder that holds books
 * directly; COLLECTION_BASED makes one of each top-level folder, holding every book below it (and
 * the root's own books make a series named after the root, in both).
 */
class CollectionScanTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw").build();
    @TempDir
    static Path root;
    static Http http;
    static String owner;

    /**
     * <pre>
     * Loose.cbz
     * Marvel/Intro.cbz
     * Marvel/Spider-Man/Spider-Man 1.cbz, Spider-Man 2.cbz
     * Marvel/Spider-Man/Annuals/Annual 1.cbz
     * Marvel/Spider-Man/.hidden/Hidden.cbz      (skipped)
     * Marvel/X-Men/X-Men 1.cbz, skip-me.cbz     (skip-me ignored by rule)
     * DC/Batman/Batman 1.cbz                    (DC holds no book itself)
     * Empty/                                    (no books at all)
     * </pre>
     */
    static Path tree(String name) throws Exception {
        Path dir = root.resolve(name);
        Books.cbz().pages(1).write(dir.resolve("Loose.cbz"));
        Books.cbz().pages(2).write(dir.resolve("Marvel/Intro.cbz"));
        Books.cbz().pages(1).write(dir.resolve("Marvel/Spider-Man/Spider-Man 1.cbz"));
        Books.cbz().pages(1).write(dir.resolve("Marvel/Spider-Man/Spider-Man 2.cbz"));
        Books.cbz().pages(1).write(dir.resolve("Marvel/Spider-Man/Annuals/Annual 1.cbz"));
        Books.cbz().pages(1).write(dir.resolve("Marvel/Spider-Man/.hidden/Hidden.cbz"));
        Books.cbz().pages(1).write(dir.resolve("Marvel/X-Men/X-Men 1.cbz"));
        Books.cbz().pages(1).write(dir.resolve("Marvel/X-Men/skip-me.cbz"));
        Books.cbz().pages(3).write(dir.resolve("DC/Batman/Batman 1.cbz"));
        Files.createDirectories(dir.resolve("Empty"));
        return dir;
    }

    static Map<String, Object> config(String pattern) {
        return Map.of("library_pattern", pattern, "watch", false, "ignore_rules", List.of("**/skip-me.cbz"));
    }

    @BeforeAll
    static void connect() {
        http = server.http();
        owner = server.ownerSession();
    }

    @Test
    void collectionBasedMakesEachTopLevelFolderASeriesOfEveryBookBelowIt() throws Exception {
        Path dir = tree("collections");
        String lib = Scans.library(http, owner, "Collections", dir, config("COLLECTION_BASED"));
        assertEquals("COLLECTION_BASED", http.get("/api/v1/libraries/" + lib).cookie(owner).send().json()
                .get("config").get("library_pattern").asText());
        JsonNode job = Scans.scan(http, owner, lib);
        assertTrue(job.get("output_data").asText().contains("books added 7"), job.toString());

        Map<String, JsonNode> series = series(lib);
        assertEquals(List.of("DC", "Marvel", "collections"), List.copyOf(series.keySet()));
        assertEquals(Map.of("collections", 1, "Marvel", 5, "DC", 1), mediaCounts(series));
        assertEquals(dir.resolve("Marvel").toRealPath().toString(), series.get("Marvel").get("path").asText());
        assertEquals(dir.toRealPath().toString(), series.get("collections").get("path").asText());
        assertEquals(List.of("Annual 1", "Intro", "Spider-Man 1", "Spider-Man 2", "X-Men 1"),
                bookNames(series.get("Marvel").get("id").asText()));
        assertEquals(List.of("Batman 1"), bookNames(series.get("DC").get("id").asText()));
        assertEquals(List.of("Loose"), bookNames(series.get("collections").get("id").asText()), "the root's own books only");

        JsonNode stats = http.get("/api/v1/libraries/" + lib + "/stats").cookie(owner).send().json();
        assertEquals(3, stats.get("series_count").asInt());
        assertEquals(7, stats.get("book_count").asInt());
    }

    @Test
    void seriesBasedOnTheSameTreeMakesASeriesOfEachFolderWithBooks() throws Exception {
        Path dir = tree("folders");
        String lib = Scans.library(http, owner, "Folders", dir, config("SERIES_BASED"));
        Scans.scan(http, owner, lib);

        Map<String, JsonNode> series = series(lib);
        assertEquals(Map.of("folders", 1, "Marvel", 1, "Spider-Man", 2, "Annuals", 1, "X-Men", 1, "Batman", 1),
                mediaCounts(series), "DC and Empty hold no book directly");
        assertEquals(List.of("Spider-Man 1", "Spider-Man 2"), bookNames(series.get("Spider-Man").get("id").asText()));
        assertEquals(List.of("Intro"), bookNames(series.get("Marvel").get("id").asText()));
        JsonNode stats = http.get("/api/v1/libraries/" + lib + "/stats").cookie(owner).send().json();
        assertEquals(6, stats.get("series_count").asInt());
        assertEquals(7, stats.get("book_count").asInt(), "the same books either way");
    }

    @Test
    void switchingToCollectionBasedMovesTheSameBooksAndCleaningDropsTheOldSeries() throws Exception {
        Path dir = tree("switched");
        String lib = Scans.library(http, owner, "Switched", dir, config("SERIES_BASED"));
        Scans.scan(http, owner, lib);
        Map<String, String> before = bookIds(lib);
        assertEquals(7, before.size());
        String spiderMan = series(lib).get("Spider-Man").get("id").asText();
        assertEquals(200, http.put("/api/v1/media/" + before.get("Spider-Man 1") + "/progress").cookie(owner)
                .json(Map.of("page", 1)).send().status());

        Map<String, Object> change = new HashMap<>();
        change.put("name", "Switched");
        change.put("path", dir.toString());
        change.put("config", Map.of("library_pattern", "COLLECTION_BASED"));
        Http.Res r = http.put("/api/v1/libraries/" + lib).cookie(owner).json(change).send();
        assertEquals(200, r.status(), r.toString());
        Scans.scan(http, owner, lib);

        assertEquals(before, bookIds(lib), "the books keep their ids, so their reading progress stays");
        JsonNode moved = http.get("/api/v1/media/" + before.get("Spider-Man 1")).cookie(owner).send().json();
        assertEquals(series(lib).get("Marvel").get("id").asText(), moved.get("series_id").asText());
        assertTrue(moved.get("is_completed").asBoolean(), moved.toString());
        assertEquals("MISSING", http.get("/api/v1/series/" + spiderMan).cookie(owner).send().json().get("status").asText(),
                "a folder that is no longer a series is marked, not dropped, until the library is cleaned");

        JsonNode cleaned = http.put("/api/v1/libraries/" + lib + "/clean").cookie(owner).send().json();
        assertEquals(0, cleaned.get("deleted_media_count").asInt(), cleaned.toString());
        assertEquals(4, cleaned.get("deleted_series_count").asInt(), "Spider-Man, Annuals, X-Men, Batman: " + cleaned);
        assertEquals(Map.of("switched", 1, "Marvel", 5, "DC", 1), mediaCounts(series(lib)));
        assertEquals(404, http.get("/api/v1/series/" + spiderMan).cookie(owner).send().status());
    }

    @Test
    void anUnknownPatternIsRefused() throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Odd");
        body.put("path", Files.createDirectories(root.resolve("odd")).toString());
        body.put("config", Map.of("library_pattern", "collection_based_please"));
        Http.Res r = http.post("/api/v1/libraries").cookie(owner).json(body).send();
        assertEquals(400, r.status(), r.toString());
        assertTrue(r.json().get("message").asText().contains("library_pattern"), r.toString());
    }

    /** The library's series by name, in name order. */
    private static Map<String, JsonNode> series(String lib) {
        Http.Res r = http.get("/api/v1/libraries/" + lib + "/series?page_size=100").cookie(owner).send();
        assertEquals(200, r.status(), r.toString());
        Map<String, JsonNode> out = new TreeMap<>();
        r.json().get("data").forEach(s -> out.put(s.get("name").asText(), s));
        return out;
    }

    private static Map<String, Integer> mediaCounts(Map<String, JsonNode> series) {
        Map<String, Integer> out = new HashMap<>();
        series.forEach((name, s) -> out.put(name, s.get("media_count").asInt()));
        return out;
    }

    private static List<String> bookNames(String seriesId) {
        Http.Res r = http.get("/api/v1/series/" + seriesId + "/media?page_size=100").cookie(owner).send();
        assertEquals(200, r.status(), r.toString());
        return r.json().get("data").findValuesAsText("name").stream().sorted().toList();
    }

    private static Map<String, String> bookIds(String lib) {
        Map<String, String> out = new TreeMap<>();
        http.get("/api/v1/libraries/" + lib + "/media?page_size=100").cookie(owner).send().json().get("data")
                .forEach(m -> out.put(m.get("name").asText(), m.get("id").asText()));
        return out;
    }
}
