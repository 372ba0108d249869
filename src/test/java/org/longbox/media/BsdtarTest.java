package org.longbox.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compressed RAR entries through bsdtar. The tests that need the real bsdtar are skipped when
 * libarchive-tools is not installed; the time limit and output cap are tested with stand-ins.
 */
class BsdtarTest {
    private static final String NO_BSDTAR = "bsdtar (Debian package libarchive-tools) is not on the PATH: "
            + "compressed RAR reading is not tested here";

    @TempDir
    Path dir;

    private static RarWriter.Entry packed(String name, byte[] data) {
        return RarWriter.Entry.stored(name, data).asCompressed(RarWriter.rar5Packed(data), 3);
    }

    @Test
    void compressedRar5PagesAreUnpackedWhateverTheirNames() throws Exception {
        assumeTrue(Bsdtar.onPath().available(), NO_BSDTAR);
        List<String> names = List.of("01 [x]*?.png", "02 -rf.png", "03 ページ.png", "04 \\back.png", "05 $^.png",
                "06 a.png", "06 a.png.png", "07\nnewline.png");
        List<RarWriter.Entry> entries = new ArrayList<>();
        List<byte[]> pages = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            byte[] png = Fixtures.png(i + 1, 1);
            pages.add(png);
            entries.add(packed(names.get(i), png));
        }
        entries.add(packed("ComicInfo.xml", "<ComicInfo><Title>Packed</Title></ComicInfo>".getBytes()));
        Path file = Fixtures.file(dir, "packed.cbr", RarWriter.rar5(entries, false, false));
        try (Book book = RarBook.open(file, Fixtures.SMALL, Bsdtar.onPath())) {
            assertEquals("Packed", book.metadata().title());
            assertEquals(names.size(), book.pageCount());
            for (int i = 0; i < names.size(); i++) {
                assertArrayEquals(pages.get(i), book.page(i + 1).bytes(), names.get(i));
            }
        }
    }

    @Test
    void aNameListedTwiceGivesItsFirstEntry() throws Exception {
        assumeTrue(Bsdtar.onPath().available(), NO_BSDTAR);
        byte[] png = Fixtures.png(2, 2);
        Path file = Fixtures.file(dir, "twice.cbr", RarWriter.rar5(
                List.of(packed("1.png", png), packed("1.png", Fixtures.jpeg(2, 2))), false, false));
        try (Book book = RarBook.open(file, Fixtures.SMALL, Bsdtar.onPath())) {
            assertEquals(1, book.pageCount());
            assertArrayEquals(png, book.page(1).bytes());
        }
    }

    @Test
    void dataBsdtarCannotUnpackIsRefusedWithItsMessage() throws Exception {
        assumeTrue(Bsdtar.onPath().available(), NO_BSDTAR);
        byte[] garbage = new byte[64];
        new java.util.Random(3).nextBytes(garbage);
        for (byte[] rar : List.of(
                RarWriter.rar4(List.of(RarWriter.Entry.stored("1.png", Fixtures.png(2, 2)).asCompressed(garbage, 3)), 0),
                RarWriter.rar5(List.of(RarWriter.Entry.stored("1.png", Fixtures.png(2, 2)).asCompressed(garbage, 3)),
                        false, false))) {
            try (Book book = RarBook.open(Fixtures.file(dir, "bad.cbr", rar), Fixtures.SMALL, Bsdtar.onPath())) {
                BookException e = assertThrows(BookException.class, () -> book.page(1));
                assertTrue(e.getMessage().contains("bsdtar") || e.getMessage().contains("CRC")
                        || e.getMessage().contains("unpacked to"), e.getMessage());
            }
        }
    }

    @Test
    void outputBeyondTheCapStopsTheProcess() throws Exception {
        Bsdtar endless = new Bsdtar(script("exec cat /dev/zero"), Duration.ofSeconds(30));
        long start = System.nanoTime();
        BookException e = assertThrows(BookException.class, () -> endless.extract(dir.resolve("x.rar"), "1.png", 1 << 20));
        assertTrue(e.getMessage().contains("larger than the limit of 1 MiB"), e.getMessage());
        assertTrue(System.nanoTime() - start < 10_000_000_000L);
    }

    @Test
    void aStuckProcessIsKilledAtTheTimeLimit() throws Exception {
        Bsdtar stuck = new Bsdtar(script("exec sleep 30"), Duration.ofMillis(300));
        long start = System.nanoTime();
        BookException e = assertThrows(BookException.class, () -> stuck.extract(dir.resolve("x.rar"), "1.png", 1 << 20));
        assertTrue(e.getMessage().contains("took longer"), e.getMessage());
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
    }

    @Test
    void theNameArrivesAsOneEscapedPatternOnStandardInput() throws Exception {
        Bsdtar echo = new Bsdtar(script("exec cat"), Duration.ofSeconds(10));
        byte[] received = echo.extract(dir.resolve("x.rar"), "[a]*?-$^\\ページ.png", 1 << 20);
        assertEquals("^\\[a\\]\\*\\?-\\$\\^\\\\ページ.png$\0", new String(received, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aFailingProcessReportsItsFirstErrorLine() throws Exception {
        Bsdtar failing = new Bsdtar(script("echo 'bsdtar: 1.png: Not found in archive' >&2; exit 1"), Duration.ofSeconds(10));
        BookException e = assertThrows(BookException.class, () -> failing.extract(dir.resolve("x.rar"), "1.png", 100));
        assertTrue(e.getMessage().contains("Not found in archive"), e.getMessage());
    }

    private Path script(String body) throws Exception {
        Path script = dir.resolve("fake-bsdtar-" + System.nanoTime());
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
