package org.longbox.media;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Image sniffing, probing, bounded decoding, scaling and conversion. Every method is static and
 * thread-safe (each call uses its own reader and writer). Decoding checks the header's width x
 * height against {@link MediaLimits#maxImagePixels()} before any pixel memory is allocated.
 */
public final class Images {
    private static final float LEGACY_QUALITY = 0.9f;

    private Images() {
    }

    /** The media type the first bytes show: image/jpeg, image/png, image/gif, image/webp, or null. */
    public static String sniff(byte[] head) {
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(head, 0, 'G', 'I', 'F', '8') && head.length >= 6 && (head[4] == '7' || head[4] == '9')
                && head[5] == 'a') {
            return "image/gif";
        }
        if (startsWith(head, 0, 'R', 'I', 'F', 'F') && startsWith(head, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        return null;
    }

    /** Width and height from the header alone; no pixels are decoded. */
    public static Dimensions probe(byte[] bytes) throws BookException {
        ImageReader reader = open(bytes);
        try {
            return new Dimensions(reader.getWidth(0), reader.getHeight(0));
        } catch (IOException | RuntimeException e) {
            throw new BookException("not an image we can decode (" + e.getMessage() + ")", e);
        } finally {
            dispose(reader);
        }
    }

    /** The first frame, refused when larger than the limits allow. */
    public static BufferedImage decode(byte[] bytes, MediaLimits limits) throws BookException {
        return decode(bytes, limits, 1);
    }

    /**
     * The image scaled to fit inside maxWidth x maxHeight, aspect ratio kept, never enlarged.
     *
     * @param quality 0..1, for JPEG and WebP
     */
    public static byte[] scale(byte[] bytes, int maxWidth, int maxHeight, ImageFormat out, float quality,
            MediaLimits limits) throws BookException {
        if (maxWidth < 1 || maxHeight < 1) {
            throw new IllegalArgumentException("box " + maxWidth + "x" + maxHeight);
        }
        Dimensions size = probe(bytes);
        double ratio = Math.min(1.0, Math.min((double) maxWidth / size.width(), (double) maxHeight / size.height()));
        int width = (int) Math.max(1, Math.round(size.width() * ratio));
        int height = (int) Math.max(1, Math.round(size.height() * ratio));
        // reading every n-th pixel keeps memory low for big pages; keep twice the target for smoothing
        int subsampling = Math.max(1, Math.min(size.width() / (2 * width), size.height() / (2 * height)));
        BufferedImage image = decode(bytes, limits, subsampling);
        return encode(Resizer.resize(image, width, height), out, quality);
    }

    /**
     * A page any OPDS client can show: JPEG, PNG and GIF pass through; anything else (WebP) becomes
     * a JPEG.
     */
    public static PageData toLegacy(PageData page, MediaLimits limits) throws BookException {
        String type = sniff(page.bytes());
        if (type == null) {
            throw new BookException("page is not an image we can decode");
        }
        if (!type.equals("image/webp")) {
            return type.equals(page.mediaType()) ? page : new PageData(page.bytes(), type);
        }
        return new PageData(encode(decode(page.bytes(), limits), ImageFormat.JPEG, LEGACY_QUALITY), "image/jpeg");
    }

    /**
     * The page in {@code mediaType} (image/jpeg or image/png), re-encoded only when it is in another
     * type; any other target leaves the page as it is.
     */
    public static PageData as(PageData page, String mediaType, MediaLimits limits) throws BookException {
        ImageFormat target = switch (mediaType) {
            case "image/jpeg" -> ImageFormat.JPEG;
            case "image/png" -> ImageFormat.PNG;
            default -> null;
        };
        if (target == null || mediaType.equals(page.mediaType())) {
            return page;
        }
        return new PageData(encode(decode(page.bytes(), limits), target, LEGACY_QUALITY), mediaType);
    }

    /** Encodes pixels; JPEG has no alpha, so transparent areas become white. */
    public static byte[] encode(BufferedImage image, ImageFormat format, float quality) throws BookException {
        BufferedImage pixels = format == ImageFormat.JPEG ? Resizer.opaque(image, Color.WHITE) : image;
        ImageWriter writer = null;
        try {
            writer = ImageCodecs.writer(format);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format != ImageFormat.PNG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                if (format == ImageFormat.WEBP) {
                    param.setCompressionType("Lossy");
                }
                param.setCompressionQuality(Math.max(0f, Math.min(1f, quality)));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(pixels, null, null), param);
            }
            return out.toByteArray();
        } catch (IOException | LinkageError | RuntimeException e) {
            throw new BookException("cannot write " + format.name().toLowerCase(Locale.ROOT) + " image ("
                    + e.getMessage() + ")", e);
        } finally {
            if (writer != null) {
                writer.dispose();
            }
        }
    }

    /** Bytes read from a book as a page: the type is what the bytes are, whatever the name said. */
    static PageData page(byte[] bytes, String what) throws BookException {
        String type = sniff(bytes);
        if (type == null) {
            throw new BookException(what + " is not a JPEG, PNG, GIF or WebP image");
        }
        return new PageData(bytes, type);
    }

    private static BufferedImage decode(byte[] bytes, MediaLimits limits, int subsampling) throws BookException {
        ImageReader reader = open(bytes);
        try {
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1) {
                throw new BookException("image has no pixels (" + width + "x" + height + ")");
            }
            if ((long) width * height > limits.maxImagePixels()) {
                throw new BookException("image of " + width + "x" + height + " pixels is larger than the limit of "
                        + limits.maxImagePixels() + " pixels");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            if (subsampling > 1) {
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            }
            return reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            throw new BookException("not an image we can decode (" + e.getMessage() + ")", e);
        } finally {
            dispose(reader);
        }
    }

    private static ImageReader open(byte[] bytes) throws BookException {
        String type = sniff(bytes);
        if (type == null) {
            throw new BookException("not a JPEG, PNG, GIF or WebP image");
        }
        try {
            ImageReader reader = ImageCodecs.reader(type);
            ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes));
            reader.setInput(in, true, true);
            return reader;
        } catch (IOException e) {
            throw new BookException("not an image we can decode (" + e.getMessage() + ")", e);
        }
    }

    private static void dispose(ImageReader reader) {
        reader.dispose();
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b == null || b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
