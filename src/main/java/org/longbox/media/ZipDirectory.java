package org.longbox.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A first pass over a ZIP's central directory, before {@link java.util.zip.ZipFile} sees it: it
 * enforces the entry limit before anything is kept in memory, turns what ZipFile would refuse with
 * a cryptic message (encryption, unusual methods) into a clear reason, and reports what ZipFile
 * does not expose (unix symlinks, names that are not UTF-8).
 */
record ZipDirectory(List<Entry> entries, boolean needsCp437) {
    /**
     * @param localHeader where the entry's local header starts; with the sizes, -1 when the
     *                    ZIP64 extra field that should hold it is missing
     */
    record Entry(String rawName, boolean directory, boolean symlink, int method, long crc, long compressedSize,
            long size, long localHeader) {
    }

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CEN = 0x02014b50;
    private static final int EOCD_MIN = 22;
    /** What ZIP names without the UTF-8 flag were written in by DOS and Windows tools. */
    static final Charset CP437 = Charset.isSupported("IBM437") ? Charset.forName("IBM437") : StandardCharsets.ISO_8859_1;

    static ZipDirectory read(FileChannel ch, MediaLimits limits) throws IOException, BookException {
        long size = ch.size();
        // most archives have no comment: their end record is the last 22 bytes
        int tailLength = (int) Math.min(size, EOCD_MIN);
        ByteBuffer tail = readAt(ch, size - tailLength, tailLength);
        int eocd = tailLength == EOCD_MIN && tail.getInt(0) == EOCD && tail.getShort(20) == 0 ? 0 : -1;
        if (eocd < 0) {
            tailLength = (int) Math.min(size, EOCD_MIN + 0xFFFF);
            tail = readAt(ch, size - tailLength, tailLength);
            for (int i = tailLength - EOCD_MIN; i >= 0; i--) {
                if (tail.getInt(i) == EOCD) {
                    eocd = i;
                    break;
                }
            }
        }
        if (eocd < 0) {
            throw new BookException("not a ZIP archive, or a truncated one (no central directory)");
        }
        long eocdPos = size - tailLength + eocd;
        long count = tail.getShort(eocd + 10) & 0xFFFF;
        long cenSize = tail.getInt(eocd + 12) & 0xFFFFFFFFL;
        long cenEnd = eocdPos;
        if ((count == 0xFFFF || cenSize == 0xFFFFFFFFL) && eocdPos >= 20
                && readAt(ch, eocdPos - 20, 4).getInt(0) == ZIP64_LOCATOR) {
            long zip64Pos = readAt(ch, eocdPos - 20, 20).getLong(8);
            if (zip64Pos < 0 || zip64Pos + 56 > size || readAt(ch, zip64Pos, 4).getInt(0) != ZIP64_EOCD) {
                throw new BookException("corrupt ZIP archive (bad ZIP64 end record)");
            }
            ByteBuffer z = readAt(ch, zip64Pos, 56);
            count = z.getLong(32);
            cenSize = z.getLong(40);
            cenEnd = zip64Pos;
        }
        if (count > limits.maxEntries() || count < 0) {
            throw new BookException("archive has " + count + " entries, more than the limit of " + limits.maxEntries());
        }
        long cenPos = cenEnd - cenSize;
        if (cenPos < 0 || cenSize > Math.max(1L << 20, limits.maxEntries() * 1024L)) {
            throw new BookException("corrupt ZIP archive (bad central directory size)");
        }
        return readEntries(ch, cenPos, cenSize, limits);
    }

