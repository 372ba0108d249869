package org.longbox.library.scan;

import org.longbox.library.PageTypes;
import org.longbox.media.Book;
import org.longbox.media.BookException;
import org.longbox.media.BookFormat;
import org.longbox.media.Dimensions;
import org.longbox.media.ImageHeaders;
import org.longbox.media.Images;
import org.longbox.media.MediaLimits;
import org.longbox.media.PageData;

/**
 * Every page of a book looked at once during the scan: its bytes read (so a damaged entry shows
 * now, not when a reader opens it), its true type sniffed and its size read from the header
 * ({@link ImageHeaders}, or an ImageIO reader when that cannot tell), never decoding pixels. A page
 * that is not an image, whose header cannot be read or that is larger than the pixel limit makes
 * the whole book an ERROR with the page named.
 *
 * <p>PDF pages (rendered on demand) and compressed RAR pages (each one a bsdtar run) are not read;
 * their type is unknown ({@link PageTypes#UNKNOWN}) and no dimensions are kept for the book.
 */
final class PageCheck {
    /** What the scan keeps: one type letter per page, and "w,h;w,h;..." or null when not every page was measured. */
    record Result(String types, String dimensions) {
    }

    /** The longest dimensions text that fits its column. */
    private static final int MAX_DIMENSIONS = 32000;

    private PageCheck() {
    }

    static Result of(Book book, MediaLimits limits) throws BookException {
        int n = book.pageCount();
        if (n <= 0 || !book.pagesAreImages() || book.format() == BookFormat.PDF || n > PageTypes.MAX_PAGES) {
            return new Result(null, null);
        }
        StringBuilder types = new StringBuilder(n);
        StringBuilder dims = new StringBuilder(n * 10);
        boolean measuredAll = true;
        for (int i = 1; i <= n; i++) {
            if (book.format() == BookFormat.RAR && book.storedPage(i).isEmpty()) {
                types.append(PageTypes.UNKNOWN);
                measuredAll = false;
                continue;
            }
            PageData page = book.page(i);
            Dimensions d = ImageHeaders.read(page.bytes()).orElse(null);
            if (d == null) {
                try {
                    d = Images.probe(page.bytes());
                } catch (BookException e) {
                    throw new BookException("Page " + i + " cannot be decoded: " + e.getMessage(), e);
                }
            }
            if (d.width() < 1 || d.height() < 1) {
                throw new BookException("Page " + i + " has no pixels (" + d.width() + "x" + d.height() + ")");
            }
            if (d.pixels() > limits.maxImagePixels()) {
                throw new BookException("Page " + i + " is " + d.width() + "x" + d.height()
                        + " pixels, over the limit of " + limits.maxImagePixels() + " pixels");
            }
            types.append(PageTypes.letter(page.mediaType()));
            dims.append(dims.length() == 0 ? "" : ";").append(d.width()).append(',').append(d.height());
        }
        return new Result(types.toString(), measuredAll && dims.length() <= MAX_DIMENSIONS ? dims.toString() : null);
    }
}
