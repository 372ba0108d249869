package org.longbox.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipBookTest {
    @TempDir
    Path dir;

    private Book open(String name, Map<String, byte[]> entries) throws BookException {
        return Books.open(Fixtures.file(dir, name, Fixtures.zip(entries)), Fixtures.SMALL);
    }

    private static List<String> pageTypes(Book book) throws BookException {
        List<String> types = new ArrayList<>();
        for (int i = 1; i <= book.pageCount(); i++) {
            types.add(book.page(i).mediaType());
        }
        return types;
    }

    @Test
    void pagesAreTheImagesInNaturalOrderWithoutHiddenMacosxOrFolders() throws Exception {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("10.jpg", Fixtures.jpeg(10, 10));
        e.put("2.webp", Fixtures.webp(2, 2, 0xFF00FF00));
        e.put("1.png", Fixtures.png(1, 1));
        e.put(".hidden.jpg", Fixtures.jpeg(3, 3));
        e.put("__MACOSX/._1.png", "resource fork".getBytes());
        e.put("sub/.thumbs/t.jpg", Fixtures.jpeg(3, 3));
        e.put("folder.jpg/", null);
        e.put("readme.txt", "hello".getBytes());
        e.put("sub/3.GIF", Fixtures.gif(3, 3));
        try (Book book = open("b.cbz", e)) {
            assertEquals(BookFormat.ZIP, book.format());
            assertEquals(4, book.pageCount());
            assertEquals(List.of("image/png", "image/webp", "image/jpeg", "image/gif"), pageTypes(book));
            assertEquals(new Dimensions(10, 10), Images.probe(book.page(3).bytes()));
            assertSame(BookMetadata.EMPTY, book.metadata());
            assertEquals("image/png", book.cover().orElseThrow().mediaType());
        }
    }

    /** Where a stored page lies: exactly its bytes in the file, past the local header's own name and extra field. */
    @Test
    void storedPagesLieWhereTheirBytesAreAndDeflatedOnesNowhere() throws Exception {
        byte[] one = Fixtures.png(3, 3);
        byte[] two = Fixtures.jpeg(5, 5);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            java.util.zip.ZipEntry first = org.longbox.testing.Books.storedEntry("1.png", one);
            first.setExtra(new byte[] {(byte) 0xCA, (byte) 0xFE, 4, 0, 1, 2, 3, 4}); // an unknown extra field, 8 bytes
            zip.putNextEntry(first);
            zip.write(one);
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("2.jpg"));
            zip.write(two);
            zip.closeEntry();
            zip.setComment("an archive comment moves the end record");
        }
        Path file = Fixtures.file(dir, "s.cbz", out.toByteArray());
        byte[] raw = Files.readAllBytes(file);
        try (Book book = Books.open(file, Fixtures.SMALL)) {
            StoredPage where = book.storedPage(1).orElseThrow();
            assertEquals(one.length, where.length());
            assertEquals(java.util.Arrays.toString(one), java.util.Arrays.toString(java.util.Arrays.copyOfRange(raw,
                    (int) where.offset(), (int) where.offset() + where.length())));
            assertTrue(book.storedPage(2).isEmpty(), "deflated");
            assertThrows(IndexOutOfBoundsException.class, () -> book.storedPage(3));
        }
    }

    @Test
    void theMediaTypeComesFromTheBytesNotTheName() throws Exception {
        try (Book book = open("b.cbz", Map.of("001.jpg", Fixtures.png(2, 2), "002.png", "not an image".getBytes()))) {
            assertEquals("image/png", book.page(1).mediaType());
            BookException e = assertThrows(BookException.class, () -> book.page(2));
            assertTrue(e.getMessage().contains("002.png"), e.getMessage());
        }
    }

    @Test
    void pageNumbersOutsideTheBookAreOutOfBounds() throws Exception {
        try (Book book = open("b.cbz", Map.of("1.png", Fixtures.png(1, 1)))) {
            assertThrows(IndexOutOfBoundsException.class, () -> book.page(0));
            assertThrows(IndexOutOfBoundsException.class, () -> book.page(2));
        }
    }

    @Test
    void zipSlipNamesAreJustNamesAndNothingIsWritten() throws Exception {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("../../evil.jpg", Fixtures.jpeg(4, 4));
        e.put("/etc/evil2.png", Fixtures.png(4, 4));
        e.put("..\\..\\evil3.gif", Fixtures.gif(4, 4));
        Path cbz = Fixtures.file(dir, "slip.cbz", Fixtures.zip(e));
        try (Book book = Books.open(cbz, Fixtures.SMALL)) {
            assertEquals(3, book.pageCount());
            // "/etc/evil2.png", "../../evil.jpg", "..\\..\\evil3.gif" read as "../../evil3.gif"
            assertEquals(List.of("image/png", "image/jpeg", "image/gif"), pageTypes(book));
        }
        try (var files = Files.walk(dir)) {
            assertEquals(List.of(dir, cbz), files.toList());
        }
        assertFalse(Files.exists(dir.getParent().resolve("evil.jpg")));
        assertFalse(Files.exists(Path.of("/etc/evil2.png")));
    }

    @Test
    void symlinkEntriesAreNotPages() throws Exception {
        byte[] zip = Fixtures.zip(Map.of("1.jpg", Fixtures.jpeg(2, 2), "2.jpg", "/etc/passwd".getBytes()));
        int cen = Fixtures.central(zip, "2.jpg");
        Fixtures.putShort(zip, cen + 4, 3 << 8 | 20); // made by unix
        Fixtures.putInt(zip, cen + 38, 0120777L << 16); // symlink mode
        try (Book book = Books.open(Fixtures.file(dir, "l.cbz", zip), Fixtures.SMALL)) {
            assertEquals(1, book.pageCount());
        }
    }

    @Test
    void comicInfoAtTheRootWinsOverNestedOnesWhateverTheCase() throws Exception {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("extras/ComicInfo.xml", "<ComicInfo><Title>Nested</Title></ComicInfo>".getBytes());
        e.put("comicinfo.XML", "<ComicInfo><Title>Root</Title></ComicInfo>".getBytes());
        e.put("1.png", Fixtures.png(1, 1));
        try (Book book = open("c.cbz", e)) {
            assertEquals("Root", book.metadata().title());
        }
        try (Book book = open("d.cbz", Map.of("a/ComicInfo.xml", "<ComicInfo><Title>Only</Title></ComicInfo>".getBytes()))) {
            assertEquals("Only", book.metadata().title());
            assertEquals(0, book.pageCount());
            assertTrue(book.cover().isEmpty());
        }
    }

    @Test
    void comicInfoWithXxeNeitherLeaksNorFailsTheBook() throws Exception {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE ComicInfo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <ComicInfo><Title>&xxe;</Title><Summary>&xxe;</Summary></ComicInfo>""";
        try (Book book = open("x.cbz", Map.of("ComicInfo.xml", xxe.getBytes(), "1.png", Fixtures.png(1, 1)))) {
            assertSame(BookMetadata.EMPTY, book.metadata());
            assertEquals(1, book.pageCount());
        }
    }

    @Test
    void malformedOrOversizedComicInfoGivesEmptyMetadataAndTheBookStillOpens() throws Exception {
        byte[] big = ("<ComicInfo><Summary>" + "x".repeat(70_000) + "</Summary></ComicInfo>").getBytes();
        for (byte[] xml : List.of("<ComicInfo><Title>Broken".getBytes(), new byte[] {0, 1, 2}, big,
                "<Other><Title>Not ComicInfo</Title></Other>".getBytes())) {
            try (Book book = open("m.cbz", Map.of("ComicInfo.xml", xml, "1.png", Fixtures.png(1, 1)))) {
                assertSame(BookMetadata.EMPTY, book.metadata());
                assertEquals(1, book.pageCount());
            }
        }
    }

    @Test
    void anEncryptedEntryRefusesTheBook() {
        byte[] zip = Fixtures.zip(Map.of("1.jpg", Fixtures.jpeg(2, 2)));
        int cen = Fixtures.central(zip, "1.jpg");
        Fixtures.putShort(zip, cen + 8, zip[cen + 8] | 1);
        BookException e = assertThrows(BookException.class,
                () -> Books.open(Fixtures.file(dir, "e.cbz", zip), Fixtures.SMALL));
        assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
    }

    @Test
    void anUnsupportedCompressionMethodIsNamed() {
        byte[] zip = Fixtures.zip(Map.of("1.jpg", Fixtures.jpeg(2, 2)));
        Fixtures.putShort(zip, Fixtures.central(zip, "1.jpg") + 10, 12);
        BookException e = assertThrows(BookException.class,
                () -> Books.open(Fixtures.file(dir, "m.cbz", zip), Fixtures.SMALL));
        assertTrue(e.getMessage().contains("method 12"), e.getMessage());
    }

    @Test
    void moreEntriesThanTheLimitRefuseTheBook() {
        Map<String, byte[]> e = new LinkedHashMap<>();
        for (int i = 0; i <= Fixtures.SMALL.maxEntries(); i++) {
            e.put(i + ".txt", new byte[0]);
        }
        BookException ex = assertThrows(BookException.class, () -> open("many.cbz", e));
        assertTrue(ex.getMessage().contains("limit of 100"), ex.getMessage());
    }

    @Test
    void aZipBombStopsAtTheEntryLimitWithBoundedMemoryAndTime() throws Exception {
        Path bomb = dir.resolve("bomb.cbz");
        try (OutputStream out = Files.newOutputStream(bomb)) {
            Fixtures.zipBomb(out, "1.jpg", 1024);
        }
        assertTrue(Files.size(bomb) < 2L << 20, "1 GiB of zeros compresses to about 1 MiB");
        // honest header: the book is refused at open by its declared size, before inflating anything
        BookException refused = assertThrows(BookException.class, () -> Books.open(bomb, Fixtures.SMALL));
        assertTrue(refused.getMessage().contains("larger than the limit of 8 MiB"), refused.getMessage());
        // lying header (declares 100 bytes): refused while inflating, after at most 8 MiB
        byte[] zip = Files.readAllBytes(bomb);
        Fixtures.putInt(zip, Fixtures.central(zip, "1.jpg") + 24, 100);
        Files.write(bomb, zip);
        System.gc();
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        try (Book book = Books.open(bomb, Fixtures.SMALL)) {
            BookException e = assertThrows(BookException.class, () -> book.page(1));
            assertTrue(e.getMessage().contains("larger than the limit of 8 MiB"), e.getMessage());
            assertTrue(usedHeap() - heapBefore < 64L << 20, "memory stays near the 8 MiB limit");
        }
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "stops early instead of inflating 1 GiB");
    }

    @Test
    void aTruncatedZipIsRefused() {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("1.jpg", Fixtures.jpeg(50, 50));
        e.put("2.jpg", Fixtures.jpeg(50, 50));
        byte[] zip = Fixtures.zip(e);
        for (int length : new int[] {zip.length / 2, zip.length - 10, 4}) {
            Path file = Fixtures.file(dir, "t" + length + ".cbz", java.util.Arrays.copyOf(zip, length));
            BookException ex = assertThrows(BookException.class, () -> Books.open(file, Fixtures.SMALL));
            assertTrue(ex.getMessage().contains("ZIP"), ex.getMessage());
        }
    }

    @Test
    void aCorruptEntryFailsOnlyItsPage() throws Exception {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("1.png", Fixtures.png(30, 30));
        e.put("2.png", Fixtures.png(30, 30));
        byte[] zip = Fixtures.zip(e);
        Fixtures.putInt(zip, Fixtures.central(zip, "2.png") + 16, 0xDEADBEEFL); // CRC32
        try (Book book = Books.open(Fixtures.file(dir, "crc.cbz", zip), Fixtures.SMALL)) {
            book.page(1);
            BookException ex = assertThrows(BookException.class, () -> book.page(2));
            assertTrue(ex.getMessage().contains("CRC"), ex.getMessage());
        }
    }

    @Test
    void namesThatAreNotUtf8AreReadAsCp437() throws Exception {
        byte[] zip = Fixtures.zip(Map.of("p\u00e1ge1.png", Fixtures.png(1, 1)));
        int cen = Fixtures.central(zip, "p\u00e1ge1.png");
        // rewrite the name as CP437 ("á" is 0xA0) without the UTF-8 flag, padded to the same length
        byte[] cp437 = {'p', (byte) 0xA0, 'g', 'e', '1', '.', 'p', 'n', 'g', ' '};
        int nameLength = "p\u00e1ge1.png".getBytes(StandardCharsets.UTF_8).length;
        assertEquals(cp437.length, nameLength);
        System.arraycopy(cp437, 0, zip, cen + 46, cp437.length);
        Fixtures.putShort(zip, cen + 8, zip[cen + 8] & ~0x800);
        try (Book book = Books.open(Fixtures.file(dir, "cp.cbz", zip), Fixtures.SMALL)) {
            assertEquals(0, book.pageCount()); // "páge1.png " does not end in an image extension
        }
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
