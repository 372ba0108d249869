package org.longbox.library;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.longbox.media.Fixtures;
import org.longbox.media.RarWriter;
import org.longbox.testing.Books;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.Scans;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every format through a real scan and the page endpoint, and hostile files that must end as ERROR. */
class FormatsScanTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw").build();
    @TempDir
    static Path root;
    static Http http;
    static String owner;
    static final Map<String, JsonNode> books = new HashMap<>();
    static final byte[] PAGE_ONE = Books.png(40, 60, 1);

    @BeforeAll
    static void scan() throws Exception {
        http = server.http();
        owner = server.ownerSession();
        Path dir = Files.createDirectories(root.resolve("S"));
        Files.write(dir.resolve("rar4.cbr"), RarWriter.rar4(List.of(RarWriter.Entry.stored("01.png", PAGE_ONE),
                RarWriter.Entry.stored("02.png", Books.png(40, 60, 2))), 0));
        Files.write(dir.resolve("rar5.cbr"), RarWriter.rar5(List.of(RarWriter.Entry.stored("1.png", PAGE_ONE),
                RarWriter.Entry.stored("10.png", Books.png(40, 60, 10)), RarWriter.Entry.stored("2.png", Books.png(40, 60, 2)),
                RarWriter.Entry.stored("ComicInfo.xml", "<ComicInfo><Title>Rar Five</Title></ComicInfo>".getBytes())), false, false));
        byte[] packedPage = Books.png(20, 20, 3);
        Files.write(dir.resolve("compressed.cbr"), RarWriter.rar5(List.of(RarWriter.Entry.stored("p.png", packedPage)
                .asCompressed(RarWriter.rar5Packed(packedPage), 1)), false, false));
        try (PDDocument pdf = new PDDocument()) {
            pdf.addPage(new PDPage(PDRectangle.A4));
            pdf.addPage(new PDPage(PDRectangle.A5));
            pdf.save(dir.resolve("doc.pdf").toFile());
        }
        Books.cbz().page("a.webp", Fixtures.webp(30, 30, 0xff3366cc)).write(dir.resolve("webp.cbz"));
        Books.cbz().page("huge.png", Fixtures.pngHeaderOnly(20000, 20000)).write(dir.resolve("huge.cbz"));
        try (OutputStream out = Files.newOutputStream(dir.resolve("bomb.cbz"))) {
            Fixtures.zipBomb(out, "page.png", 1024);
        }
        Files.write(dir.resolve("encrypted.cbr"), RarWriter.rar5(List.of(RarWriter.Entry.stored("1.png", PAGE_ONE)), false, true));
        Books.cbz().pages(2).write(dir.resolve("fine.cbz"));
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        Books.cbz().page("1.jpg", Fixtures.jpeg(30, 40)).page("2.jpg", noise).write(dir.resolve("noise.cbz"));
        Books.cbz().page("1.jpg", java.util.Arrays.copyOf(Fixtures.jpeg(30, 40), 60)).write(dir.resolve("cut.cbz"));
        Books.cbz().page("1.png", Fixtures.png(30, 40)).page("2.jpg", Fixtures.jpeg(50, 20)).page("3.gif", Fixtures.gif(7, 9))
                .page("4.webp", Fixtures.webp(11, 13, 0xff3366cc)).write(dir.resolve("mixed.cbz"));
        String lib = Scans.library(http, owner, "Formats", root, null);
        Scans.scan(http, owner, lib);
        http.get("/api/v1/media?page_size=50").cookie(owner).send().json().get("data")
                .forEach(m -> books.put(m.get("name").asText(), m));
    }

    static Http.Res page(String book, int n) {
        return http.get("/api/v1/media/" + books.get(book).get("id").asText() + "/page/" + n).cookie(owner).send();
    }

    @Test
    void storedRar4AndRar5BooksAreReadInPlace() {
        assertEquals("READY", books.get("rar4").get("status").asText());
        assertEquals(2, books.get("rar4").get("pages").asInt());
        assertArrayEquals(PAGE_ONE, page("rar4", 1).bytes());
        JsonNode rar5 = books.get("rar5");
        assertEquals(3, rar5.get("pages").asInt(), "ComicInfo.xml is not a page");
        assertEquals("Rar Five", rar5.get("metadata").get("title").asText());
        assertArrayEquals(Books.png(40, 60, 2), page("rar5", 2).bytes(), "natural order: 2 before 10");
        assertEquals("application/vnd.comicbook-rar", http.get("/api/v1/media/" + rar5.get("id").asText() + "/file")
                .cookie(owner).send().contentType());
    }

    @Test
    void compressedRarPagesNeedBsdtar() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/bsdtar")), "bsdtar (libarchive-tools) is not installed");
        assertEquals("READY", books.get("compressed").get("status").asText());
        assertEquals(200, page("compressed", 1).status());
    }

    @Test
    void pdfPagesAreRenderedToImages() throws Exception {
        JsonNode pdf = books.get("doc");
        assertEquals(2, pdf.get("pages").asInt());
        Http.Res r = page("doc", 1);
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("image/"), r.contentType());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.bytes()));
        assertTrue(Math.max(img.getWidth(), img.getHeight()) <= 2400);
        assertEquals("application/pdf", http.get("/api/v1/media/" + pdf.get("id").asText() + "/file").cookie(owner).send().contentType());
    }

    @Test
    void webpPagesKeepTheirType() {
        Http.Res r = page("webp", 1);
        assertEquals(200, r.status());
        assertEquals("image/webp", r.contentType());
    }

    @Test
    void hostileFilesEndAsErrorsWithReasons() {
        Map<String, String> reasons = Map.of("huge", "Page 1 is 20000x20000 pixels, over the limit",
                "bomb", "", "encrypted", "", "noise", "page 2 (2.jpg) is not a JPEG, PNG, GIF or WebP image",
                "cut", "Page 1 cannot be decoded");
        for (Map.Entry<String, String> e : reasons.entrySet()) {
            JsonNode b = books.get(e.getKey());
            assertTrue(b != null, e.getKey() + " was not recorded");
            assertEquals("ERROR", b.get("status").asText(), b.toString());
            assertTrue(b.get("error_reason").asText().length() > 5, b.toString());
            assertTrue(b.get("error_reason").asText().contains(e.getValue()), b.toString());
            String id = b.get("id").asText();
            assertEquals(404, http.get("/api/v1/media/" + id + "/page/1").cookie(owner).send().status());
        }
        assertEquals("READY", books.get("fine").get("status").asText(), "the scan went on past them");
    }

    @Test
    void theScanMeasuresEveryPage() throws Exception {
        JsonNode mixed = books.get("mixed");
        // kept by the scan: the file is no longer needed to answer
        Files.delete(root.resolve("S/mixed.cbz"));
        assertEquals("READY", mixed.get("status").asText(), mixed.toString());
        JsonNode dims = http.get("/api/v1/media/" + mixed.get("id").asText() + "/dimensions").cookie(owner).send().json();
        assertEquals("[{\"height\":40,\"width\":30},{\"height\":20,\"width\":50},{\"height\":9,\"width\":7},"
                + "{\"height\":13,\"width\":11}]", dims.toString());
    }

    @Test
    void undeployingMidScanLeavesAConsistentLibraryThatTheNextScanCompletes() throws Exception {
        Path dir = Files.createDirectories(root.getParent().resolve(root.getFileName() + "-many"));
        for (int i = 0; i < 300; i++) {
            Books.cbz().pages(1).write(dir.resolve("S" + (i % 6) + "/B" + i + ".cbz"));
        }
        String lib = Scans.library(http, owner, "Many", dir, null);
        String job = http.post("/api/v1/libraries/" + lib + "/scan").cookie(owner).send().json().get("id").asText();
        Scans.awaitRunning(http, owner, job);
        server.restart();
        http = server.http();
        String session = http.post("/api/v1/auth/login").json(Map.of("username", "owner", "password", "pw")).send().sessionToken();
        JsonNode jobs = http.get("/api/v1/jobs").cookie(session).send().json().get("data");
        String status = jobs.get(0).get("status").asText();
        assertTrue(List.of("FAILED", "CANCELLED", "COMPLETED").contains(status), jobs.toString());
        Scans.scan(http, session, lib);
        assertEquals(300, server.count("SELECT COUNT(*) FROM media WHERE library_id = ?", lib));
        assertEquals(0, server.count("SELECT COUNT(*) FROM (SELECT path FROM media GROUP BY path HAVING COUNT(*) > 1) d"));
    }
}
