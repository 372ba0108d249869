package org.longbox.media;

import java.util.Optional;

/**
 * An open book. Pages are read by direct access to the one entry (or, for PDF, by rendering the
 * one page), never by unpacking the book. Not thread-safe: one user at a time; open another for
 * another thread. Closing releases the file.
 */
public interface Book extends AutoCloseable {
    BookFormat format();

    /** Pages in reading order: natural order of image entry names ("2" before "10"). */
    int pageCount();

    /**
     * A page, 1-based. For PDF the page is rendered to an image whose longer edge is at most
     * {@link MediaLimits#pdfMaxEdge()}.
     *
     * @throws IndexOutOfBoundsException when {@code number} is not between 1 and {@link #pageCount()}
     * @throws BookException             when the page cannot be read (corrupt entry, over a limit)
     */
    PageData page(int number) throws BookException;

    /**
     * The image to make a thumbnail from: page 1, or empty for a book without pages. A text EPUB,
     * whose pages are not images, gives its OPF cover image instead.
     */
    default Optional<PageData> cover() throws BookException {
        return pageCount() > 0 ? Optional.of(page(1)) : Optional.empty();
    }

    /** False for a book whose pages are not images (a text EPUB): it has no pages to stream. */
    default boolean pagesAreImages() {
        return true;
    }

    /**
     * Where page {@code number}'s bytes lie in the file when the archive stores them uncompressed
     * (the usual CBZ and CBR), so a server can read them straight from the file; empty otherwise
     * (compressed entries, rendered PDF pages, text EPUBs).
     *
     * @throws IndexOutOfBoundsException when {@code number} is not between 1 and {@link #pageCount()}
     */
    default Optional<StoredPage> storedPage(int number) throws BookException {
        Books.pageIndex(number, pageCount());
        return Optional.empty();
    }

    /** ComicInfo.xml or OPF metadata; {@link BookMetadata#EMPTY} when there is none. */
    BookMetadata metadata();

    @Override
    void close();
}
