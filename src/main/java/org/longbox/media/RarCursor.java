package org.longbox.media;

import java.nio.charset.StandardCharsets;

/** Reads the fields of one RAR header held in memory; running past its end means a corrupt header. */
final class RarCursor {
    private final byte[] b;
    private int pos;
    private final int end;

    RarCursor(byte[] b, int pos, int end) {
        this.b = b;
        this.pos = pos;
        this.end = end;
    }

    int position() {
        return pos;
    }

    /** RAR 5's variable-length integer: 7 bits a byte, low bits first, high bit set while more follow. */
    long vint() throws BookException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int x = u8();
            value |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                if (value < 0) {
                    throw corrupt();
                }
                return value;
            }
        }
        throw corrupt();
    }

    int u8() throws BookException {
        need(1);
        return b[pos++] & 0xFF;
    }

    int u16() throws BookException {
        return u8() | u8() << 8;
    }

    long u32() throws BookException {
        return (u16() | (long) u16() << 16) & 0xFFFFFFFFL;
    }

    byte[] bytes(long length) throws BookException {
        if (length < 0 || length > end - pos) {
            throw corrupt();
        }
        byte[] out = new byte[(int) length];
        System.arraycopy(b, pos, out, 0, out.length);
        pos += out.length;
        return out;
    }

    String utf8(long length) throws BookException {
        return new String(bytes(length), StandardCharsets.UTF_8);
    }

    void seek(int position) throws BookException {
        if (position < 0 || position > end) {
            throw corrupt();
        }
        pos = position;
    }

    private void need(int n) throws BookException {
        if (end - pos < n) {
            throw corrupt();
        }
    }

    static BookException corrupt() {
        return new BookException("corrupt RAR archive (bad header)");
    }
}