    private static ZipDirectory readEntries(FileChannel ch, long cenPos, long cenSize, MediaLimits limits)
            throws IOException, BookException {
        if (cenPos + cenSize > ch.size()) {
            throw new BookException("corrupt ZIP archive (truncated central directory)");
        }
        ByteBuffer cen = readAt(ch, cenPos, (int) cenSize);
        List<Entry> entries = new ArrayList<>();
        boolean needsCp437 = false;
        int at = 0;
        while (at + 46 <= cenSize) {
            if (cen.getInt(at) != CEN) {
                throw new BookException("corrupt ZIP archive (bad central directory entry)");
            }
            if (entries.size() == limits.maxEntries()) {
                throw new BookException("archive has more than the limit of " + limits.maxEntries() + " entries");
            }
            int madeBy = cen.getShort(at + 4) & 0xFFFF;
            int flags = cen.getShort(at + 8) & 0xFFFF;
            int method = cen.getShort(at + 10) & 0xFFFF;
            long crc = cen.getInt(at + 16) & 0xFFFFFFFFL;
            long compressed = cen.getInt(at + 20) & 0xFFFFFFFFL;
            long size = cen.getInt(at + 24) & 0xFFFFFFFFL;
            int nameLength = cen.getShort(at + 28) & 0xFFFF;
            int extraLength = cen.getShort(at + 30) & 0xFFFF;
            int commentLength = cen.getShort(at + 32) & 0xFFFF;
            long external = cen.getInt(at + 38) & 0xFFFFFFFFL;
            long localHeader = cen.getInt(at + 42) & 0xFFFFFFFFL;
            int next = at + 46 + nameLength + extraLength + commentLength;
            if (next > cenSize) {
                throw new BookException("corrupt ZIP archive (truncated central directory)");
            }
            byte[] name = new byte[nameLength];
            cen.get(at + 46, name);
            String decoded = name(name, (flags & 0x800) != 0);
            String display = decoded != null ? decoded : new String(name, CP437);
            if ((flags & 1) != 0 || method == 99) {
                throw new BookException("encrypted ZIP archive (password-protected entry " + display + ")");
            }
            if (method != 0 && method != 8) {
                throw new BookException("ZIP compression method " + method + " (entry " + display
                        + ") is not supported; only stored and deflated entries are");
            }
            if (size == 0xFFFFFFFFL || compressed == 0xFFFFFFFFL || localHeader == 0xFFFFFFFFL) {
                long[] big = zip64(cen, at + 46 + nameLength, extraLength, size, compressed, localHeader);
                size = big[0];
                compressed = big[1];
                localHeader = big[2];
            }
            needsCp437 |= decoded == null;
            boolean unix = madeBy >> 8 == 3;
            boolean symlink = unix && ((external >>> 16) & 0xF000) == 0xA000;
            entries.add(new Entry(display, display.endsWith("/"), symlink, method, crc, compressed, size, localHeader));
            at = next;
        }
        return new ZipDirectory(List.copyOf(entries), needsCp437);
    }

    /**
     * The ZIP64 extended information field: the 8-byte values of those of size, compressed size
     * and local header offset that were 0xFFFFFFFF, in that order; -1 for those it lacks.
     */
    private static long[] zip64(ByteBuffer cen, int extra, int extraLength, long size, long compressed, long localHeader) {
        long[] out = {size, compressed, localHeader};
        int at = extra;
        while (at + 4 <= extra + extraLength) {
            int id = cen.getShort(at) & 0xFFFF;
            int length = cen.getShort(at + 2) & 0xFFFF;
            int data = at + 4;
            if (data + length > extra + extraLength) {
                break;
            }
            if (id == 0x0001) {
                int p = data;
                for (int i = 0; i < 3; i++) {
                    if (out[i] == 0xFFFFFFFFL) {
                        out[i] = p + 8 <= data + length ? cen.getLong(p) : -1;
                        p += 8;
                    }
                }
                return out;
            }
            at = data + length;
        }
        for (int i = 0; i < 3; i++) {
            if (out[i] == 0xFFFFFFFFL) {
                out[i] = -1;
            }
        }
        return out;
    }

    /** The name as ZipFile decodes it with UTF-8, or null when it is not UTF-8 (then CP437 is used). */
    private static String name(byte[] raw, boolean utf8Flag) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return utf8Flag ? new String(raw, StandardCharsets.UTF_8) : null;
        }
    }

    private static ByteBuffer readAt(FileChannel ch, long pos, int length) throws IOException, BookException {
        return Bounded.readAt(ch, pos, length, "corrupt ZIP archive (truncated)");
    }
}
