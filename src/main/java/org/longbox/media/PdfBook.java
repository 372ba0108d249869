package org.longbox.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A PDF through PDFBox: each page is rendered on demand to a JPEG whose longer edge is at most
 * {@link MediaLimits#pdfMaxEdge()} and whose area is within {@link MediaLimits#maxImagePixels()},
 * whatever size the page claims. PDFBox buffers the document's streams in temp files, not the heap.
 */
final class PdfBook implements Book {
    private static final float QUALITY = 0.85f;

    private final PDDocument document;
    private final PDFRenderer renderer;
    private final MediaLimits limits;
    private final BookMetadata metadata;

    private PdfBook(PDDocument document, MediaLimits limits) {
        this.document = document;
        this.limits = limits;
        this.renderer = new PDFRenderer(document);
        // huge embedded images are read at the resolution the page needs, not in full
        this.renderer.setSubsamplingAllowed(true);
        this.metadata = metadata(document);
    }

    static PdfBook open(Path file, MediaLimits limits) throws BookException {
        RandomAccessReadBufferedFile input = null;
        try {
            input = new RandomAccessReadBufferedFile(file);
            PDDocument document = Loader.loadPDF(input, "", null, null, IOUtils.createTempFileOnlyStreamCache());
            return new PdfBook(document, limits);
        } catch (InvalidPasswordException e) {
            closeQuietly(input);
            throw new BookException("PDF is password-protected");
        } catch (IOException | RuntimeException e) {
            closeQuietly(input);
            throw new BookException("not a readable PDF (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public BookFormat format() {
        return BookFormat.PDF;
    }

    @Override
    public int pageCount() {
        return document.getNumberOfPages();
    }

    @Override
    public PageData page(int number) throws BookException {
        int index = Books.pageIndex(number, pageCount());
        try {
            PDPage page = document.getPage(index);
            PDRectangle box = page.getCropBox();
            float width = box.getWidth();
            float height = box.getHeight();
            if (!(width > 0 && height > 0) || Float.isInfinite(width) || Float.isInfinite(height)) {
                throw new BookException("PDF page " + number + " has no size");
            }
            double scale = Math.min(limits.pdfMaxEdge() / (double) Math.max(width, height),
                    Math.sqrt(limits.maxImagePixels() / ((double) width * height)));
            BufferedImage image = renderer.renderImage(index, (float) scale, ImageType.RGB);
            return new PageData(Images.encode(image, ImageFormat.JPEG, QUALITY), "image/jpeg");
        } catch (IOException | RuntimeException e) {
            throw new BookException("PDF page " + number + " cannot be rendered (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public BookMetadata metadata() {
        return metadata;
    }

    private static BookMetadata metadata(PDDocument document) {
        MetadataBuilder m = new MetadataBuilder();
        PDDocumentInformation info = document.getDocumentInformation();
        m.title = blankToNull(info.getTitle());
        MetadataBuilder.addSplit(m.writers, info.getAuthor(), "[,;]");
        m.summary = blankToNull(info.getSubject());
        MetadataBuilder.addSplit(m.genres, info.getKeywords(), "[,;]");
        m.language = blankToNull(document.getDocumentCatalog().getLanguage());
        return m.build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException ignored) {
            // read-only; the temp-file cache is removed either way
        }
    }

    private static void closeQuietly(RandomAccessReadBufferedFile input) {
        if (input != null) {
            try {
                input.close();
            } catch (IOException ignored) {
                // nothing to lose
            }
        }
    }
}
