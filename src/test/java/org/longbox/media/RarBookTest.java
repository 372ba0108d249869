package org.longbox.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RarBookTest {
    @TempDir
    Path dir;

    private static final byte[] PNG = Fixtures.png(3, 2);
    private static final byte[] JPEG = Fixtures.jpeg(4, 4);
    private static final byte[] GIF = Fixtures.gif(5, 5);

    static byte[] archive(int version, List<RarWriter.Entry> entries) {
        return version == 4 ? RarWriter.rar4(entries, 0) : RarWriter.rar5(entries, false, false);
    }

    private Book open(int version, List<RarWriter.Entry> entries, Bsdtar bsdtar) throws BookException {
        return RarBook.open(Fixtures.file(dir, "b" + version + ".cbr", archive(version, entries)), Fixtures.SMALL, bsdtar);
    }

    private static List<RarWriter.Entry> comic() {
        return List.of(RarWriter.Entry.stored("10.jpg", JPEG), RarWriter.Entry.stored("2.png", PNG),
                RarWriter.Entry.directory("sub"), RarWriter.Entry.stored("sub/3.gif", GIF),
                RarWriter.Entry.stored("1.gif", GIF), RarWriter.Entry.stored(".hidden.png", PNG),
                RarWriter.Entry.stored("__MACOSX/._1.gif", "fork".getBytes()),
                RarWriter.Entry.stored("ComicInfo.xml", "<ComicInfo><Series>Rar Tales</Series></ComicInfo>".getBytes()));
    }

    private static List<String> types(Book book) throws BookException {
        List<String> types = new ArrayList<>();
        for (int i = 1; i <= book.pageCount(); i++) {
            types.add(book.page(i).mediaType());
        }
        return types;
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void storedPagesAreReadInNaturalOrderWithComicInfoAndWithoutBsdtar(int version) throws Exception {
        try (Book book = open(version, comic(), Bsdtar.absent())) {
            assertEquals(BookFormat.RAR, book.format());
            assertEquals(List.of("image/gif", "image/png", "image/jpeg", "image/gif"), types(book));
            assertArrayEquals(PNG, book.page(2).bytes());
            assertArrayEquals(JPEG, book.page(3).bytes());
            assertEquals("Rar Tales", book.metadata().series());
        }
    }

    /** Where a stored page lies: exactly its bytes in the file; compressed, encrypted or split pages lie nowhere. */
    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void storedPagesLieWhereTheirBytesAre(int version) throws Exception {
        List<RarWriter.Entry> entries = List.of(RarWriter.Entry.stored("1.png", PNG),
                RarWriter.Entry.stored("2.png", PNG).asCompressed(RarWriter.rar5Packed(PNG), 3),
                RarWriter.Entry.stored("3.jpg", JPEG), RarWriter.Entry.stored("4.png", PNG).asSplit());
        Path file = Fixtures.file(dir, "s" + version + ".cbr", archive(version, entries));
        byte[] raw = java.nio.file.Files.readAllBytes(file);
        try (Book book = RarBook.open(file, Fixtures.SMALL, Bsdtar.absent())) {
            for (int n : new int[] {1, 3}) {
                StoredPage where = book.storedPage(n).orElseThrow();
                assertArrayEquals(book.page(n).bytes(), java.util.Arrays.copyOfRange(raw, (int) where.offset(),
                        (int) where.offset() + where.length()));
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(book.page(n).bytes());
                assertEquals(crc.getValue(), where.crc());
            }
            assertTrue(book.storedPage(2).isEmpty(), "compressed");
            assertTrue(book.storedPage(4).isEmpty(), "split");
            assertThrows(IndexOutOfBoundsException.class, () -> book.storedPage(5));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void aCbzThatIsReallyARarOpensAsRar(int version) throws Exception {
        Path file = Fixtures.file(dir, "liar.cbz", archive(version, comic()));
        try (Book book = Books.open(file, Fixtures.SMALL)) {
            assertEquals(BookFormat.RAR, book.format());
            assertEquals(4, book.pageCount());
        }
    }

    @Test
    void rar4NamesAreDecodedFromRarsCompactUnicodeAndBackslashes() throws Exception {
        byte[] rar = RarWriter.rar4(List.of(RarWriter.Entry.stored("ページ01.jpg", JPEG).withCompactUnicode(),
                RarWriter.Entry.stored("Vol 1\\p2.jpg", JPEG), RarWriter.Entry.stored("Ünïcode.png", PNG)), 0);
        try (FileChannel ch = FileChannel.open(Fixtures.file(dir, "u.rar", rar))) {
            assertEquals(List.of("ページ01.jpg", "Vol 1/p2.jpg", "Ünïcode.png"),
                    Rar4Headers.read(ch, Fixtures.SMALL).stream().map(RarEntry::name).toList());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void storedDataThatFailsItsCrcIsRefused(int version) throws Exception {
        byte[] rar = archive(version, List.of(RarWriter.Entry.stored("1.png", PNG)));
        int at = indexOf(rar, PNG) + PNG.length - 1;
        rar[at] ^= 1;
        try (Book book = RarBook.open(Fixtures.file(dir, "crc.cbr", rar), Fixtures.SMALL, Bsdtar.absent())) {
            assertTrue(assertThrows(BookException.class, () -> book.page(1)).getMessage().contains("CRC"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void aTruncatedArchiveIsRefusedWherever(int version) {
        byte[] rar = archive(version, comic());
        for (int length = 7; length < rar.length - 7; length += 97) {
            Path file = Fixtures.file(dir, "t.cbr", Arrays.copyOf(rar, length));
            BookException e = assertThrows(BookException.class, () -> Books.open(file, Fixtures.SMALL), "length " + length);
            assertTrue(e.getMessage().contains("RAR"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void aDamagedHeaderIsRefused(int version) {
        byte[] rar = archive(version, comic());
        rar[indexOf(rar, "2.png".getBytes())] = 'X';
        Path file = Fixtures.file(dir, "h.cbr", rar);
        assertTrue(assertThrows(BookException.class, () -> Books.open(file, Fixtures.SMALL)).getMessage()
                .contains("checksum"));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void compressedEntriesNeedBsdtarButListingDoesNot(int version) throws Exception {
        List<RarWriter.Entry> entries = List.of(RarWriter.Entry.stored("1.png", PNG),
                RarWriter.Entry.stored("2.png", PNG).asCompressed(RarWriter.rar5Packed(PNG), 3),
                RarWriter.Entry.stored("ComicInfo.xml", "<ComicInfo><Title>T</Title></ComicInfo>".getBytes())
                        .asCompressed(new byte[] {1, 2, 3}, 3));
        try (Book book = open(version, entries, Bsdtar.absent())) {
            assertEquals(2, book.pageCount());
            assertArrayEquals(PNG, book.page(1).bytes());
            assertEquals(Bsdtar.MISSING, assertThrows(BookException.class, () -> book.page(2)).getMessage());
            assertSame(BookMetadata.EMPTY, book.metadata());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void encryptedAndSplitEntriesAreRefusedWithTheReason(int version) throws Exception {
        List<RarWriter.Entry> entries = List.of(RarWriter.Entry.stored("1.png", PNG).asEncrypted(),
                RarWriter.Entry.stored("2.png", PNG).asSplit(), RarWriter.Entry.stored("3.png", PNG));
        try (Book book = open(version, entries, Bsdtar.onPath())) {
            assertEquals(3, book.pageCount());
            assertTrue(assertThrows(BookException.class, () -> book.page(1)).getMessage().contains("encrypted"));
            assertTrue(assertThrows(BookException.class, () -> book.page(2)).getMessage().contains("another volume"));
            assertArrayEquals(PNG, book.page(3).bytes());
        }
    }

    @Test
    void encryptedHeadersRefuseTheBook() {
        List<RarWriter.Entry> entries = List.of(RarWriter.Entry.stored("1.png", PNG));
        for (byte[] rar : List.of(RarWriter.rar4(entries, RarWriter.RAR4_HEADERS_ENCRYPTED),
                RarWriter.rar5(entries, false, true))) {
            Path file = Fixtures.file(dir, "enc.cbr", rar);
            assertTrue(assertThrows(BookException.class, () -> Books.open(file, Fixtures.SMALL)).getMessage()
                    .contains("encrypted RAR archive"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void moreEntriesThanTheLimitRefuseTheBook(int version) {
        List<RarWriter.Entry> entries = new ArrayList<>();
        for (int i = 0; i <= Fixtures.SMALL.maxEntries(); i++) {
            entries.add(RarWriter.Entry.stored(i + ".txt", new byte[0]));
        }
        Path file = Fixtures.file(dir, "many.cbr", archive(version, entries));
        assertTrue(assertThrows(BookException.class, () -> Books.open(file, Fixtures.SMALL)).getMessage()
                .contains("limit of 100"));
    }

    @Test
    void anEntryOverTheSizeLimitRefusesTheBookAtOpen() throws Exception {
        MediaLimits tiny = new MediaLimits(100, 100, 100, 1000, 100);
        Path file = Fixtures.file(dir, "big.cbr", archive(5, List.of(RarWriter.Entry.stored("1.png", Fixtures.png(200, 200)))));
        assertTrue(assertThrows(BookException.class, () -> RarBook.open(file, tiny, Bsdtar.absent())).getMessage()
                .contains("larger than"), "a scan records the book as ERROR instead of failing at reading time");
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        Function<Integer, Boolean> at = i -> Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length);
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (at.apply(i)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
