package org.longbox.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BooksTest {
    @TempDir
    Path dir;

    private String refusal(String name, byte[] content) {
        Path file = Fixtures.file(dir, name, content);
        return assertThrows(BookException.class, () -> Books.open(file, Fixtures.SMALL)).getMessage();
    }

    @Test
    void aZeroByteFileIsRefused() {
        assertEquals("empty file", refusal("empty.cbz", new byte[0]));
    }

    @Test
    void randomBytesWithABookExtensionAreRefused() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        noise[0] = 'x';
        for (String name : new String[] {"noise.cbz", "noise.cbr", "noise.epub", "noise.pdf"}) {
            assertTrue(refusal(name, noise).contains("unrecognised content"), name);
        }
    }

    @Test
    void aMissingFileOrAFolderIsRefused() {
        assertEquals("file not found",
                assertThrows(BookException.class, () -> Books.open(dir.resolve("gone.cbz"), Fixtures.SMALL)).getMessage());
        assertTrue(assertThrows(BookException.class, () -> Books.open(dir, Fixtures.SMALL)).getMessage().contains("directory"));
    }

    @Test
    void theContentDecidesNotTheExtension() throws Exception {
        Path zipNamedPdf = Fixtures.file(dir, "comic.pdf", Fixtures.zip(Map.of("1.png", Fixtures.png(1, 1))));
        try (Book book = Books.open(zipNamedPdf, Fixtures.SMALL)) {
            assertEquals(BookFormat.ZIP, book.format());
        }
        Path noExtension = Fixtures.file(dir, "comic", Fixtures.zip(Map.of("1.png", Fixtures.png(1, 1))));
        try (Book book = Books.open(noExtension, Fixtures.SMALL)) {
            assertEquals(1, book.pageCount());
        }
    }

    @Test
    void anUnknownRarVersionIsNamed() {
        assertTrue(refusal("odd.cbr", new byte[] {'R', 'a', 'r', '!', 0x1A, 0x07, 0x02, 0, 0, 0}).contains("RAR"));
    }
}
