package org.longbox.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The block headers of a RAR 1.5-4.x archive (signature Rar!\x1A\x07\x00), read without unpacking
 * anything. Each block: CRC16 (low half of the CRC32 of the rest of the header), type, flags, size;
 * blocks with flag 0x8000 are followed by that many data bytes.
 */
final class Rar4Headers {
    static final int SIGNATURE_LENGTH = 7;
    private static final int MAIN = 0x73;
    private static final int FILE = 0x74;
    private static final int SERVICE = 0x7A;
    private static final int END = 0x7B;
    private static final int MAIN_PASSWORD = 0x0080;
    private static final int LONG_BLOCK = 0x8000;
    private static final int SPLIT_BEFORE = 0x01;
    private static final int SPLIT_AFTER = 0x02;
    private static final int PASSWORD = 0x04;
    private static final int DIRECTORY = 0xE0;
    private static final int LARGE = 0x100;
    private static final int UNICODE = 0x200;
    private static final int HOST_UNIX = 3;
    private static final int METHOD_STORE = 0x30;

    private Rar4Headers() {
    }

    static List<RarEntry> read(FileChannel ch, MediaLimits limits) throws IOException, BookException {
        long size = ch.size();
        List<RarEntry> entries = new ArrayList<>();
        long pos = SIGNATURE_LENGTH;
        boolean main = false;
        while (pos < size) {
            ByteBuffer base = Bounded.readAt(ch, pos, 7, Rar.TRUNCATED);
            int type = base.get(2) & 0xFF;
            int flags = base.getShort(3) & 0xFFFF;
            int headSize = base.getShort(5) & 0xFFFF;
            if (headSize < 7) {
                throw RarCursor.corrupt();
            }
            byte[] header = Bounded.readAt(ch, pos, headSize, Rar.TRUNCATED).array();
            CRC32 crc = new CRC32();
            crc.update(header, 2, headSize - 2);
            if ((crc.getValue() & 0xFFFF) != (base.getShort(0) & 0xFFFF)) {
                throw new BookException("corrupt RAR archive (header checksum mismatch)");
            }
            long dataSize = 0;
            main |= type == MAIN;
            if (type == MAIN && (flags & MAIN_PASSWORD) != 0) {
                throw new BookException("encrypted RAR archive (the file list itself is password-protected)");
            } else if (type == END) {
                break;
            } else if (type == FILE || type == SERVICE) {
                RarEntry entry = file(header, flags, pos + headSize);
                dataSize = entry.packedSize();
                if (type == FILE) {
                    Rar.add(entries, entry, limits);
                }
            } else if ((flags & LONG_BLOCK) != 0) {
                dataSize = new RarCursor(header, 7, headSize).u32();
            }
            pos += headSize + dataSize;
            if (pos > size) {
                throw new BookException(Rar.TRUNCATED);
            }
        }
        // the end block may be missing (RAR 2.x wrote none); the main header never is
        if (!main) {
            throw new BookException(Rar.TRUNCATED);
        }
        return entries;
    }

    private static RarEntry file(byte[] header, int flags, long dataOffset) throws BookException {
        RarCursor c = new RarCursor(header, 7, header.length);
        long packed = c.u32();
        long size = c.u32();
        int host = c.u8();
        long crc = c.u32();
        c.u32(); // modification time
        c.u8(); // version needed to unpack
        int method = c.u8();
        int nameSize = c.u16();
        long attributes = c.u32();
        if ((flags & LARGE) != 0) {
            packed |= c.u32() << 32;
            size |= c.u32() << 32;
        }
        if (packed < 0 || size < 0) {
            throw RarCursor.corrupt();
        }
        String name = name(c.bytes(nameSize), (flags & UNICODE) != 0).replace('\\', '/');
        boolean link = host == HOST_UNIX && (attributes & 0xF000) == 0xA000;
        return new RarEntry(name, dataOffset, packed, size, crc, (flags & DIRECTORY) == DIRECTORY, link,
                method == METHOD_STORE, (flags & PASSWORD) != 0, (flags & (SPLIT_BEFORE | SPLIT_AFTER)) != 0);
    }

    /**
     * Without the unicode flag a name is in the archiver's code page (UTF-8 if it decodes, else
     * Latin-1). With it: either plain UTF-8, or an 8-bit name, a zero byte and RAR's compact
     * UTF-16 encoding of it, decoded as unrar's EncodeFileName::Decode does.
     */
    private static String name(byte[] raw, boolean unicode) {
        int zero = indexOfZero(raw);
        if (!unicode || zero < 0) {
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw, 0, zero < 0 ? raw.length : zero))
                        .toString();
            } catch (CharacterCodingException e) {
                return new String(raw, 0, zero < 0 ? raw.length : zero, StandardCharsets.ISO_8859_1);
            }
        }
        StringBuilder out = new StringBuilder();
        int pos = zero + 1;
        int high = pos < raw.length ? raw[pos++] & 0xFF : 0;
        int flags = 0;
        int flagBits = 0;
        while (pos < raw.length) {
            if (flagBits == 0) {
                flags = raw[pos++] & 0xFF;
                flagBits = 8;
                if (pos >= raw.length) {
                    break;
                }
            }
            switch (flags >> 6) {
                case 0 -> out.append((char) (raw[pos++] & 0xFF));
                case 1 -> out.append((char) ((raw[pos++] & 0xFF) + (high << 8)));
                case 2 -> {
                    if (pos + 1 >= raw.length) {
                        return out.toString();
                    }
                    out.append((char) ((raw[pos] & 0xFF) + ((raw[pos + 1] & 0xFF) << 8)));
                    pos += 2;
                }
                default -> {
                    int length = raw[pos++] & 0xFF;
                    int correction = 0;
                    boolean corrected = (length & 0x80) != 0;
                    if (corrected) {
                        if (pos >= raw.length) {
                            return out.toString();
                        }
                        correction = raw[pos++] & 0xFF;
                    }
                    for (length = (length & 0x7F) + 2; length > 0 && out.length() < zero; length--) {
                        int plain = raw[out.length()] & 0xFF;
                        out.append(corrected ? (char) (((plain + correction) & 0xFF) + (high << 8)) : (char) plain);
                    }
                }
            }
            flags = (flags << 2) & 0xFF;
            flagBits -= 2;
        }
        return out.toString();
    }

    private static int indexOfZero(byte[] raw) {
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
