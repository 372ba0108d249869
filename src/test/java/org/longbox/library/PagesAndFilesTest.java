package org.longbox.library;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.longbox.testing.Accounts;
import org.longbox.testing.Books;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.Scans;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Serving a book's pages, file, dimensions and thumbnail. */
class PagesAndFilesTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw").build();
    @TempDir
    static Path root;
    static Http http;
    static String owner;
    static String bookId;
    static byte[] page2;
    static Path bookFile;

    @BeforeAll
    static void scan() throws Exception {
        http = server.http();
        owner = server.ownerSession();
        page2 = Books.png(300, 450, 2);
        bookFile = Books.cbz().stored()
                .page("p10.jpg", Books.jpeg(200, 300, 10))
                .page("p2.png", page2)
                .page("p1.png", Books.png(100, 150, 1))
                .page("zz/../../escape.png", Books.png(50, 50, 3))
                .write(root.resolve("Series/Book One.cbz"));
        String lib = Scans.library(http, owner, "Lib", root, null);
        Scans.scan(http, owner, lib);
        bookId = http.get("/api/v1/media").cookie(owner).send().json().get("data").get(0).get("id").asText();
    }

    @Test
    void pagesComeInNaturalOrderWithTheirTrueContentType() {
        Http.Res first = http.get("/api/v1/media/" + bookId + "/page/1").cookie(owner).send();
        assertEquals(200, first.status());
        assertEquals("image/png", first.contentType());
        Http.Res second = http.get("/api/v1/media/" + bookId + "/page/2").cookie(owner).send();
        assertArrayEquals(page2, second.bytes(), "p2 is page 2, served byte for byte");
        Http.Res third = http.get("/api/v1/media/" + bookId + "/page/3").cookie(owner).send();
        assertEquals("image/jpeg", third.contentType());
        assertEquals(200, http.get("/api/v1/media/" + bookId + "/page/4").cookie(owner).send().status(),
                "a zip-slip entry name is just a page name");
        assertFalse(Files.exists(root.getParent().resolve("escape.png")));
        assertFalse(Files.exists(root.resolve("escape.png")));
    }

    /**
     * The usual page request (stored entry, no query, no validators) is answered before JAX-RS;
     * a query string sends the same request through JAX-RS. Both must give the same answer.
     */
    @Test
    void theShortAndTheLongWayToAPageGiveTheSameAnswer() throws Exception {
        Path deflated = Books.cbz().page("a.png", Books.png(40, 60, 7)).page("b.jpg", Books.jpeg(40, 60, 8))
                .write(root.resolve("Series/Deflated.cbz"));
        String lib = http.get("/api/v1/libraries").cookie(owner).send().json().get("data").get(0).get("id").asText();
        Scans.scan(http, owner, lib);
        String other = http.get("/api/v1/media?search=deflated").cookie(owner).send().json().get("data").get(0).get("id").asText();
        Map<String, Integer> books = Map.of(bookId, 4, other, 2);
        for (Map.Entry<String, Integer> book : books.entrySet()) {
            for (int n = 1; n <= book.getValue(); n++) {
                String url = "/api/v1/media/" + book.getKey() + "/page/" + n;
                Http.Res shortWay = http.get(url).cookie(owner).send();
                Http.Res longWay = http.get(url + "?via=jaxrs").cookie(owner).send();
                assertEquals(200, shortWay.status(), url);
                assertArrayEquals(longWay.bytes(), shortWay.bytes(), url);
                for (String h : new String[]{"Content-Type", "Content-Length", "ETag", "Last-Modified", "Cache-Control"}) {
                    assertNotNull(shortWay.header(h), url + " " + h);
                    assertEquals(longWay.header(h), shortWay.header(h), url + " " + h);
                }
                assertEquals(304, http.get(url).cookie(owner).header("If-None-Match", shortWay.header("ETag")).send().status());
            }
        }
        assertArrayEquals(page2, http.get("/api/v1/media/" + bookId + "/page/2").cookie(owner).send().bytes());
        assertEquals(401, http.get("/api/v1/media/" + bookId + "/page/2").send().status(), "no caller, no page");
        assertEquals(404, http.get("/api/v1/media/" + bookId.replace('-', '0') + "/page/2").cookie(owner).send().status());
        Files.delete(deflated);
        Scans.scan(http, owner, lib);
    }

    /** Nothing read before a change is served after it: a changed file is read as it is now. */
    @Test
    void aBookChangedAfterItsScanIsNeverServedFromWhatWasKnownBefore() throws Exception {
        Path file = Books.cbz().stored().page("1.png", Books.png(60, 60, 21)).page("2.png", Books.png(60, 60, 22))
                .write(root.resolve("Changing/Changing.cbz"));
        String lib = http.get("/api/v1/libraries").cookie(owner).send().json().get("data").get(0).get("id").asText();
        Scans.scan(http, owner, lib);
        String id = http.get("/api/v1/media?search=changing").cookie(owner).send().json().get("data").get(0).get("id").asText();
        String url = "/api/v1/media/" + id + "/page/1";
        assertArrayEquals(Books.png(60, 60, 21), http.get(url).cookie(owner).send().bytes());

        // rewritten with other pages, before any rescan
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(file);
        byte[] replacement = Books.png(80, 80, 23);
        Books.cbz().stored().page("1.png", replacement).page("2.png", Books.png(60, 60, 22)).write(file);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(before.toMillis() + 5000));
        assertArrayEquals(replacement, http.get(url).cookie(owner).send().bytes(), "read from the file as it is now");

        // the page's bytes damaged in place, size and time kept: never served
        Scans.scan(http, owner, lib);
        assertArrayEquals(replacement, http.get(url).cookie(owner).send().bytes());
        byte[] raw = Files.readAllBytes(file);
        int at = indexOf(raw, replacement) + replacement.length / 2;
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(file);
        raw[at] ^= 0x55;
        Files.write(file, raw);
        Files.setLastModifiedTime(file, time);
        Http.Res damaged = http.get(url).cookie(owner).send();
        assertEquals(404, damaged.status(), damaged.toString());
        assertTrue(damaged.json().get("message").asText().contains("CRC"), damaged.toString());

        Files.delete(file);
        Http.Res gone = http.get(url).cookie(owner).send();
        assertEquals(404, gone.status(), gone.toString());
        Scans.scan(http, owner, lib);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void pagesOutOfRangeAreClientErrorsNotServerErrors() {
        for (String p : new String[]{"0", "5", "99999", "-1"}) {
            Http.Res r = http.get("/api/v1/media/" + bookId + "/page/" + p).cookie(owner).send();
            assertEquals(400, r.status(), p + ": " + r);
            assertEquals(400, r.json().get("status").asInt());
        }
        assertEquals(400, http.get("/api/v1/media/" + bookId + "/page/two").cookie(owner).send().status());
        assertEquals(404, http.get("/api/v1/media/no-such-book/page/1").cookie(owner).send().status());
        assertEquals(400, http.get("/api/v1/media/" + bookId + "/page/1?width=0").cookie(owner).send().status());
        assertEquals(400, http.get("/api/v1/media/" + bookId + "/page/1?width=99999").cookie(owner).send().status());
    }

    @Test
    void pagesScaleToFitAndAnswerConditionalRequests() throws Exception {
        Http.Res scaled = http.get("/api/v1/media/" + bookId + "/page/2?width=100").cookie(owner).send();
        assertEquals(200, scaled.status());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(scaled.bytes()));
        assertEquals(100, img.getWidth());
        assertEquals(150, img.getHeight(), "aspect ratio kept");
        Http.Res fits = http.get("/api/v1/media/" + bookId + "/page/2?width=300&height=1000").cookie(owner).send();
        assertArrayEquals(page2, fits.bytes(), "a page that already fits is sent as it is, not re-encoded");
        assertEquals("image/png", fits.contentType());

        Http.Res full = http.get("/api/v1/media/" + bookId + "/page/2").cookie(owner).send();
        String etag = full.header("ETag");
        assertNotNull(etag);
        assertNotNull(full.header("Last-Modified"));
        assertEquals(304, http.get("/api/v1/media/" + bookId + "/page/2").cookie(owner).header("If-None-Match", etag).send().status());
        assertEquals(304, http.get("/api/v1/media/" + bookId + "/page/2").cookie(owner)
                .header("If-Modified-Since", full.header("Last-Modified")).send().status());
    }

    @Test
    void dimensionsListEveryPage() {
        JsonNode dims = http.get("/api/v1/media/" + bookId + "/dimensions").cookie(owner).send().json();
        assertEquals(4, dims.size());
        assertEquals(100, dims.get(0).get("width").asInt());
        assertEquals(150, dims.get(0).get("height").asInt());
        assertEquals(300, dims.get(1).get("width").asInt());
        assertEquals(dims, http.get("/api/v1/media/" + bookId + "/dimensions").cookie(owner).send().json(), "stored once, same after");
    }

    @Test
    void onePagesDimensionsAreThatPagesEntryOfTheList() {
        JsonNode all = http.get("/api/v1/media/" + bookId + "/dimensions").cookie(owner).send().json();
        for (int n = 1; n <= all.size(); n++) {
            Http.Res one = http.get("/api/v1/media/" + bookId + "/page/" + n + "/dimensions").cookie(owner).send();
            assertEquals(200, one.status(), one.toString());
            assertEquals(all.get(n - 1), one.json(), "page " + n);
        }
        JsonNode second = http.get("/api/v1/media/" + bookId + "/page/2/dimensions").cookie(owner).send().json();
        assertEquals(300, second.get("width").asInt());
        assertEquals(450, second.get("height").asInt());
        for (String p : new String[]{"0", "5", "-1"}) {
            Http.Res r = http.get("/api/v1/media/" + bookId + "/page/" + p + "/dimensions").cookie(owner).send();
            assertEquals(400, r.status(), p + ": " + r);
            assertEquals(400, r.json().get("status").asInt());
        }
        assertEquals(404, http.get("/api/v1/media/no-such-book/page/1/dimensions").cookie(owner).send().status());
        assertEquals(401, http.get("/api/v1/media/" + bookId + "/page/1/dimensions").send().status());
    }

    @Test
    void theFileDownloadsWithRangesAndNeedsFileDownload() throws Exception {
        byte[] bytes = Files.readAllBytes(bookFile);
        Http.Res whole = http.get("/api/v1/media/" + bookId + "/file").cookie(owner).send();
        assertEquals(200, whole.status());
        assertArrayEquals(bytes, whole.bytes());
        assertEquals("application/vnd.comicbook+zip", whole.contentType());
        assertTrue(whole.header("Content-Disposition").startsWith("attachment; filename=\"Book One.cbz\""), whole.header("Content-Disposition"));
        assertEquals("bytes", whole.header("Accept-Ranges"));

        Http.Res part = http.get("/api/v1/media/" + bookId + "/file").cookie(owner).header("Range", "bytes=10-19").send();
        assertEquals(206, part.status());
        assertArrayEquals(Arrays.copyOfRange(bytes, 10, 20), part.bytes());
        assertEquals("bytes 10-19/" + bytes.length, part.header("Content-Range"));
        Http.Res tail = http.get("/api/v1/media/" + bookId + "/file").cookie(owner).header("Range", "bytes=-5").send();
        assertArrayEquals(Arrays.copyOfRange(bytes, bytes.length - 5, bytes.length), tail.bytes());
        Http.Res beyond = http.get("/api/v1/media/" + bookId + "/file").cookie(owner).header("Range", "bytes=" + bytes.length + "-").send();
        assertEquals(416, beyond.status());
        assertEquals(304, http.get("/api/v1/media/" + bookId + "/file").cookie(owner).header("If-None-Match", whole.header("ETag")).send().status());

        Accounts.createUser(http, owner, "reader", "pw");
        String reader = Accounts.login(http, "reader", "pw");
        assertEquals(403, http.get("/api/v1/media/" + bookId + "/file").cookie(reader).send().status());
        assertEquals(200, http.get("/api/v1/media/" + bookId + "/page/1").cookie(reader).send().status(), "reading needs no permission");
        Accounts.createUser(http, owner, "downloader", "pw", "file:download");
        assertEquals(200, http.get("/api/v1/media/" + bookId + "/file").cookie(Accounts.login(http, "downloader", "pw")).send().status());
    }

    @Test
    void rangesWithHugeNumbersAreAnsweredNotFailed() throws Exception {
        byte[] bytes = Files.readAllBytes(bookFile);
        String url = "/api/v1/media/" + bookId + "/file";
        String huge = "99999999999999999999"; // past Long.MAX_VALUE
        // a start past the end, however far: 416 with the size, as JSON
        for (String range : new String[]{"bytes=" + huge + "-", "bytes=" + huge + "-" + huge, "bytes=" + Long.MAX_VALUE + "-",
                "bytes=" + huge + "0000000000000000000000000000000-"}) {
            Http.Res r = http.get(url).cookie(owner).header("Range", range).send();
            assertEquals(416, r.status(), range + ": " + r);
            assertEquals("bytes */" + bytes.length, r.header("Content-Range"), range);
            assertEquals(416, r.json().get("status").asInt(), range);
        }
        // an end or a suffix past the end: up to the end
        Http.Res toEnd = http.get(url).cookie(owner).header("Range", "bytes=3-" + huge).send();
        assertEquals(206, toEnd.status(), toEnd.toString());
        assertArrayEquals(Arrays.copyOfRange(bytes, 3, bytes.length), toEnd.bytes());
        assertEquals("bytes 3-" + (bytes.length - 1) + "/" + bytes.length, toEnd.header("Content-Range"));
        Http.Res suffix = http.get(url).cookie(owner).header("Range", "bytes=-" + huge).send();
        assertEquals(206, suffix.status(), suffix.toString());
        assertArrayEquals(bytes, suffix.bytes());
        // an empty suffix asks for no bytes at all
        assertEquals(416, http.get(url).cookie(owner).header("Range", "bytes=-0").send().status());
    }

    @Test
    void aFailedPreconditionOnTheFileIs412Json() {
        String url = "/api/v1/media/" + bookId + "/file";
        for (String[] condition : new String[][]{{"If-Match", "\"stale\""}, {"If-Unmodified-Since", "Thu, 01 Jan 1970 00:00:00 GMT"}}) {
            Http.Res r = http.get(url).cookie(owner).header(condition[0], condition[1]).send();
            assertEquals(412, r.status(), r.toString());
            assertTrue(r.contentType().startsWith("application/json"), r.contentType());
            assertEquals(412, r.json().get("status").asInt());
        }
    }

    @Test
    void aRangeIsServedOnlyWhenIfRangeNamesTheFileAsItIsNow() throws Exception {
        byte[] bytes = Files.readAllBytes(bookFile);
        String url = "/api/v1/media/" + bookId + "/file";
        Http.Res whole = http.get(url).cookie(owner).send();
        String etag = whole.header("ETag");
        String lastModified = whole.header("Last-Modified");
        assertTrue(etag.startsWith("\""), etag);

        Http.Res current = http.get(url).cookie(owner).header("Range", "bytes=0-3").header("If-Range", etag).send();
        assertEquals(206, current.status(), "the current ETag: the range");
        assertArrayEquals(Arrays.copyOf(bytes, 4), current.bytes());
        Http.Res sameDate = http.get(url).cookie(owner).header("Range", "bytes=0-3").header("If-Range", lastModified).send();
        assertEquals(206, sameDate.status(), "exactly Last-Modified: the range");
        assertArrayEquals(Arrays.copyOf(bytes, 4), sameDate.bytes());

        String stale = "\"0-0\"";
        String weak = "W/" + etag;
        String otherDate = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.parse(lastModified, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).minusSeconds(1));
        for (String ifRange : new String[]{stale, weak, otherDate, "not a validator"}) {
            Http.Res full = http.get(url).cookie(owner).header("Range", "bytes=0-3").header("If-Range", ifRange).send();
            assertEquals(200, full.status(), ifRange);
            assertArrayEquals(bytes, full.bytes(), ifRange);
            assertEquals(null, full.header("Content-Range"), ifRange);
        }
    }

    @Test
    void aFileSwappedForALinkOutsideTheLibraryIsNotServed() throws Exception {
        Path outside = Files.createTempFile("outside", ".cbz");
        Files.writeString(outside, "secret");
        Path sneaky = root.resolve("Series/Sneaky.cbz");
        Books.cbz().pages(1).write(sneaky);
        String lib = http.get("/api/v1/libraries").cookie(owner).send().json().get("data").get(0).get("id").asText();
        Scans.scan(http, owner, lib);
        String id = http.get("/api/v1/media?search=sneaky").cookie(owner).send().json().get("data").get(0).get("id").asText();
        Files.delete(sneaky);
        Files.createSymbolicLink(sneaky, outside);
        Http.Res r = http.get("/api/v1/media/" + id + "/file").cookie(owner).send();
        assertEquals(404, r.status(), r.toString());
        assertFalse(r.text().contains("secret"));
    }

    @Test
    void thumbnailsFitTheirBox() throws Exception {
        Http.Res t = http.get("/api/v1/media/" + bookId + "/thumbnail").cookie(owner).send();
        assertEquals(200, t.status(), t.toString());
        assertEquals("image/jpeg", t.contentType());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(t.bytes()));
        assertTrue(img.getWidth() <= 400 && img.getHeight() <= 600);
        assertTrue(Files.list(server.configDir().resolve("thumbnails")).anyMatch(p -> p.getFileName().toString().startsWith(bookId)));
        String series = http.get("/api/v1/media/" + bookId).cookie(owner).send().json().get("series_id").asText();
        assertEquals(200, http.get("/api/v1/series/" + series + "/thumbnail").cookie(owner).send().status());
    }

    @Test
    void thumbnailsCanBeRemadeForALibraryOrFromAnotherPage() throws Exception {
        String lib = http.get("/api/v1/libraries").cookie(owner).send().json().get("data").get(0).get("id").asText();
        JsonNode job = http.post("/api/v1/libraries/" + lib + "/thumbnail/generate").cookie(owner)
                .json(Map.of("force_regenerate", true, "image_options", Map.of("format", "Png", "resize_options",
                        Map.of("mode", "Sized", "width", 30, "height", 30)))).send().json();
        JsonNode done = Scans.await(http, owner, job.get("id").asText());
        assertTrue(done.get("output_data").asText().startsWith("Thumbnails made: "), done.toString());
        Path png = server.configDir().resolve("thumbnails/" + bookId + ".png");
        assertTrue(Files.exists(png));
        assertTrue(ImageIO.read(png.toFile()).getWidth() <= 30);

        Http.Res remade = http.method("PATCH", "/api/v1/media/" + bookId + "/thumbnail").cookie(owner).json(Map.of("page", 2)).send();
        assertEquals(200, remade.status(), remade.toString());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(remade.bytes()));
        assertEquals(300.0 / 450.0, (double) img.getWidth() / img.getHeight(), 0.05, "page 2's shape");
        assertEquals(400, http.method("PATCH", "/api/v1/media/" + bookId + "/thumbnail").cookie(owner).json(Map.of("page", 99)).send().status());
        assertEquals(400, http.post("/api/v1/libraries/" + lib + "/thumbnail/generate").cookie(owner)
                .json(Map.of("image_options", Map.of("format", "Png", "quality", 500))).send().status());
    }

    @Test
    void configuredThumbnailsAreMadeDuringTheScan() throws Exception {
        Path other = Files.createDirectories(root.getParent().resolve(root.getFileName() + "-thumbs"));
        Books.cbz().page("a.png", Books.png(1000, 500, 5)).write(other.resolve("S/Wide.cbz"));
        String lib = Scans.library(http, owner, "Thumbs", other, Map.of("thumbnail_config",
                Map.of("format", "Png", "resize_options", Map.of("mode", "Sized", "width", 100, "height", 100))));
        Scans.scan(http, owner, lib);
        String id = http.get("/api/v1/libraries/" + lib + "/media").cookie(owner).send().json().get("data").get(0).get("id").asText();
        Path made = server.configDir().resolve("thumbnails/" + id + ".png");
        assertTrue(Files.exists(made), "made by the scan, before any request");
        BufferedImage img = ImageIO.read(made.toFile());
        assertEquals(100, img.getWidth());
        assertEquals(50, img.getHeight());
        assertEquals("image/png", http.get("/api/v1/media/" + id + "/thumbnail").cookie(owner).send().contentType());
        assertEquals(200, http.delete("/api/v1/libraries/" + lib).cookie(owner).send().status());
        assertFalse(Files.exists(made), "deleting the library removes its thumbnails");
    }
}
