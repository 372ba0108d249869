package org.longbox.media;

import org.junit.jupiter.api.Test;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The header reader agrees with ImageIO wherever it answers, and leaves the rest to it. */
class ImageHeadersTest {
    @Test
    void readsTheSizeImageIoReads() throws Exception {
        List<byte[]> images = List.of(Fixtures.jpeg(301, 17), Fixtures.png(5, 4000), Fixtures.gif(640, 3),
                Fixtures.webp(33, 71, 0xff3366cc), Fixtures.webp(40, 30, 0x80ff0000), progressiveJpeg(123, 45),
                Fixtures.pngHeaderOnly(20000, 20000));
        for (byte[] image : images) {
            Dimensions expected = Images.probe(image);
            assertEquals(Optional.of(expected), ImageHeaders.read(image), Images.sniff(image) + " " + expected);
        }
    }

    @Test
    void leavesWhatItCannotReadPlainlyToImageIo() {
        byte[] noise = new byte[4096];
        new Random(3).nextBytes(noise);
        byte[] jpeg = Fixtures.jpeg(30, 40);
        for (byte[] b : List.of(noise, new byte[0], Arrays.copyOf(jpeg, 60), Arrays.copyOf(jpeg, 3),
                Arrays.copyOf(Fixtures.png(3, 3), 20), Arrays.copyOf(Fixtures.gif(3, 3), 8),
                Arrays.copyOf(Fixtures.webp(9, 9, 0xff000000), 20))) {
            assertEquals(Optional.empty(), ImageHeaders.read(b), b.length + " bytes");
        }
    }

    private static byte[] progressiveJpeg(int width, int height) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(Fixtures.picture(width, height, Color.ORANGE), null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
