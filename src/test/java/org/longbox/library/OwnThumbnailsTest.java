package org.longbox.library;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.longbox.testing.Accounts;
import org.longbox.testing.Accounts.Account;
import org.longbox.testing.Books;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.Scans;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thumbnails of their own for series and libraries: set from a page of one of their books (PATCH),
 * served instead of the first book's, and removed with the library's thumbnails (DELETE), with the
 * library, or with a series a clean removes; a regeneration of the books' thumbnails leaves them.
 */
class OwnThumbnailsTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw").build();
    @TempDir
    static Path root;
    static Http http;
    static String owner;
    /** library:manage */
    static Account manager;
    /** no permissions */
    static Account reader;
    /** library:manage, but the Plain library is hidden from them */
    static Account outsider;
    static String plain;
    static String other;
    static final Map<String, String> books = new HashMap<>();
    static final Map<String, String> series = new HashMap<>();

    @BeforeAll
    static void scan() throws Exception {
        http = server.http();
        owner = server.ownerSession();
        Account ownerAccount = Accounts.owner(server, "owner", "pw");
        // Pages of different shapes, all within the default 400x600 box, so a thumbnail's size names its page.
        Books.cbz().page("a.png", Books.png(80, 120, 1)).page("b.png", Books.png(90, 30, 2))
                .page("c.png", Books.png(50, 100, 3)).write(root.resolve("plain/Alpha/Alpha 1.cbz"));
        Books.cbz().pages(2).write(root.resolve("plain/Alpha/Alpha 2.cbz"));
        Books.cbz().pages(1).write(root.resolve("plain/Beta/Beta 1.cbz"));
        Books.cbz().page("a.png", Books.png(60, 90, 4)).page("b.png", Books.png(120, 40, 5))
                .write(root.resolve("other/Gamma/Gamma 1.cbz"));
        plain = scanned("Plain", root.resolve("plain"), null);
        other = scanned("Other", root.resolve("other"), null);

        manager = Accounts.newUser(http, ownerAccount, "manager", "library:manage");
        reader = Accounts.newUser(http, ownerAccount, "reader");
        outsider = Accounts.newUser(http, ownerAccount, "outsider", "library:manage");
        assertEquals(200, http.post("/api/v1/libraries/" + plain + "/excluded-users").cookie(owner)
                .json(Map.of("user_ids", List.of(outsider.id()))).send().status());
    }

    /** Creates and scans a library (watch off), recording its books' and series' ids by name. */
    static String scanned(String name, Path dir, Map<String, Object> thumbnailConfig) {
        Map<String, Object> config = new HashMap<>(Map.of("watch", false));
        if (thumbnailConfig != null) {
            config.put("thumbnail_config", thumbnailConfig);
        }
        String lib = Scans.library(http, owner, name, dir, config);
        Scans.scan(http, owner, lib);
        for (JsonNode m : http.get("/api/v1/libraries/" + lib + "/media").cookie(owner).send().json().get("data")) {
            books.put(m.get("name").asText(), m.get("id").asText());
        }
        for (JsonNode s : http.get("/api/v1/libraries/" + lib + "/series").cookie(owner).send().json().get("data")) {
            series.put(s.get("name").asText(), s.get("id").asText());
        }
        return lib;
    }

    // ---- series ---------------------------------------------------------------------------------

    @Test
    void aPageOfOneOfItsBooksBecomesTheSeriesThumbnail() throws Exception {
        String alpha = series.get("Alpha");
        Http.Res before = ok(http.get("/api/v1/series/" + alpha + "/thumbnail").cookie(owner).send());
        assertSize(80, 120, before, "at first the first book's, from its page 1");

        Http.Res set = patch("/api/v1/series/" + alpha + "/thumbnail", manager.session(),
                Map.of("media_id", books.get("Alpha 1"), "page", 2));
        assertEquals(200, set.status(), set.toString());
        assertEquals("image/jpeg", set.contentType(), "the default options: JPEG");
        assertSize(90, 30, set, "page 2");
        assertTrue(Files.isRegularFile(thumbnails().resolve(alpha + ".jpeg")), "stored under the series' id");

        Http.Res now = ok(http.get("/api/v1/series/" + alpha + "/thumbnail").cookie(reader.session()).send());
        assertArrayEquals(set.bytes(), now.bytes(), "served instead of the first book's");
        assertNotEquals(before.header("ETag"), now.header("ETag"));
        assertEquals(304, http.get("/api/v1/series/" + alpha + "/thumbnail").cookie(owner)
                .header("If-None-Match", now.header("ETag")).send().status());
        assertSize(80, 120, ok(http.get("/api/v1/media/" + books.get("Alpha 1") + "/thumbnail").cookie(owner).send()),
                "the book keeps its own");

        Http.Res zeroBased = patch("/api/v1/series/" + alpha + "/thumbnail", owner,
                Map.of("media_id", books.get("Alpha 1"), "page", 2, "is_zero_based", true));
        assertEquals(200, zeroBased.status(), zeroBased.toString());
        assertSize(50, 100, zeroBased, "zero-based page 2 is the third page");
        assertArrayEquals(zeroBased.bytes(), ok(http.get("/api/v1/series/" + alpha + "/thumbnail").cookie(owner).send()).bytes());
    }

    @Test
    void aSeriesThumbnailNeedsABookOfThatSeriesAPageItHasAndLibraryManage() throws Exception {
        String beta = series.get("Beta");
        String path = "/api/v1/series/" + beta + "/thumbnail";
        for (Object bad : List.<Object>of(
                Map.of("media_id", books.get("Alpha 1"), "page", 1),
                Map.of("media_id", books.get("Gamma 1"), "page", 1),
                Map.of("media_id", "no-such-book", "page", 1),
                Map.of("media_id", books.get("Beta 1"), "page", 0),
                Map.of("media_id", books.get("Beta 1"), "page", 2),
                Map.of("media_id", books.get("Beta 1"), "page", 1, "is_zero_based", true),
                Map.of("media_id", books.get("Beta 1"), "page", -1, "is_zero_based", true),
                Map.of("media_id", books.get("Beta 1")),
                Map.of("page", 1),
                "{\"media_id\": \"" + books.get("Beta 1") + "\", \"page\": \"one\"}",
                "[1]", "{")) {
            assertError(patch(path, owner, bad), 400);
        }
        assertError(http.method("PATCH", path).cookie(owner).header("Content-Type", "application/json").send(), 400);

        Map<String, Object> good = Map.of("media_id", books.get("Beta 1"), "page", 1);
        assertError(patch(path, reader.session(), good), 403);
        assertEquals(401, http.method("PATCH", path).json(good).send().status());
        assertError(patch(path, outsider.session(), good), 404);
        assertError(patch("/api/v1/series/no-such-series/thumbnail", owner, good), 404);
        assertEquals(List.of(), files(beta), "nothing was stored");
        assertError(http.get(path).cookie(outsider.session()).send(), 404);
        assertError(http.get("/api/v1/series/no-such-series/thumbnail").cookie(owner).send(), 404);
    }

    @Test
    void theLibrarysThumbnailOptionsShapeASeriesThumbnail() throws Exception {
        Books.cbz().page("a.png", Books.png(300, 300, 6)).page("b.png", Books.png(400, 200, 7))
                .write(root.resolve("configured/Delta/Delta 1.cbz"));
        scanned("Configured", root.resolve("configured"), Map.of("format", "Png",
                "resize_options", Map.of("mode", "Sized", "width", 40, "height", 40)));
        String delta = series.get("Delta");
        Http.Res set = patch("/api/v1/series/" + delta + "/thumbnail", owner, Map.of("media_id", books.get("Delta 1"), "page", 2));
        assertEquals(200, set.status(), set.toString());
        assertEquals("image/png", set.contentType());
        assertSize(40, 20, set, "400x200 into 40x40");
        assertEquals(List.of(delta + ".png"), files(delta));
        assertEquals("image/png", ok(http.get("/api/v1/series/" + delta + "/thumbnail").cookie(owner).send()).contentType());
    }

    // ---- library --------------------------------------------------------------------------------

    @Test
    void aPageOfOneOfItsBooksBecomesTheLibraryThumbnail() throws Exception {
        String path = "/api/v1/libraries/" + other + "/thumbnail";
        assertSize(60, 90, ok(http.get(path).cookie(owner).send()), "at first Gamma 1's page 1");
        Http.Res set = patch(path, manager.session(), Map.of("media_id", books.get("Gamma 1"), "page", 2));
        assertEquals(200, set.status(), set.toString());
        assertSize(120, 40, set, "page 2");
        assertTrue(Files.isRegularFile(thumbnails().resolve(other + ".jpeg")));
        Http.Res now = ok(http.get(path).cookie(reader.session()).send());
        assertArrayEquals(set.bytes(), now.bytes());
        assertEquals(304, http.get(path).cookie(owner).header("If-None-Match", now.header("ETag")).send().status());
        assertSize(60, 90, ok(http.get("/api/v1/series/" + series.get("Gamma") + "/thumbnail").cookie(owner).send()),
                "the series keeps its first book's");
    }

    @Test
    void aLibraryThumbnailNeedsABookOfThatLibraryAPageItHasAndLibraryManage() throws Exception {
        String path = "/api/v1/libraries/" + plain + "/thumbnail";
        for (Object bad : List.<Object>of(
                Map.of("media_id", books.get("Gamma 1"), "page", 1),
                Map.of("media_id", "no-such-book", "page", 1),
                Map.of("media_id", books.get("Beta 1"), "page", 2),
                Map.of("media_id", books.get("Alpha 1"), "page", 3, "is_zero_based", true),
                Map.of("page", 1), "{\"media_id\": 5, \"page\": []}")) {
            assertError(patch(path, owner, bad), 400);
        }
        Map<String, Object> good = Map.of("media_id", books.get("Beta 1"), "page", 1);
        assertError(patch(path, reader.session(), good), 403);
        assertError(patch(path, outsider.session(), good), 404);
        assertError(patch("/api/v1/libraries/no-such-library/thumbnail", owner, good), 404);
        assertEquals(List.of(), files(plain), "nothing was stored");
    }

    @Test
    void deletingTheLibrarysThumbnailsRemovesThemAllAndTheNextRequestsFallBack() throws Exception {
        Books.cbz().page("a.png", Books.png(70, 70, 8)).page("b.png", Books.png(30, 90, 9))
                .write(root.resolve("wipe/Epsilon/Epsilon 1.cbz"));
        Books.cbz().pages(1).write(root.resolve("wipe/Zeta/Zeta 1.cbz"));
        String wipe = scanned("Wipe", root.resolve("wipe"), Map.of("format", "Png"));
        String epsilon = series.get("Epsilon");
        List<String> ids = List.of(wipe, epsilon, series.get("Zeta"), books.get("Epsilon 1"), books.get("Zeta 1"));
        assertEquals(200, patch("/api/v1/series/" + epsilon + "/thumbnail", owner, Map.of("media_id", books.get("Epsilon 1"), "page", 2)).status());
        assertEquals(200, patch("/api/v1/libraries/" + wipe + "/thumbnail", owner, Map.of("media_id", books.get("Zeta 1"), "page", 1)).status());
        assertEquals(4, files(ids.toArray(String[]::new)).size(), "two made by the scan, the series' and the library's");
        ok(http.get("/api/v1/media/" + books.get("Gamma 1") + "/thumbnail").cookie(owner).send());
        List<String> othersBefore = files(books.get("Gamma 1"), other);

        String path = "/api/v1/libraries/" + wipe + "/thumbnail";
        assertError(http.delete(path).cookie(reader.session()).send(), 403);
        assertError(http.delete("/api/v1/libraries/no-such-library/thumbnail").cookie(owner).send(), 404);
        assertError(http.delete("/api/v1/libraries/" + plain + "/thumbnail").cookie(outsider.session()).send(), 404);
        assertEquals(4, files(ids.toArray(String[]::new)).size(), "refused deletes delete nothing");

        Http.Res r = http.delete(path).cookie(manager.session()).send();
        assertEquals(200, r.status(), r.toString());
        assertEquals(4, r.json().get("deleted").asInt(), r.toString());
        assertEquals(List.of(), files(ids.toArray(String[]::new)));
        assertEquals(othersBefore, files(books.get("Gamma 1"), other), "other libraries keep theirs");

        Http.Res library = ok(http.get(path).cookie(owner).send());
        assertEquals("image/png", library.contentType(), "made again with the library's options");
        assertSize(70, 70, library, "the first book's page 1 again");
        assertArrayEquals(ok(http.get("/api/v1/media/" + books.get("Epsilon 1") + "/thumbnail").cookie(owner).send()).bytes(),
                library.bytes());
        assertSize(70, 70, ok(http.get("/api/v1/series/" + epsilon + "/thumbnail").cookie(owner).send()), "the series' too");
        assertEquals(List.of(books.get("Epsilon 1") + ".png"), files(ids.toArray(String[]::new)));
    }

    // ---- consistency with deleting, cleaning and regenerating -------------------------------------

    @Test
    void deletingALibraryLeavesNoThumbnailOfItsOwnItsSeriesOrItsBooks() throws Exception {
        Books.cbz().pages(2).write(root.resolve("gone/Eta/Eta 1.cbz"));
        Books.cbz().pages(1).write(root.resolve("gone/Theta/Theta 1.cbz"));
        String gone = scanned("Gone", root.resolve("gone"), Map.of("format", "Webp"));
        List<String> ids = List.of(gone, series.get("Eta"), series.get("Theta"), books.get("Eta 1"), books.get("Theta 1"));
        assertEquals(200, patch("/api/v1/series/" + series.get("Eta") + "/thumbnail", owner, Map.of("media_id", books.get("Eta 1"), "page", 2)).status());
        assertEquals(200, patch("/api/v1/libraries/" + gone + "/thumbnail", owner, Map.of("media_id", books.get("Theta 1"), "page", 1)).status());
        assertEquals(4, files(ids.toArray(String[]::new)).size());

        assertEquals(200, http.delete("/api/v1/libraries/" + gone).cookie(owner).send().status());
        assertEquals(List.of(), files(ids.toArray(String[]::new)), "no orphan files");
    }

    @Test
    void aSeriesRemovedByACleanTakesItsThumbnailWithIt() throws Exception {
        Books.cbz().pages(2).write(root.resolve("shrink/Iota/Iota 1.cbz"));
        Path kappaBook = Books.cbz().pages(2).write(root.resolve("shrink/Kappa/Kappa 1.cbz"));
        String shrink = scanned("Shrink", root.resolve("shrink"), null);
        String iota = series.get("Iota");
        String kappa = series.get("Kappa");
        assertEquals(200, patch("/api/v1/series/" + iota + "/thumbnail", owner, Map.of("media_id", books.get("Iota 1"), "page", 2)).status());
        assertEquals(200, patch("/api/v1/series/" + kappa + "/thumbnail", owner, Map.of("media_id", books.get("Kappa 1"), "page", 2)).status());
        assertEquals(200, patch("/api/v1/libraries/" + shrink + "/thumbnail", owner, Map.of("media_id", books.get("Kappa 1"), "page", 1)).status());

        Files.delete(kappaBook);
        Files.delete(kappaBook.getParent());
        Scans.scan(http, owner, shrink);
        Http.Res clean = http.put("/api/v1/libraries/" + shrink + "/clean").cookie(owner).send();
        assertEquals(200, clean.status(), clean.toString());
        assertEquals(1, clean.json().get("deleted_series_count").asInt(), clean.toString());

        assertEquals(List.of(), files(kappa, books.get("Kappa 1")), "the removed series' and book's thumbnails are gone");
        assertEquals(List.of(iota + ".jpeg"), files(iota), "the remaining series keeps its own");
        assertEquals(List.of(shrink + ".jpeg"), files(shrink), "and so does the library");
    }

    @Test
    void regeneratingTheBooksThumbnailsLeavesTheSeriesAndLibraryOnesAsSet() throws Exception {
        Books.cbz().page("a.png", Books.png(80, 80, 10)).page("b.png", Books.png(100, 50, 11))
                .write(root.resolve("regen/Lambda/Lambda 1.cbz"));
        String regen = scanned("Regen", root.resolve("regen"), Map.of("format", "Jpeg"));
        String lambda = series.get("Lambda");
        String book = books.get("Lambda 1");
        Http.Res seriesSet = patch("/api/v1/series/" + lambda + "/thumbnail", owner, Map.of("media_id", book, "page", 2));
        Http.Res librarySet = patch("/api/v1/libraries/" + regen + "/thumbnail", owner, Map.of("media_id", book, "page", 2));
        assertEquals(200, seriesSet.status(), seriesSet.toString());
        assertEquals(200, librarySet.status(), librarySet.toString());

        JsonNode job = http.post("/api/v1/libraries/" + regen + "/thumbnail/generate").cookie(owner)
                .json(Map.of("force_regenerate", true, "image_options", Map.of("format", "Png"))).send().json();
        Scans.await(http, owner, job.get("id").asText());

        assertEquals(List.of(book + ".png"), files(book), "the book's is remade in the new format");
        assertEquals(List.of(lambda + ".jpeg"), files(lambda));
        assertEquals(List.of(regen + ".jpeg"), files(regen));
        assertArrayEquals(seriesSet.bytes(), ok(http.get("/api/v1/series/" + lambda + "/thumbnail").cookie(owner).send()).bytes());
        assertArrayEquals(librarySet.bytes(), ok(http.get("/api/v1/libraries/" + regen + "/thumbnail").cookie(owner).send()).bytes());
    }

    // ---- conditional requests ------------------------------------------------------------------

    @Test
    void aConditionalPatchWhosePreconditionFailsIs412JsonAndChangesNothing() throws Exception {
        Books.cbz().page("a.png", Books.png(70, 100, 6)).page("b.png", Books.png(100, 50, 7))
                .write(root.resolve("cond/Delta/Delta 1.cbz"));
        String lib = scanned("Conditional", root.resolve("cond"), null);
        String delta = series.get("Delta");
        String book = books.get("Delta 1");
        String seriesPath = "/api/v1/series/" + delta + "/thumbnail";
        Http.Res current = ok(http.get(seriesPath).cookie(owner).send());
        String etag = current.header("ETag");
        assertNotNull(etag);
        Map<String, Object> page2 = Map.of("media_id", book, "page", 2);

        // If-None-Match: * means "only if there is none yet", and there is one: refused before anything is made
        for (String[] condition : List.of(new String[]{"If-None-Match", "*"}, new String[]{"If-None-Match", etag},
                new String[]{"If-Match", "\"stale\""}, new String[]{"If-Unmodified-Since", "Thu, 01 Jan 1970 00:00:00 GMT"})) {
            Http.Res r = http.method("PATCH", seriesPath).cookie(manager.session()).header(condition[0], condition[1]).json(page2).send();
            assertError(r, 412);
            assertTrue(r.json().get("message").asText().toLowerCase().contains("precondition"), r.toString());
        }
        assertFalse(Files.exists(thumbnails().resolve(delta + ".jpeg")), "no thumbnail was stored for the refused PATCHes");
        Http.Res after = ok(http.get(seriesPath).cookie(owner).send());
        assertEquals(etag, after.header("ETag"), "the series still shows its first book's");
        assertSize(70, 100, after, "page 1");

        String libraryPath = "/api/v1/libraries/" + lib + "/thumbnail";
        assertError(http.method("PATCH", libraryPath).cookie(manager.session()).header("If-None-Match", "*").json(page2).send(), 412);
        assertFalse(Files.exists(thumbnails().resolve(lib + ".jpeg")));
        String bookPath = "/api/v1/media/" + book + "/thumbnail";
        String bookTag = ok(http.get(bookPath).cookie(owner).send()).header("ETag");
        assertError(http.method("PATCH", bookPath).cookie(manager.session()).header("If-Match", "\"stale\"")
                .json(Map.of("page", 2)).send(), 412);
        assertEquals(bookTag, ok(http.get(bookPath).cookie(owner).send()).header("ETag"), "the book's thumbnail is unchanged");

        // a precondition that holds: the change is made and answered as usual
        Http.Res set = http.method("PATCH", seriesPath).cookie(manager.session()).header("If-Match", etag).json(page2).send();
        assertEquals(200, set.status(), set.toString());
        assertSize(100, 50, set, "page 2");
        assertNotEquals(etag, set.header("ETag"));
    }

    @Test
    void aFailedConditionOnAGetIs412JsonAndAMatchingOneAnEmpty304() {
        String path = "/api/v1/series/" + series.get("Gamma") + "/thumbnail";
        String etag = ok(http.get(path).cookie(owner).send()).header("ETag");
        assertError(http.get(path).cookie(owner).header("If-Match", "\"stale\"").send(), 412);
        Http.Res notModified = http.get(path).cookie(owner).header("If-None-Match", etag).send();
        assertEquals(304, notModified.status());
        assertEquals(0, notModified.bytes().length, "a 304 has no body");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static Http.Res patch(String path, String session, Object body) {
        return http.method("PATCH", path).cookie(session).json(body).send();
    }

    private static Http.Res ok(Http.Res r) {
        assertEquals(200, r.status(), r.toString());
        return r;
    }

    private static Path thumbnails() {
        return server.configDir().resolve("thumbnails");
    }

    /** The names of the stored thumbnails of these ids, sorted. */
    private static List<String> files(String... ids) throws IOException {
        if (!Files.isDirectory(thumbnails())) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> all = Files.list(thumbnails())) {
            all.map(p -> p.getFileName().toString())
                    .filter(name -> Stream.of(ids).anyMatch(id -> name.startsWith(id + ".")))
                    .sorted().forEach(out::add);
        }
        return out;
    }

    private static void assertSize(int width, int height, Http.Res image, String why) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(image.bytes()));
        assertNotNull(img, why + ": not an image");
        assertEquals(width + "x" + height, img.getWidth() + "x" + img.getHeight(), why);
    }

    private static void assertError(Http.Res r, int status) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.contentType() != null && r.contentType().startsWith("application/json"), r.contentType());
        assertEquals(status, r.json().get("status").asInt(), r.toString());
        assertFalse(r.json().get("message").asText().isBlank(), r.toString());
    }
}
