package org.longbox.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** Opens a book with the reader its content calls for: the magic bytes decide, not the extension. */
public final class Books {
    private static final byte[] RAR_SIGNATURE = {'R', 'a', 'r', '!', 0x1A, 0x07};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final String EPUB_MIMETYPE = "application/epub+zip";
    private static final int HEAD = 1024;

    private Books() {
    }

    /**
     * @throws BookException with the reason when the file is empty, unreadable, of an unknown kind,
     *                       truncated, encrypted or over a limit
     */
    public static Book open(Path file, MediaLimits limits) throws BookException {
        byte[] head = head(file);
        if (head.length == 0) {
            throw new BookException("empty file");
        }
        if (startsWith(head, RAR_SIGNATURE)) {
            return RarBook.open(file, limits, Bsdtar.onPath());
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5 || head[2] == 7)) {
            return openZip(file, limits);
        }
        // PDF readers accept junk before the header, and so does PDFBox
        if (indexOf(head, PDF) >= 0) {
            return PdfBook.open(file, limits);
        }
        throw new BookException("not a ZIP, RAR, EPUB or PDF file (unrecognised content)");
    }

    /** For page-numbered methods: the 0-based index of a 1-based page number. */
    static int pageIndex(int number, int count) {
        if (number < 1 || number > count) {
            throw new IndexOutOfBoundsException("page " + number + " is not between 1 and " + count);
        }
        return number - 1;
    }

    private static Book openZip(Path file, MediaLimits limits) throws BookException {
        ZipArchive zip = ZipArchive.open(file, limits);
        try {
            if (isEpub(zip, file)) {
                return EpubBook.of(zip, limits);
            }
            return ZipBook.of(zip, limits);
        } catch (BookException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static boolean isEpub(ZipArchive zip, Path file) {
        if (zip.contains("mimetype")) {
            try {
                byte[] type = zip.read("mimetype", 256);
                if (new String(type, StandardCharsets.US_ASCII).strip().equals(EPUB_MIMETYPE)) {
                    return true;
                }
            } catch (BookException e) {
                // an odd file called mimetype in a comic archive: not an EPUB's
            }
        }
        return zip.contains("META-INF/container.xml")
                && BookFormat.ofFileName(file.getFileName().toString()).orElse(null) == BookFormat.EPUB;
    }

    private static byte[] head(Path file) throws BookException {
        if (Files.isDirectory(file)) {
            throw new BookException("not a file but a directory");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        } catch (NoSuchFileException e) {
            throw new BookException("file not found");
        } catch (AccessDeniedException e) {
            throw new BookException("file is not readable (permission denied)");
        } catch (IOException e) {
            throw new BookException("cannot read the file: " + e.getMessage(), e);
        }
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] b, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= b.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
