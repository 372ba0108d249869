package org.longbox.media;

import java.util.Optional;

/**
 * Width and height read straight from the first bytes of a JPEG, PNG, GIF or WebP image, without
 * an ImageIO reader: a scan measures every page, and looking up and opening a reader costs more
 * than the page's bytes. Empty when the header is not one this reads plainly (an unusual but
 * valid file, or a damaged one); the caller then asks {@link Images#probe}, which decides.
 */
public final class ImageHeaders {
    private ImageHeaders() {
    }

    public static Optional<Dimensions> read(byte[] b) {
        String type = Images.sniff(b);
        if (type == null) {
            return Optional.empty();
        }
        Dimensions d = switch (type) {
            case "image/jpeg" -> jpeg(b);
            case "image/png" -> b.length >= 24 && b[12] == 'I' && b[13] == 'H' && b[14] == 'D' && b[15] == 'R'
                    ? of(int32(b, 16), int32(b, 20)) : null;
            case "image/gif" -> b.length >= 10 ? of(u16le(b, 6), u16le(b, 8)) : null;
            case "image/webp" -> webp(b);
            default -> null;
        };
        return Optional.ofNullable(d);
    }

    /** The first start-of-frame segment's size, walking the segments from the start. */
    private static Dimensions jpeg(byte[] b) {
        int i = 2;
        while (i + 1 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                i += 2; // no length
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA || i + 3 >= b.length) {
                return null; // end of image or scan data before any frame header
            }
            int length = u16be(b, i + 2);
            if (length < 2) {
                return null;
            }
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                return i + 8 < b.length ? of(u16be(b, i + 7), u16be(b, i + 5)) : null;
            }
            i += 2 + length;
        }
        return null;
    }

    private static Dimensions webp(byte[] b) {
        if (b.length < 30) {
            return null;
        }
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8 " -> (b[23] & 0xFF) == 0x9D && (b[24] & 0xFF) == 0x01 && (b[25] & 0xFF) == 0x2A
                    ? of(u16le(b, 26) & 0x3FFF, u16le(b, 28) & 0x3FFF) : null;
            case "VP8L" -> {
                if ((b[20] & 0xFF) != 0x2F) {
                    yield null;
                }
                long bits = (b[21] & 0xFFL) | (b[22] & 0xFFL) << 8 | (b[23] & 0xFFL) << 16 | (b[24] & 0xFFL) << 24;
                yield of((int) (bits & 0x3FFF) + 1, (int) (bits >> 14 & 0x3FFF) + 1);
            }
            case "VP8X" -> of(u24le(b, 24) + 1, u24le(b, 27) + 1);
            default -> null;
        };
    }

    /** Null for a size no decoder would accept either, so that the caller's probe has the last word. */
    private static Dimensions of(int width, int height) {
        return width >= 1 && height >= 1 ? new Dimensions(width, height) : null;
    }

    private static int u16be(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static int u16le(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int u24le(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }
}
