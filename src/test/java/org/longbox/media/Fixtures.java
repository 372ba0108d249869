package org.longbox.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Book fixtures made in code: images, ZIPs and ways to damage them. */
public final class Fixtures {
    public static final MediaLimits SMALL = new MediaLimits(100, 8L << 20, 64L << 10, 4_000_000L, 800);

    private Fixtures() {
    }

    public static BufferedImage picture(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.drawLine(0, 0, width - 1, height - 1);
        g.dispose();
        return image;
    }

    public static byte[] png(int width, int height) {
        return write(picture(width, height, Color.ORANGE), "png");
    }

    public static byte[] jpeg(int width, int height) {
        return write(picture(width, height, Color.CYAN), "jpeg");
    }

    public static byte[] gif(int width, int height) {
        return write(picture(width, height, Color.GREEN), "gif");
    }

    public static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A valid lossless WebP (VP8L) of one colour, built by hand: five "simple" prefix codes with a
     * single symbol each (green, red, blue, alpha, distance), so every pixel takes zero bits.
     */
    public static byte[] webp(int width, int height, int argb) {
        Bits w = new Bits();
        w.put(0x2f, 8);
        w.put(width - 1, 14);
        w.put(height - 1, 14);
        w.put((argb >>> 24) == 0xFF ? 0 : 1, 1);
        w.put(0, 3);
        w.put(0, 1); // no transform
        w.put(0, 1); // no colour cache
        w.put(0, 1); // no meta prefix codes
        int[] symbols = {(argb >> 8) & 0xFF, (argb >> 16) & 0xFF, argb & 0xFF, argb >>> 24};
        for (int symbol : symbols) {
            w.put(1, 1); // simple code
            w.put(0, 1); // one symbol
            w.put(1, 1); // eight bits wide
            w.put(symbol, 8);
        }
        w.put(1, 1);
        w.put(0, 1);
        w.put(0, 1);
        w.put(0, 1); // distance: symbol 0
        // zero padding: TwelveMonkeys' bit reader fetches 64 bits at a time
        byte[] data = java.util.Arrays.copyOf(w.bytes(), 24);
        ByteBuffer b = ByteBuffer.allocate(20 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(b.capacity() - 8);
        b.put("WEBPVP8L".getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return b.array();
    }

    /** A PNG whose header claims width x height over a tiny, truncated IDAT: only a header-first decoder survives it. */
    public static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat)) {
            z.write(new byte[64]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A deflated ZIP with the entries in the given order; a null value makes a directory entry. */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getValue() != null) {
                    zip.write(e.getValue());
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A ZIP whose first entry is stored, uncompressed (EPUB's mimetype rule). */
    public static void putStored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(org.longbox.testing.Books.storedEntry(name, data));
        zip.write(data);
        zip.closeEntry();
    }

    public static Path file(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Offset of the central directory header of {@code name}. */
    public static int central(byte[] zip, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 + n.length <= zip.length; i++) {
            if (b.getInt(i) == 0x02014b50 && (b.getShort(i + 28) & 0xFFFF) == n.length
                    && java.util.Arrays.equals(zip, i + 46, i + 46 + n.length, n, 0, n.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no central header for " + name);
    }

    public static void putShort(byte[] b, int at, int value) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(at, (short) value);
    }

    public static void putInt(byte[] b, int at, long value) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, (int) value);
    }

    /** Writes {@code mib} MiB of zeros as one deflated entry: about 1 KiB on disk per MiB. */
    public static void zipBomb(OutputStream target, String name, int mib) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(target)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry(name));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < mib; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
    }

    /** Bits packed least significant first, as VP8L wants them. */
    static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long acc;
        private int count;

        void put(long value, int bits) {
            for (int i = 0; i < bits; i++) {
                acc |= ((value >> i) & 1L) << count++;
                if (count == 8) {
                    out.write((int) acc);
                    acc = 0;
                    count = 0;
                }
            }
        }

        byte[] bytes() {
            if (count > 0) {
                out.write((int) acc);
                acc = 0;
                count = 0;
            }
            return out.toByteArray();
        }
    }
}
