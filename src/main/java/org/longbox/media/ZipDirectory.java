package org.longbox.media;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
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
    record Entry(String rawName, boolean directory, boolean symlink) {
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
        int tailLength = (int) Math.min(size, EOCD_MIN + 0xFFFF);
        ByteBuffer tail = readAt(ch, size - tailLength, tailLength);
        int eocd = -1;
        for (int i = tailLength - EOCD_MIN; i >= 0; i--) {
            if (tail.getInt(i) == EOCD) {
                eocd = i;
                break;
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
        List<Entry> entries = new ArrayList<>();
        boolean needsCp437 = false;
        InputStream in = new BufferedInputStream(Channels.newInputStream(ch.position(cenPos)), 65536);
        DataInputStream data = new DataInputStream(in);
        long consumed = 0;
        try {
            while (consumed + 46 <= cenSize) {
                ByteBuffer h = ByteBuffer.wrap(data.readNBytes(46)).order(ByteOrder.LITTLE_ENDIAN);
                if (h.remaining() < 46 || h.getInt(0) != CEN) {
                    throw new BookException("corrupt ZIP archive (bad central directory entry)");
                }
                if (entries.size() == limits.maxEntries()) {
                    throw new BookException("archive has more than the limit of " + limits.maxEntries() + " entries");
                }
                int madeBy = h.getShort(4) & 0xFFFF;
                int flags = h.getShort(8) & 0xFFFF;
                int method = h.getShort(10) & 0xFFFF;
                int nameLength = h.getShort(28) & 0xFFFF;
                int extraLength = h.getShort(30) & 0xFFFF;
                int commentLength = h.getShort(32) & 0xFFFF;
                long external = h.getInt(38) & 0xFFFFFFFFL;
                byte[] name = new byte[nameLength];
                data.readFully(name);
                data.skipNBytes(extraLength + commentLength);
                consumed += 46L + nameLength + extraLength + commentLength;
                String decoded = name(name, (flags & 0x800) != 0);
                String display = decoded != null ? decoded : new String(name, CP437);
                if ((flags & 1) != 0 || method == 99) {
                    throw new BookException("encrypted ZIP archive (password-protected entry " + display + ")");
                }
                if (method != 0 && method != 8) {
                    throw new BookException("ZIP compression method " + method + " (entry " + display
                            + ") is not supported; only stored and deflated entries are");
                }
                needsCp437 |= decoded == null;
                boolean unix = madeBy >> 8 == 3;
                boolean symlink = unix && ((external >>> 16) & 0xF000) == 0xA000;
                entries.add(new Entry(display, display.endsWith("/"), symlink));
            }
        } catch (EOFException e) {
            throw new BookException("corrupt ZIP archive (truncated central directory)");
        }
        return new ZipDirectory(List.copyOf(entries), needsCp437);
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
