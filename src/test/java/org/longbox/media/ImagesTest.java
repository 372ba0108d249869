package org.longbox.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

class ImagesTest {
    private static final MediaLimits LIMITS = Fixtures.SMALL;

    @Test
    void sniffRecognisesTheFourPageTypesByTheirBytes() {
        assertEquals("image/jpeg", Images.sniff(Fixtures.jpeg(4, 4)));
        assertEquals("image/png", Images.sniff(Fixtures.png(4, 4)));
        assertEquals("image/gif", Images.sniff(Fixtures.gif(4, 4)));
        assertEquals("image/webp", Images.sniff(Fixtures.webp(4, 4, 0xFF336699)));
        assertNull(Images.sniff("<html>".getBytes()));
        assertNull(Images.sniff(new byte[0]));
        assertNull(Images.sniff(null));
        assertNull(Images.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8}));
    }

    @Test
    void probeReadsDimensionsOfEveryType() throws Exception {
        assertEquals(new Dimensions(30, 20), Images.probe(Fixtures.jpeg(30, 20)));
        assertEquals(new Dimensions(31, 21), Images.probe(Fixtures.png(31, 21)));
        assertEquals(new Dimensions(32, 22), Images.probe(Fixtures.gif(32, 22)));
        assertEquals(new Dimensions(33, 23), Images.probe(Fixtures.webp(33, 23, 0xFF336699)));
    }

    @Test
    void probeOfAHugeHeaderIsAllowedButDecodeRefusesItBeforeAllocating() throws Exception {
        byte[] huge = Fixtures.pngHeaderOnly(20_000, 20_000);
        assertEquals(new Dimensions(20_000, 20_000), Images.probe(huge));
        long before = usedHeap();
        BookException e = assertThrows(BookException.class, () -> Images.decode(huge, MediaLimits.DEFAULT));
        assertTrue(e.getMessage().contains("20000x20000"), e.getMessage());
        // a decoded 20000x20000 RGB image would take 1.2 GB
        assertTrue(usedHeap() - before < 200L << 20, "decode allocated the pixels");
        assertThrows(BookException.class, () -> Images.scale(huge, 100, 100, ImageFormat.JPEG, 0.8f, MediaLimits.DEFAULT));
    }

    @Test
    void hugeWebpHeaderIsRefusedToo() {
        byte[] huge = Fixtures.webp(16_000, 16_000, 0xFF000000);
        BookException e = assertThrows(BookException.class, () -> Images.decode(huge, LIMITS));
        assertTrue(e.getMessage().contains("16000x16000"), e.getMessage());
    }

    @Test
    void decodeGivesPixelsOfEveryType() throws Exception {
        BufferedImage webp = Images.decode(Fixtures.webp(5, 3, 0xFF336699), LIMITS);
        assertEquals(5, webp.getWidth());
        assertEquals(3, webp.getHeight());
        assertEquals(0x336699, webp.getRGB(2, 1) & 0xFFFFFF);
        assertEquals(7, Images.decode(Fixtures.png(7, 2), LIMITS).getWidth());
        assertEquals(7, Images.decode(Fixtures.jpeg(7, 2), LIMITS).getWidth());
        assertEquals(7, Images.decode(Fixtures.gif(7, 2), LIMITS).getWidth());
    }

    @Test
    void undecodableBytesAreRefused() {
        byte[] png = Fixtures.png(40, 40);
        byte[] truncated = Arrays.copyOf(png, 30);
        assertThrows(BookException.class, () -> Images.decode(truncated, LIMITS));
        assertThrows(BookException.class, () -> Images.decode("not an image at all".getBytes(), LIMITS));
        byte[] fakeWebp = "RIFF\0\0\0\0WEBPVP8X garbage garbage".getBytes();
        assertThrows(BookException.class, () -> Images.decode(fakeWebp, LIMITS));
        assertThrows(BookException.class, () -> Images.probe(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
    }

    @Test
    void cmykJpegThatTheJdkRefusesDecodes() throws Exception {
        byte[] cmyk = cmykJpeg(16, 8);
        assertEquals(new Dimensions(16, 8), Images.probe(cmyk));
        assertEquals(16, Images.decode(cmyk, LIMITS).getWidth());
    }

    @Test
    void scaleFitsTheBoxKeepsTheRatioAndNeverEnlarges() throws Exception {
        byte[] page = Fixtures.png(1000, 1500);
        assertEquals(new Dimensions(200, 300), Images.probe(Images.scale(page, 200, 400, ImageFormat.JPEG, 0.8f, LIMITS)));
        assertEquals(new Dimensions(133, 200), Images.probe(Images.scale(page, 400, 200, ImageFormat.PNG, 0.8f, LIMITS)));
        assertEquals(new Dimensions(1000, 1500), Images.probe(Images.scale(page, 4000, 4000, ImageFormat.PNG, 1f, LIMITS)));
        byte[] wide = Fixtures.jpeg(3000, 10);
        assertEquals(new Dimensions(300, 1), Images.probe(Images.scale(wide, 300, 300, ImageFormat.JPEG, 0.8f, LIMITS)));
    }

    @Test
    void scaleWritesEachFormatForReal() throws Exception {
        byte[] page = Fixtures.jpeg(600, 900);
        assertEquals("image/jpeg", Images.sniff(Images.scale(page, 100, 100, ImageFormat.JPEG, 0.8f, LIMITS)));
        assertEquals("image/png", Images.sniff(Images.scale(page, 100, 100, ImageFormat.PNG, 0.8f, LIMITS)));
        byte[] webp = Images.scale(page, 100, 100, ImageFormat.WEBP, 0.8f, LIMITS);
        assertEquals("image/webp", Images.sniff(webp));
        assertEquals(new Dimensions(67, 100), Images.probe(webp));
        BufferedImage decoded = Images.decode(webp, LIMITS);
        Color c = new Color(decoded.getRGB(60, 10));
        assertTrue(c.getGreen() > 200 && c.getBlue() > 200 && c.getRed() < 60, "cyan survives: " + c);
    }

    @Test
    void webpQualityChangesTheSize() throws Exception {
        byte[] page = Fixtures.jpeg(600, 900);
        byte[] low = Images.scale(page, 400, 400, ImageFormat.WEBP, 0.1f, LIMITS);
        byte[] high = Images.scale(page, 400, 400, ImageFormat.WEBP, 1f, LIMITS);
        assertTrue(low.length < high.length, low.length + " < " + high.length);
    }

    @Test
    void scaleRefusesAnEmptyBox() {
        assertThrows(IllegalArgumentException.class, () -> Images.scale(Fixtures.png(4, 4), 0, 10, ImageFormat.PNG, 1f, LIMITS));
    }

    @Test
    void toLegacyPassesJpegPngGifThroughAndTurnsWebpIntoJpeg() throws Exception {
        for (byte[] legacy : new byte[][] {Fixtures.jpeg(4, 4), Fixtures.png(4, 4), Fixtures.gif(4, 4)}) {
            PageData page = new PageData(legacy, Images.sniff(legacy));
            assertSame(page, Images.toLegacy(page, LIMITS));
        }
        PageData converted = Images.toLegacy(new PageData(Fixtures.webp(9, 4, 0x80FF0000), "image/webp"), LIMITS);
        assertEquals("image/jpeg", converted.mediaType());
        assertEquals("image/jpeg", Images.sniff(converted.bytes()));
        assertEquals(new Dimensions(9, 4), Images.probe(converted.bytes()));
        // half-transparent red over white
        Color c = new Color(Images.decode(converted.bytes(), LIMITS).getRGB(4, 2));
        assertTrue(c.getRed() > 230 && c.getGreen() > 100 && c.getGreen() < 160, c.toString());
        assertThrows(BookException.class, () -> Images.toLegacy(new PageData("x".getBytes(), "image/webp"), LIMITS));
    }

    @Test
    void toLegacyCorrectsAWrongMediaType() throws Exception {
        byte[] png = Fixtures.png(4, 4);
        PageData page = Images.toLegacy(new PageData(png, "image/jpeg"), LIMITS);
        assertEquals("image/png", page.mediaType());
        assertArrayEquals(png, page.bytes());
    }

    @Test
    void staticMethodsAreSafeFromManyThreads() throws Exception {
        byte[] page = Fixtures.jpeg(400, 600);
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
        for (int i = 0; i < 4; i++) {
            ImageFormat format = ImageFormat.values()[i % 3];
            Thread t = new Thread(() -> {
                try {
                    for (int j = 0; j < 5; j++) {
                        Images.probe(Images.scale(page, 50, 50, format, 0.7f, LIMITS));
                    }
                    ok.incrementAndGet();
                } catch (BookException e) {
                    throw new AssertionError(e);
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(4, ok.get());
    }

    /** A 4-channel Adobe-less JPEG: the JDK writes it, the JDK's reader cannot read it back. */
    private static byte[] cmykJpeg(int width, int height) throws Exception {
        BufferedImage rgb = Fixtures.picture(width, height, Color.MAGENTA);
        WritableRaster raster = java.awt.image.Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE,
                width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                Color c = new Color(rgb.getRGB(x, y));
                raster.setPixel(x, y, new int[] {255 - c.getRed(), 255 - c.getGreen(), 255 - c.getBlue(), 0});
            }
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = null;
        while (writers.hasNext()) {
            ImageWriter w = writers.next();
            if (w.getClass().getName().startsWith("com.sun.")) {
                writer = w;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(raster, null, null), null);
        }
        writer.dispose();
        return out.toByteArray();
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
