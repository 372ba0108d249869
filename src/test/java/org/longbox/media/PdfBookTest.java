package org.longbox.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfBookTest {
    @TempDir
    Path dir;

    private Path pdf(String name, PDRectangle size, int pages, String userPassword) throws Exception {
        Path file = dir.resolve(name);
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(size);
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawImage(LosslessFactory.createFromImage(doc, Fixtures.picture(40, 60, Color.RED)),
                            size.getWidth() / 4, size.getHeight() / 4, size.getWidth() / 2, size.getHeight() / 2);
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 24);
                    content.newLineAtOffset(20, 20);
                    content.showText("Page " + (i + 1));
                    content.endText();
                }
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("A PDF Comic");
            info.setAuthor("Ann One; Bo Two");
            info.setSubject("What it is about");
            info.setKeywords("Horror, Western");
            doc.getDocumentCatalog().setLanguage("de");
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(file.toFile());
        }
        return file;
    }

    @Test
    void pagesRenderToJpegsWithinTheEdgeLimitAndInfoBecomesMetadata() throws Exception {
        try (Book book = Books.open(pdf("a4.pdf", PDRectangle.A4, 2, null), Fixtures.SMALL)) {
            assertEquals(BookFormat.PDF, book.format());
            assertEquals(2, book.pageCount());
            PageData page = book.page(2);
            assertEquals("image/jpeg", page.mediaType());
            Dimensions d = Images.probe(page.bytes());
            assertEquals(800, d.height());
            assertTrue(Math.abs(d.width() - 800 * 595 / 842) <= 1, d.toString());
            Color centre = new Color(Images.decode(page.bytes(), Fixtures.SMALL).getRGB(d.width() * 3 / 10, d.height() * 6 / 10));
            assertTrue(centre.getRed() > 200 && centre.getGreen() < 60, "the red image is drawn: " + centre);
            assertEquals("image/jpeg", book.cover().orElseThrow().mediaType());
            assertThrows(IndexOutOfBoundsException.class, () -> book.page(3));
            BookMetadata m = book.metadata();
            assertEquals("A PDF Comic", m.title());
            assertEquals(List.of("Ann One", "Bo Two"), m.writers());
            assertEquals("What it is about", m.summary());
            assertEquals(List.of("Horror", "Western"), m.genres());
            assertEquals("de", m.language());
        }
    }

    @Test
    void aGiganticPageIsRenderedWithinTheLimits() throws Exception {
        Path file = pdf("huge.pdf", new PDRectangle(100_000, 100_000), 1, null);
        long start = System.nanoTime();
        try (Book book = Books.open(file, MediaLimits.DEFAULT)) {
            Dimensions d = Images.probe(book.page(1).bytes());
            assertEquals(new Dimensions(2400, 2400), d);
        }
        assertTrue(System.nanoTime() - start < 30_000_000_000L);
        MediaLimits fewPixels = new MediaLimits(100, 1 << 20, 1 << 20, 10_000, 2400);
        try (Book book = Books.open(file, fewPixels)) {
            Dimensions d = Images.probe(book.page(1).bytes());
            assertTrue(d.pixels() <= 10_000, d.toString());
        }
    }

    @Test
    void aPdfThatNeedsAPasswordIsRefused() throws Exception {
        Path file = pdf("locked.pdf", PDRectangle.A6, 1, "reader-secret");
        assertEquals("PDF is password-protected",
                assertThrows(BookException.class, () -> Books.open(file, Fixtures.SMALL)).getMessage());
    }

    @Test
    void aPdfWithOnlyAnOwnerPasswordOpens() throws Exception {
        try (Book book = Books.open(pdf("owner.pdf", PDRectangle.A6, 1, ""), Fixtures.SMALL)) {
            assertEquals(1, book.pageCount());
            assertEquals("image/jpeg", book.page(1).mediaType());
        }
    }

    @Test
    void garbageAfterAPdfHeaderIsRefused() {
        Path file = Fixtures.file(dir, "junk.pdf", "%PDF-1.7\nthis is not a pdf body at all\n".repeat(20).getBytes());
        BookException e = assertThrows(BookException.class, () -> Books.open(file, Fixtures.SMALL));
        assertTrue(e.getMessage().contains("PDF"), e.getMessage());
    }
}
