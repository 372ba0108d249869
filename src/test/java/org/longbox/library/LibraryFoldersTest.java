package org.longbox.library;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Books;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.Scans;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Libraries stay inside the folders STUMP_LIBRARY_ROOTS allows (real paths: symbolic links and
 * ".." resolved), and every file Longbox reads for a library, the thumbnail job's included, stays
 * inside the library's folder.
 */
class LibraryFoldersTest {
    static final Path base = tempDir();
    static final Path allowed = base.resolve("allowed");
    static final Path second = base.resolve("second root");
    static final Path outside = base.resolve("outside");

    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw")
            .setting("STUMP_LIBRARY_ROOTS", " " + allowed + " , " + second + "/,").build();
    static Http http;
    static String owner;

    @BeforeAll
    static void setUp() throws Exception {
        http = server.http();
        owner = server.ownerSession();
        Files.createDirectories(allowed);
        Files.createDirectories(second);
        Files.createDirectories(outside);
    }

    @AfterAll
    static void tearDown() throws IOException {
        try (Stream<Path> walk = Files.walk(base)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    // ---- STUMP_LIBRARY_ROOTS ------------------------------------------------------------------

    @Test
    void librariesMayBeCreatedOnlyInsideTheRoots() throws Exception {
        Path comics = Files.createDirectories(allowed.resolve("comics"));
        Path manga = Files.createDirectories(second.resolve("manga"));
        Path elsewhere = Files.createDirectories(outside.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(allowed.resolve("link-out"), elsewhere);
        Path sneaky = allowed.resolve("comics/../../outside/elsewhere");
        Path lookalike = Files.createDirectories(base.resolve("allowed-lookalike")); // starts like a root's name, is not in it

        for (Path bad : List.of(elsewhere, link, sneaky, lookalike, base, Path.of("/"))) {
            Http.Res r = create("Bad " + bad.getFileName(), bad);
            assertError(r, 400);
            assertTrue(r.json().get("message").asText().contains("STUMP_LIBRARY_ROOTS"), r.toString());
        }
        assertEquals(200, create("Comics", comics).status());
        assertEquals(200, create("Manga", manga).status());
        assertEquals(0, http.get("/api/v1/libraries").cookie(owner).send().json().get("data").findValues("name").stream()
                .filter(n -> n.asText().startsWith("Bad")).count());

        String id = http.get("/api/v1/libraries").cookie(owner).send().json().get("data").findParents("name").stream()
                .filter(l -> l.get("name").asText().equals("Comics")).findFirst().orElseThrow().get("id").asText();
        Http.Res moved = http.put("/api/v1/libraries/" + id).cookie(owner)
                .json(Map.of("name", "Comics", "path", elsewhere.toString())).send();
        assertError(moved, 400);
        assertEquals(comics.toRealPath().toString(),
                http.get("/api/v1/libraries/" + id).cookie(owner).send().json().get("path").asText(), "unchanged");
    }

    @Test
    void aLibraryLeftOutsideTheRootsIsNeitherScannedNorServed() throws Exception {
        Path folder = allowed.resolve("moved");
        Books.cbz().pages(2).write(folder.resolve("S/book.cbz"));
        String lib = Scans.library(http, owner, "Moved", folder, Map.of("watch", false));
        Scans.scan(http, owner, lib);
        String book = http.get("/api/v1/libraries/" + lib + "/media").cookie(owner).send().json().get("data").get(0).get("id").asText();
        assertEquals(200, http.get("/api/v1/media/" + book + "/page/1").cookie(owner).send().status());

        // as a library made before STUMP_LIBRARY_ROOTS was set: its folder is outside them
        Path old = Files.createDirectories(outside.resolve("old"));
        Books.cbz().pages(2).write(old.resolve("S/book.cbz"));
        try (Connection c = server.sql(); var st = c.prepareStatement("UPDATE libraries SET path = ? WHERE id = ?")) {
            st.setString(1, old.toRealPath().toString());
            st.setString(2, lib);
            assertEquals(1, st.executeUpdate());
        }
        try (Connection c = server.sql(); var st = c.prepareStatement("UPDATE media SET path = ? WHERE id = ?")) {
            st.setString(1, old.resolve("S/book.cbz").toRealPath().toString());
            st.setString(2, book);
            assertEquals(1, st.executeUpdate());
        }
        for (String path : List.of("/page/1", "/page/2", "/file", "/thumbnail")) {
            assertError(http.get("/api/v1/media/" + book + path).cookie(owner).send(), 404);
        }
        assertError(http.get("/opds/v1.2/books/" + book + "/pages/0").cookie(owner).send(), 404);

        String job = http.post("/api/v1/libraries/" + lib + "/scan").cookie(owner).send().json().get("id").asText();
        JsonNode done = awaitEnd(job);
        assertEquals("FAILED", done.get("status").asText(), done.toString());
        assertTrue(done.get("output_data").asText().contains("STUMP_LIBRARY_ROOTS"), done.toString());
        assertEquals("READY", http.get("/api/v1/media/" + book).cookie(owner).send().json().get("status").asText(),
                "nothing was marked missing");
    }

    // ---- the thumbnail job ----------------------------------------------------------------------

    @Test
    void theThumbnailJobReadsNoBookWhoseFileLeftItsLibrary() throws Exception {
        Path folder = allowed.resolve("thumbs");
        Books.cbz().pages(1).write(folder.resolve("S/a.cbz"));
        Path swapped = Books.cbz().pages(1).write(folder.resolve("S/b.cbz"));
        Path secret = Books.cbz().page("secret.png", Books.png(123, 45, 9)).write(outside.resolve("secret.cbz"));
        String lib = Scans.library(http, owner, "Thumbs", folder, Map.of("watch", false));
        Scans.scan(http, owner, lib);
        Map<String, String> ids = new HashMap<>();
        for (JsonNode m : http.get("/api/v1/libraries/" + lib + "/media").cookie(owner).send().json().get("data")) {
            ids.put(m.get("name").asText(), m.get("id").asText());
        }
        Files.delete(swapped);
        Files.createSymbolicLink(swapped, secret);

        JsonNode job = http.post("/api/v1/libraries/" + lib + "/thumbnail/generate").cookie(owner)
                .json(Map.of("force_regenerate", true)).send().json();
        JsonNode done = Scans.await(http, owner, job.get("id").asText());
        assertEquals("Thumbnails made: 1", done.get("output_data").asText(), done.toString());
        assertTrue(thumbnailOf(ids.get("a")), "the book inside its library has one");
        assertFalse(thumbnailOf(ids.get("b")), "no thumbnail was made from the file outside the library");
        assertError(http.get("/api/v1/media/" + ids.get("b") + "/thumbnail").cookie(owner).send(), 404);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static boolean thumbnailOf(String id) throws IOException {
        Path dir = server.configDir().resolve("thumbnails");
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith(id + "."));
        }
    }

    private static Http.Res create(String name, Path path) {
        return http.post("/api/v1/libraries").cookie(owner)
                .json(Map.of("name", name, "path", path.toString(), "scan_mode", "NONE")).send();
    }

    private static JsonNode awaitEnd(String jobId) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            JsonNode job = http.get("/api/v1/jobs/" + jobId).cookie(owner).send().json();
            String status = job.get("status").asText();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return job;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("job " + jobId + " did not end");
    }

    private static void assertError(Http.Res r, int status) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.contentType() != null && r.contentType().startsWith("application/json"), r.contentType());
        assertEquals(status, r.json().get("status").asInt(), r.toString());
        assertFalse(r.json().get("message").asText().isBlank(), r.toString());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("longbox-roots-").toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
