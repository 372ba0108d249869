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

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A library's thumbnail_config over HTTP: WebP and scaled thumbnails are made by the scan, served
 * with their own content type, fit the configured box, and are converted for OPDS 1.2 apps.
 */
class ThumbnailConfigTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw").build();
    @TempDir
    static Path root;
    static Http http;
    static String owner;
    static final Map<String, String> libraries = new HashMap<>();
    static final Map<String, String> books = new HashMap<>();

    @BeforeAll
    static void scan() throws Exception {
        http = server.http();
        owner = server.ownerSession();
        library("webp", Books.png(600, 900, 1), Map.of("format", "Webp", "quality", 70,
                "resize_options", Map.of("mode", "Sized", "width", 120, "height", 150)));
        library("webp-default-box", Books.png(800, 1000, 2), Map.of("format", "Webp"));
        library("scaled", Books.png(400, 600, 3), Map.of("format", "Png",
                "resize_options", Map.of("mode", "Scaled", "width", 0.5, "height", 0.5)));
        library("scaled-uneven", Books.png(400, 600, 4), Map.of("format", "Jpeg",
                "resize_options", Map.of("mode", "Scaled", "width", 0.25, "height", 0.5)));
    }

    /** A library {@code name} of one one-page book {@code name}/{@code name} 1.cbz, scanned with this thumbnail_config. */
    static void library(String name, byte[] page, Map<String, Object> thumbnailConfig) throws Exception {
        Path dir = root.resolve(name);
        Books.cbz().page("cover.png", page).page("next.png", Books.png(60, 90, 9)).write(dir.resolve(name + "/" + name + " 1.cbz"));
        String lib = Scans.library(http, owner, name, dir, Map.of("watch", false, "thumbnail_config", thumbnailConfig));
        Scans.scan(http, owner, lib);
        libraries.put(name, lib);
        JsonNode data = http.get("/api/v1/libraries/" + lib + "/media").cookie(owner).send().json().get("data");
        assertEquals(1, data.size(), data.toString());
        books.put(name, data.get(0).get("id").asText());
    }

    @Test
    void webpThumbnailsAreMadeByTheScanAndServedAsWebpWithinTheirBox() throws Exception {
        String id = books.get("webp");
        Path stored = server.configDir().resolve("thumbnails/" + id + ".webp");
        assertTrue(Files.isRegularFile(stored), "made by the scan, before any request");

        Http.Res t = thumbnail("/api/v1/media/" + id + "/thumbnail");
        assertEquals("image/webp", t.contentType());
        assertWebp(t.bytes());
        assertArrayEquals(Files.readAllBytes(stored), t.bytes(), "the stored file, as made");
        BufferedImage img = decode(t.bytes());
        assertEquals(100, img.getWidth(), "600x900 into 120x150 keeps the 2:3 shape");
        assertEquals(150, img.getHeight());

        Http.Res ofSeries = thumbnail("/api/v1/series/" + seriesOf(id) + "/thumbnail");
        Http.Res ofLibrary = thumbnail("/api/v1/libraries/" + libraries.get("webp") + "/thumbnail");
        assertEquals("image/webp", ofSeries.contentType());
        assertEquals("image/webp", ofLibrary.contentType());
        assertArrayEquals(t.bytes(), ofSeries.bytes());
        assertArrayEquals(t.bytes(), ofLibrary.bytes());

        assertEquals(304, http.get("/api/v1/media/" + id + "/thumbnail").cookie(owner)
                .header("If-None-Match", t.header("ETag")).send().status());
    }

    @Test
    void webpWithoutResizeOptionsFitsTheDefaultBox() throws Exception {
        Http.Res t = thumbnail("/api/v1/media/" + books.get("webp-default-box") + "/thumbnail");
        assertEquals("image/webp", t.contentType());
        assertWebp(t.bytes());
        BufferedImage img = decode(t.bytes());
        assertEquals(400, img.getWidth(), "800x1000 into 400x600");
        assertEquals(500, img.getHeight());
    }

    @Test
    void opdsAppsGetAWebpThumbnailAsJpeg() throws Exception {
        Http.Res t = thumbnail("/opds/v1.2/books/" + books.get("webp") + "/thumbnail");
        assertEquals("image/jpeg", t.contentType(), "many OPDS apps show no WebP");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(t.bytes()));
        assertNotNull(img, "the JDK alone decodes it");
        assertEquals(100, img.getWidth());
        assertEquals(150, img.getHeight());
        Http.Res api = thumbnail("/api/v1/media/" + books.get("webp") + "/thumbnail");
        assertFalse(api.header("ETag").equals(t.header("ETag")), "the converted answer has a tag of its own");
    }

    @Test
    void scaledThumbnailsAreThePageTimesTheFactors() throws Exception {
        String id = books.get("scaled");
        assertTrue(Files.isRegularFile(server.configDir().resolve("thumbnails/" + id + ".png")));
        Http.Res t = thumbnail("/api/v1/media/" + id + "/thumbnail");
        assertEquals("image/png", t.contentType());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(t.bytes()));
        assertNotNull(img);
        assertEquals(200, img.getWidth(), "400 x 0.5");
        assertEquals(300, img.getHeight(), "600 x 0.5");
    }

    @Test
    void unevenScaleFactorsGiveABoxTheThumbnailFitsIn() throws Exception {
        Http.Res t = thumbnail("/api/v1/media/" + books.get("scaled-uneven") + "/thumbnail");
        assertEquals("image/jpeg", t.contentType());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(t.bytes()));
        assertNotNull(img);
        assertTrue(img.getWidth() <= 100 && img.getHeight() <= 300, "within 400x0.25 by 600x0.5: "
                + img.getWidth() + "x" + img.getHeight());
        assertTrue(img.getWidth() == 100 || img.getHeight() == 300, "as large as the box allows");
    }

    @Test
    void regeneratingWithOtherOptionsReplacesTheStoredFormat() throws Exception {
        Path dir = root.resolve("switch");
        Books.cbz().page("cover.png", Books.png(300, 300, 5)).write(dir.resolve("S/S 1.cbz"));
        String lib = Scans.library(http, owner, "switch", dir, Map.of("watch", false, "thumbnail_config", Map.of("format", "Webp")));
        Scans.scan(http, owner, lib);
        String id = http.get("/api/v1/libraries/" + lib + "/media").cookie(owner).send().json().get("data").get(0).get("id").asText();
        assertEquals("image/webp", thumbnail("/api/v1/media/" + id + "/thumbnail").contentType());

        JsonNode job = http.post("/api/v1/libraries/" + lib + "/thumbnail/generate").cookie(owner)
                .json(Map.of("force_regenerate", true, "image_options", Map.of("format", "Png",
                        "resize_options", Map.of("mode", "Scaled", "width", 0.1, "height", 0.1)))).send().json();
        Scans.await(http, owner, job.get("id").asText());
        Http.Res t = thumbnail("/api/v1/media/" + id + "/thumbnail");
        assertEquals("image/png", t.contentType());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(t.bytes()));
        assertEquals(30, img.getWidth());
        assertEquals(30, img.getHeight());
        assertFalse(Files.exists(server.configDir().resolve("thumbnails/" + id + ".webp")), "the old format is removed");
    }

    @Test
    void badThumbnailConfigsAre400NamingTheProblem() throws Exception {
        Path dir = Files.createDirectories(root.resolve("bad"));
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("format", "Gif"),
                Map.of("format", "Webp", "resize_options", Map.of("mode", "Scaled", "width", 0, "height", 0.5)),
                Map.of("format", "Webp", "resize_options", Map.of("mode", "Scaled", "width", 0.5, "height", -0.5)),
                Map.of("format", "Webp", "resize_options", Map.of("mode", "Sized", "width", 0, "height", 100)),
                Map.of("format", "Webp", "resize_options", Map.of("mode", "Stretched", "width", 1, "height", 1)),
                Map.of("format", "Webp", "quality", -1))) {
            Map<String, Object> body = new HashMap<>();
            body.put("name", "Bad");
            body.put("path", dir.toString());
            body.put("scan_mode", "NONE");
            body.put("config", Map.of("thumbnail_config", bad));
            Http.Res r = http.post("/api/v1/libraries").cookie(owner).json(body).send();
            assertEquals(400, r.status(), bad + ": " + r);
            assertEquals(400, r.json().get("status").asInt());
            assertFalse(r.json().get("message").asText().isBlank());
        }
        assertEquals(0, server.count("SELECT COUNT(*) FROM libraries WHERE name_key = 'bad'"), "nothing half-created");
    }

    @Test
    void theThumbnailOfAnUnknownBookIs404Json() {
        Http.Res r = http.get("/api/v1/media/no-such-book/thumbnail").cookie(owner).send();
        assertEquals(404, r.status(), r.toString());
        assertEquals(404, r.json().get("status").asInt());
    }

    private static Http.Res thumbnail(String path) {
        Http.Res r = http.get(path).cookie(owner).send();
        assertEquals(200, r.status(), path + ": " + r.status());
        return r;
    }

    private static String seriesOf(String bookId) {
        return http.get("/api/v1/media/" + bookId).cookie(owner).send().json().get("series_id").asText();
    }

    private static void assertWebp(byte[] bytes) {
        assertEquals("RIFF", new String(Arrays.copyOfRange(bytes, 0, 4), StandardCharsets.US_ASCII));
        assertEquals("WEBP", new String(Arrays.copyOfRange(bytes, 8, 12), StandardCharsets.US_ASCII));
    }

    /** Decodes with ImageIO; WebP through the TwelveMonkeys reader on the test class path. */
    private static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(img, "ImageIO has no reader for these bytes");
        return img;
    }
}
