package org.longbox.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/** Reading a stream whose length the input claims but cannot be trusted to tell. */
final class Bounded {
    private static final int FIRST_BUFFER_MAX = 1 << 20;

    private Bounded() {
    }

    /**
     * All bytes of {@code in}, failing as soon as more than {@code max} arrive: memory stays bounded
     * by {@code max} whatever a header declared.
     *
     * @param expected the size the input declares, -1 when unknown; only a hint for the first buffer
     */
    static byte[] readAll(InputStream in, long expected, long limit, String what) throws IOException, BookException {
        long max = Math.min(limit, Integer.MAX_VALUE - 16);
        int first = (int) Math.min(Math.max(expected, 8192), Math.min(max + 1, FIRST_BUFFER_MAX));
        byte[] buf = new byte[first];
        int length = 0;
        while (true) {
            if (length == buf.length) {
                if (length > max) {
                    throw tooLarge(what, max);
                }
                buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, max + 1));
            }
            int n = in.read(buf, length, buf.length - length);
            if (n < 0) {
                return length == buf.length ? buf : Arrays.copyOf(buf, length);
            }
            length += n;
            if (length > max) {
                throw tooLarge(what, max);
            }
        }
    }

    /** Exactly {@code length} bytes at {@code pos}, little-endian, or the reason when the file ends first. */
    static ByteBuffer readAt(FileChannel ch, long pos, int length, String truncated) throws IOException, BookException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                throw new BookException(truncated);
            }
        }
        return b.flip();
    }

    static BookException tooLarge(String what, long max) {
        return new BookException(what + " is larger than the limit of " + size(max));
    }

    static String size(long bytes) {
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
