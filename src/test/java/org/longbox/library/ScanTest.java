package org.longbox.library;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.longbox.testing.Books;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.Scans;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scanning a folder of generated books: layout, formats, metadata, bad files, and incremental rescans. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScanTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw").build();
    @TempDir
    static Path root;
    static Http http;
    static String owner;
    static String library;

    @BeforeAll
    static void buildLibrary() throws Exception {
        http = server.http();
        owner = server.ownerSession();
        Books.cbz().pages(3).comicInfo("The First", "Saga", "1", "Ann Writer, Bob Writer", "Teen").write(root.resolve("Saga/Saga 1.cbz"));
        Books.cbz().pages(2).write(root.resolve("Saga/Saga 2.cbz"));
        Books.cbz().pages(4).write(root.resolve("Saga/Saga 10.cbz"));
        Books.cbz().pages(1).write(root.resolve("Saga/skip-me.cbz"));
        Books.epub(root.resolve("Novels/Book.epub"), "A Novel", "Nora Author", 3);
        Books.cbz().pages(2).write(root.resolve("Loose.cbz"));
        Books.cbz().pages(1).write(root.resolve(".hidden/Hidden.cbz"));
        Books.cbz().pages(1).write(root.resolve("__MACOSX/Mac.cbz"));
        Files.createDirectories(root.resolve("Bad"));
        Files.write(root.resolve("Bad/empty.cbz"), new byte[0]);
        byte[] junk = new byte[5000];
        new Random(7).nextBytes(junk);
        Files.write(root.resolve("Bad/garbage.cbz"), junk);
        byte[] good = Files.readAllBytes(root.resolve("Saga/Saga 10.cbz"));
        Files.write(root.resolve("Bad/truncated.cbz"), java.util.Arrays.copyOf(good, good.length / 2));
        Files.writeString(root.resolve("Saga/notes.txt"), "not a book");
        library = Scans.library(http, owner, "Comics", root, Map.of("ignore_rules", List.of("**/skip-me.cbz")));
    }

    static JsonNode books(String query) {
        Http.Res r = http.get("/api/v1/media?page_size=100" + query).cookie(owner).send();
        assertEquals(200, r.status(), r.toString());
        return r.json().get("data");
    }

    static List<String> names(JsonNode data) {
        List<String> out = new ArrayList<>();
        data.forEach(m -> out.add(m.get("name").asText()));
        return out;
    }

    @Test
    @Order(1)
    void aScanTurnsFoldersIntoSeriesAndFilesIntoBooks() {
        JsonNode job = Scans.scan(http, owner, library);
        assertEquals(100.0, job.get("percent").asDouble());
        assertTrue(job.get("output_data").asText().contains("books added 8"), job.toString());

        JsonNode series = http.get("/api/v1/libraries/" + library + "/series?page_size=50").cookie(owner).send().json().get("data");
        List<String> seriesNames = new ArrayList<>();
        series.forEach(s -> seriesNames.add(s.get("name").asText()));
        assertTrue(seriesNames.containsAll(List.of("Saga", "Novels", "Bad")), seriesNames.toString());
        assertEquals(4, seriesNames.size(), "Saga, Novels, Bad and the root folder for Loose.cbz: " + seriesNames);

        List<String> all = names(books(""));
        assertFalse(all.contains("Hidden"), "hidden folders are skipped");
        assertFalse(all.contains("Mac"), "__MACOSX is skipped");
        assertFalse(all.contains("skip-me"), "ignore rules apply");
        assertFalse(all.contains("notes"));

        String saga = idOf(series, "Saga");
        assertEquals(List.of("Saga 1", "Saga 2", "Saga 10"), names(http.get("/api/v1/series/" + saga + "/media").cookie(owner).send().json().get("data")),
                "natural order: 2 before 10");
    }

    @Test
    @Order(2)
    void metadataComesFromComicInfoAndTheOpf() {
        JsonNode first = books("&search=first").get(0);
        assertEquals("Saga 1", first.get("name").asText());
        assertEquals(3, first.get("pages").asInt());
        assertEquals("READY", first.get("status").asText());
        JsonNode meta = first.get("metadata");
        assertEquals("The First", meta.get("title").asText());
        assertEquals(1.0, meta.get("number").asDouble());
        assertEquals(List.of("Ann Writer", "Bob Writer"), List.of(meta.get("writers").get(0).asText(), meta.get("writers").get(1).asText()));
        assertEquals(13, meta.get("age_rating").asInt());
        assertEquals(2021, meta.get("year").asInt());
        assertTrue(books("&metadata[genre]=drama").toString().contains("Saga 1"));
        assertTrue(books("&metadata[writer]=ann%20writer").toString().contains("Saga 1"));

        JsonNode novel = books("&extension=epub").get(0);
        assertEquals("A Novel", novel.get("metadata").get("title").asText());
        assertEquals("Nora Author", novel.get("metadata").get("writers").get(0).asText());
        assertEquals(3, novel.get("pages").asInt());
    }

    @Test
    @Order(2)
    void aBookCanBeFoundByItsPathByThoseWhoManageLibraries() {
        // Containers refuse %2F in paths, so the path goes as segments, each encoded, without its leading slash.
        StringBuilder encoded = new StringBuilder();
        for (Path part : root.resolve("Saga/Saga 1.cbz")) {
            encoded.append(encoded.length() == 0 ? "" : "/")
                    .append(java.net.URLEncoder.encode(part.toString(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        Http.Res r = http.get("/api/v1/media/path/" + encoded).cookie(owner).send();
        assertEquals(200, r.status(), r.toString());
        assertEquals("Saga 1", r.json().get("name").asText());
        assertEquals(404, http.get("/api/v1/media/path/etc/passwd").cookie(owner).send().status());
    }

    @Test
    @Order(3)
    void unreadableFilesAreRecordedWithTheirReasonAndDoNotStopTheScan() {
        JsonNode errors = books("&status=ERROR");
        List<String> bad = names(errors);
        assertTrue(bad.containsAll(List.of("empty", "garbage", "truncated")), bad.toString());
        errors.forEach(m -> assertFalse(m.get("error_reason").asText().isBlank(), m.toString()));
        assertEquals(5, books("&status=READY").size(), "every good book was read despite the bad ones");
    }

    @Test
    @Order(4)
    void aRescanWithNothingChangedOpensNothing() throws Exception {
        JsonNode before = books("&search=saga%202").get(0);
        JsonNode job = Scans.scan(http, owner, library);
        assertTrue(job.get("output_data").asText().contains("books added 0, re-read 0, unchanged 8"), job.toString());
        JsonNode after = books("&search=saga%202").get(0);
        assertEquals(before.get("updated_at"), after.get("updated_at"));
    }

    @Test
    @Order(5)
    void changedVanishedAndReturningFilesAreFollowed() throws Exception {
        String sagaTwoId = books("&search=saga%202").get(0).get("id").asText();
        Books.cbz().pages(5).write(root.resolve("Saga/Saga 2.cbz"));
        Files.setLastModifiedTime(root.resolve("Saga/Saga 2.cbz"), FileTime.fromMillis(System.currentTimeMillis() + 5000));
        Path moved = root.resolve("Loose.cbz.away");
        Files.move(root.resolve("Loose.cbz"), moved);
        Books.cbz().pages(2).write(root.resolve("Saga/Saga 3.cbz"));

        JsonNode job = Scans.scan(http, owner, library);
        assertTrue(job.get("output_data").asText().contains("books added 1, re-read 1"), job.toString());
        JsonNode two = books("&search=saga%202").get(0);
        assertEquals(sagaTwoId, two.get("id").asText(), "a changed book keeps its id (and progress)");
        assertEquals(5, two.get("pages").asInt());
        assertEquals("MISSING", books("&search=loose").get(0).get("status").asText());

        Files.move(moved, root.resolve("Loose.cbz"));
        Scans.scan(http, owner, library);
        assertEquals("READY", books("&search=loose").get(0).get("status").asText(), "recovered when it returns");
    }

    @Test
    @Order(6)
    void cleaningRemovesMissingBooksAndEmptySeries() throws Exception {
        Files.delete(root.resolve("Novels/Book.epub"));
        Scans.scan(http, owner, library);
        JsonNode cleaned = http.put("/api/v1/libraries/" + library + "/clean").cookie(owner).send().json();
        assertEquals(1, cleaned.get("deleted_media_count").asInt());
        assertEquals(1, cleaned.get("deleted_series_count").asInt());
        assertFalse(cleaned.get("is_empty").asBoolean());
        assertTrue(books("&extension=epub").isEmpty());
        JsonNode history = http.get("/api/v1/libraries/" + library + "/scan-history").cookie(owner).send().json();
        assertTrue(history.isArray() && history.size() >= 4, "a plain array, as Stump's: " + history);
        for (String field : new String[]{"id", "options", "timestamp", "library_id", "job_id"}) {
            assertTrue(history.get(0).has(field), field + " in " + history.get(0));
        }
        assertEquals(library, history.get(0).get("library_id").asText());
        for (int i = 1; i < history.size(); i++) {
            assertFalse(java.time.Instant.parse(history.get(i - 1).get("timestamp").asText())
                    .isBefore(java.time.Instant.parse(history.get(i).get("timestamp").asText())), "newest first: " + history);
        }
        assertFalse(http.get("/api/v1/libraries/" + library + "/last-scan").cookie(owner).send().json().get("last_scanned_at").isNull());
    }

    @Test
    @Order(7)
    void deletingTheLibraryRemovesItsBooksButNotTheFiles() throws Exception {
        Http.Res r = http.delete("/api/v1/libraries/" + library).cookie(owner).send();
        assertEquals(200, r.status());
        assertEquals(0, server.count("SELECT COUNT(*) FROM media"));
        assertEquals(0, server.count("SELECT COUNT(*) FROM series"));
        assertTrue(Files.exists(root.resolve("Saga/Saga 1.cbz")));
    }

    static String idOf(JsonNode list, String name) {
        for (JsonNode n : list) {
            if (n.get("name").asText().equals(name)) {
                return n.get("id").asText();
            }
        }
        throw new AssertionError(name + " not in " + list);
    }
}
