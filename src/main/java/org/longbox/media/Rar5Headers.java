package org.longbox.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The headers of a RAR 5 archive (signature Rar!\x1A\x07\x01\x00), read without unpacking
 * anything. Each header: CRC32, size (vint), then type, flags, optional extra and data sizes, all
 * vints; the CRC covers everything from the size field to the end of the extra area.
 */
final class Rar5Headers {
    static final int SIGNATURE_LENGTH = 8;
    private static final int MAX_HEADER = 2 << 20;
    private static final int FILE = 2;
    private static final int ENCRYPTION = 4;
    private static final int END = 5;
    private static final long HAS_EXTRA = 0x01;
    private static final long HAS_DATA = 0x02;
    private static final long SPLIT = 0x08 | 0x10;
    private static final long DIRECTORY = 0x01;
    private static final long HAS_TIME = 0x02;
    private static final long HAS_CRC = 0x04;
    private static final int EXTRA_ENCRYPTION = 0x01;
    private static final int EXTRA_REDIRECTION = 0x05;

    private Rar5Headers() {
    }

    static List<RarEntry> read(FileChannel ch, MediaLimits limits) throws IOException, BookException {
        long size = ch.size();
        List<RarEntry> entries = new ArrayList<>();
        long pos = SIGNATURE_LENGTH;
        while (pos < size) {
            if (size - pos < 5) {
                throw new BookException(Rar.TRUNCATED);
            }
            // CRC32 and up to 3 bytes of vint size (headers are at most 2 MiB)
            ByteBuffer start = Bounded.readAt(ch, pos, (int) Math.min(7, size - pos), Rar.TRUNCATED);
            RarCursor sizeField = new RarCursor(start.array(), 4, start.limit());
            long headerSize = sizeField.vint();
            int sizeLength = sizeField.position() - 4;
            if (headerSize < 2 || headerSize > MAX_HEADER) {
                throw RarCursor.corrupt();
            }
            long headerEnd = pos + 4 + sizeLength + headerSize;
            if (headerEnd > size) {
                throw new BookException(Rar.TRUNCATED);
            }
            byte[] header = Bounded.readAt(ch, pos + 4, sizeLength + (int) headerSize, Rar.TRUNCATED).array();
            CRC32 crc = new CRC32();
            crc.update(header);
            if (crc.getValue() != (start.getInt(0) & 0xFFFFFFFFL)) {
                throw new BookException("corrupt RAR archive (header checksum mismatch)");
            }
            RarCursor c = new RarCursor(header, sizeLength, header.length);
            long type = c.vint();
            long flags = c.vint();
            long extraSize = (flags & HAS_EXTRA) != 0 ? c.vint() : 0;
            long dataSize = (flags & HAS_DATA) != 0 ? c.vint() : 0;
            if (extraSize > headerSize) {
                throw RarCursor.corrupt();
            }
            if (type == ENCRYPTION) {
                throw new BookException("encrypted RAR archive (the file list itself is password-protected)");
            } else if (type == END) {
                return entries;
            } else if (type == FILE) {
                int extraStart = header.length - (int) extraSize;
                Rar.add(entries, file(c, extraStart, header, flags, headerEnd, dataSize), limits);
            }
            pos = headerEnd + dataSize;
            if (pos > size || pos < 0) {
                throw new BookException(Rar.TRUNCATED);
            }
        }
        // RAR 5 always ends with an end-of-archive header
        throw new BookException(Rar.TRUNCATED);
    }

    private static RarEntry file(RarCursor c, int extraStart, byte[] header, long headerFlags, long dataOffset,
            long dataSize) throws BookException {
        long fileFlags = c.vint();
        long size = c.vint();
        c.vint(); // attributes
        if ((fileFlags & HAS_TIME) != 0) {
            c.u32();
        }
        long crc = (fileFlags & HAS_CRC) != 0 ? c.u32() : -1;
        long compression = c.vint();
        c.vint(); // host OS
        String name = c.utf8(c.vint());
        boolean encrypted = false;
        boolean link = false;
        if (extraStart < c.position()) {
            throw RarCursor.corrupt();
        }
        c.seek(extraStart);
        while (c.position() < header.length) {
            long recordSize = c.vint();
            int recordStart = c.position();
            long recordType = c.vint();
            encrypted |= recordType == EXTRA_ENCRYPTION;
            link |= recordType == EXTRA_REDIRECTION;
            if (recordSize > header.length - recordStart) {
                throw RarCursor.corrupt();
            }
            c.seek(recordStart + (int) recordSize);
        }
        boolean stored = ((compression >> 7) & 0x7) == 0;
        return new RarEntry(name, dataOffset, dataSize, size, crc, (fileFlags & DIRECTORY) != 0, link, stored,
                encrypted, (headerFlags & SPLIT) != 0);
    }
}
