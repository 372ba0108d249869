package org.longbox.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes RAR 4 and RAR 5 archives from the published format descriptions, for tests: stored
 * entries, with correct header CRCs and data CRC32s, and entries flagged compressed, encrypted or
 * split. {@link #rar5Packed} also makes real RAR 5 compressed data (one Huffman block of literals),
 * which libarchive unpacks.
 */
public final class RarWriter {
    /** {@code packed} is what is written as the entry's data; for a stored entry it is {@code data}. */
    public record Entry(String name, byte[] data, byte[] packed, int method, boolean encrypted, boolean split,
            boolean directory, boolean compactUnicode) {
        public static Entry stored(String name, byte[] data) {
            return new Entry(name, data, data, 0, false, false, false, false);
        }

        public Entry asCompressed(byte[] packedData, int m) {
            return new Entry(name, data, packedData, m, encrypted, split, directory, compactUnicode);
        }

        public Entry asEncrypted() {
            return new Entry(name, data, packed, method, true, split, directory, compactUnicode);
        }

        public Entry asSplit() {
            return new Entry(name, data, packed, method, encrypted, true, directory, compactUnicode);
        }

        Entry withCompactUnicode() {
            return new Entry(name, data, packed, method, encrypted, split, directory, true);
        }

        public static Entry directory(String name) {
            return new Entry(name, new byte[0], new byte[0], 0, false, false, true, false);
        }
    }

    public static final int RAR4_SOLID = 0x08;
    public static final int RAR4_HEADERS_ENCRYPTED = 0x80;

    private RarWriter() {
    }

    public static byte[] rar4(List<Entry> entries, int mainFlags) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'R', 'a', 'r', '!', 0x1A, 0x07, 0x00});
        out.writeBytes(rar4Block(0x73, mainFlags, new byte[6]));
        for (Entry e : entries) {
            byte[] name = e.compactUnicode() ? compactUnicode(e.name()) : e.name().getBytes(StandardCharsets.UTF_8);
            boolean nonAscii = !e.name().chars().allMatch(c -> c < 128);
            int flags = 0x8000 | (e.encrypted() ? 0x04 : 0) | (e.split() ? 0x02 : 0) | (e.directory() ? 0xE0 : 0)
                    | (nonAscii ? 0x200 : 0);
            ByteBuffer b = le(25 + name.length);
            b.putInt(e.packed().length).putInt(e.data().length).put((byte) 2).putInt((int) crc(e.data()))
                    .putInt(0x5A2E0000).put((byte) 29).put((byte) (0x30 + e.method())).putShort((short) name.length)
                    .putInt(e.directory() ? 0x10 : 0x20).put(name);
            out.writeBytes(rar4Block(0x74, flags, b.array()));
            out.writeBytes(e.packed());
        }
        out.writeBytes(rar4Block(0x7B, 0x4000, new byte[0]));
        return out.toByteArray();
    }

    private static byte[] rar4Block(int type, int flags, byte[] fields) {
        ByteBuffer b = le(7 + fields.length);
        b.putShort((short) 0).put((byte) type).putShort((short) flags).putShort((short) (7 + fields.length)).put(fields);
        byte[] block = b.array();
        CRC32 crc = new CRC32();
        crc.update(block, 2, block.length - 2);
        block[0] = (byte) crc.getValue();
        block[1] = (byte) (crc.getValue() >> 8);
        return block;
    }

    /** RAR 3's compact name: a '?' placeholder name, a zero byte, then every char as two bytes (flag 2). */
    private static byte[] compactUnicode(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("?".repeat(name.length()).getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        out.write(0); // high byte, unused by flag 2
        for (int i = 0; i < name.length(); i++) {
            if (i % 4 == 0) {
                out.write(0xAA);
            }
            out.write(name.charAt(i) & 0xFF);
            out.write(name.charAt(i) >> 8);
        }
        return out.toByteArray();
    }

    public static byte[] rar5(List<Entry> entries, boolean solid, boolean headersEncrypted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'R', 'a', 'r', '!', 0x1A, 0x07, 0x01, 0x00});
        if (headersEncrypted) {
            out.writeBytes(rar5Block(concat(vint(4), vint(0), vint(0), vint(0), new byte[16])));
        }
        out.writeBytes(rar5Block(concat(vint(1), vint(0), vint(solid ? 0x04 : 0))));
        for (Entry e : entries) {
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            byte[] extra = e.encrypted() ? record(1, concat(vint(0), vint(0), new byte[] {15}, new byte[32])) : new byte[0];
            long headerFlags = 0x02 | (extra.length > 0 ? 0x01 : 0) | (e.split() ? 0x10 : 0);
            long compression = (long) e.method() << 7 | (solid ? 0x40 : 0);
            byte[] header = concat(vint(2), vint(headerFlags), extra.length > 0 ? vint(extra.length) : new byte[0],
                    vint(e.packed().length), vint(0x04 | (e.directory() ? 0x01 : 0)), vint(e.data().length),
                    vint(e.directory() ? 0x10 : 0x20), le(4).putInt((int) crc(e.data())).array(), vint(compression),
                    vint(0), vint(name.length), name, extra);
            out.writeBytes(rar5Block(header));
            out.writeBytes(e.packed());
        }
        out.writeBytes(rar5Block(concat(vint(5), vint(0), vint(0))));
        return out.toByteArray();
    }

    private static byte[] record(int type, byte[] data) {
        byte[] body = concat(vint(type), data);
        return concat(vint(body.length), body);
    }

    private static byte[] rar5Block(byte[] header) {
        byte[] sized = concat(vint(header.length), header);
        return concat(le(4).putInt((int) crc(sized)).array(), sized);
    }

    /**
     * RAR 5 compressed data for {@code data}: one block holding Huffman tables in which every byte
     * value has an 8-bit code (so each literal is written as itself) and nothing else has a code.
     */
    public static byte[] rar5Packed(byte[] data) {
        MsbBits bits = new MsbBits();
        for (int symbol = 0; symbol < 20; symbol++) {
            bits.put(symbol == 8 || symbol == 19 ? 1 : 0, 4); // bit-length table: codes "0" = 8, "1" = 19
        }
        for (int i = 0; i < 256; i++) {
            bits.put(0, 1); // length 8 for each literal
        }
        bits.put(1, 1);
        bits.put(138 - 11, 7); // 138 zero lengths ...
        bits.put(1, 1);
        bits.put(36 - 11, 7); // ... and 36 more: 430 in all
        for (byte b : data) {
            bits.put(b & 0xFF, 8);
        }
        byte[] body = bits.bytes();
        int lastBits = bits.count() % 8 == 0 ? 8 : bits.count() % 8;
        int size = body.length;
        int sizeBytes = size < 0x100 ? 1 : size < 0x10000 ? 2 : 3;
        int flags = (lastBits - 1) | (sizeBytes - 1) << 3 | 0x40 | 0x80;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(flags);
        out.write(0x5A ^ flags ^ size ^ size >> 8 ^ size >> 16);
        for (int i = 0; i < sizeBytes; i++) {
            out.write(size >> 8 * i);
        }
        out.writeBytes(body);
        return out.toByteArray();
    }

    public static byte[] vint(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            int b = (int) (value & 0x7F);
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
        return out.toByteArray();
    }

    public static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static final class MsbBits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int acc;
        private int pending;
        private int count;

        void put(int value, int bits) {
            for (int i = bits - 1; i >= 0; i--) {
                acc = acc << 1 | (value >> i & 1);
                count++;
                if (++pending == 8) {
                    out.write(acc);
                    acc = 0;
                    pending = 0;
                }
            }
        }

        int count() {
            return count;
        }

        byte[] bytes() {
            if (pending > 0) {
                out.write(acc << (8 - pending));
                acc = 0;
                pending = 0;
            }
            return out.toByteArray();
        }
    }
}
