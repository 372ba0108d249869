package org.longbox.media;

import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.IIOServiceProvider;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.spi.ServiceRegistry;

/**
 * The image readers and writers Images uses, chosen explicitly rather than by whatever happens to
 * be in ImageIO's global registry: inside a WAR that registry never sees WEB-INF/lib (and
 * registering there would pin the webapp's class loader after undeploy), and choosing here keeps
 * hostile WebP input on the pure-Java TwelveMonkeys decoder, away from the native libwebp that
 * only encodes Longbox's own pixels.
 */
final class ImageCodecs {
    private static final ImageReaderSpi PNG = jdkReader("image/png");
    private static final ImageReaderSpi GIF = jdkReader("image/gif");
    private static final ImageReaderSpi JPEG = twelveMonkeysJpeg();
    private static final ImageReaderSpi WEBP = new WebPImageReaderSpi();

    private ImageCodecs() {
    }

    /** A new reader for a sniffed media type; the caller disposes it. */
    static ImageReader reader(String mediaType) throws IOException {
        ImageReaderSpi spi = switch (mediaType) {
            case "image/jpeg" -> JPEG;
            case "image/png" -> PNG;
            case "image/gif" -> GIF;
            case "image/webp" -> WEBP;
            default -> throw new IllegalArgumentException(mediaType);
        };
        return spi.createReaderInstance(null);
    }

    /** A new writer; the caller disposes it. */
    static ImageWriter writer(ImageFormat format) throws IOException, BookException {
        if (format == ImageFormat.WEBP) {
            try {
                return new WebPImageWriterSpi().createWriterInstance(null);
            } catch (LinkageError | RuntimeException e) {
                throw new BookException("WebP output is not available on this platform (" + e + ")", e);
            }
        }
        return jdkWriter(format.mediaType()).createWriterInstance(null);
    }

    private static ImageReaderSpi jdkReader(String mediaType) {
        return jdkProvider(ImageReaderSpi.class, mediaType);
    }

    private static ImageWriterSpi jdkWriter(String mediaType) {
        return jdkProvider(ImageWriterSpi.class, mediaType);
    }

    private static <T extends IIOServiceProvider> T jdkProvider(Class<T> category, String mediaType) {
        Iterator<T> it = IIORegistry.getDefaultInstance().getServiceProviders(category, true);
        while (it.hasNext()) {
            T spi = it.next();
            String[] types = spi instanceof ImageReaderSpi r ? r.getMIMETypes() : ((ImageWriterSpi) spi).getMIMETypes();
            if (spi.getClass().getName().startsWith("com.sun.imageio.plugins.")
                    && types != null && Arrays.asList(types).contains(mediaType)) {
                return spi;
            }
        }
        throw new IllegalStateException("the JDK has no image codec for " + mediaType);
    }

    /**
     * TwelveMonkeys' JPEG reader (CMYK/YCCK and damaged JPEGs the JDK refuses) wraps the JDK's,
     * which it finds when registered; a private registry gives it that without the global one.
     */
    private static ImageReaderSpi twelveMonkeysJpeg() {
        ServiceRegistry registry = new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
        registry.registerServiceProvider(jdkReader("image/jpeg"), ImageReaderSpi.class);
        JPEGImageReaderSpi spi = new JPEGImageReaderSpi();
        registry.registerServiceProvider(spi, ImageReaderSpi.class);
        // it deregisters itself when it cannot find its delegate: then the JDK's reader alone
        return registry.contains(spi) ? spi : jdkReader("image/jpeg");
    }
}
