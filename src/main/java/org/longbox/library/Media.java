package org.longbox.library;

import org.longbox.media.BookFormat;

import java.util.Optional;

/**
 * A book as the rest of the server sees one: a file in a library, what its scan found, and what the
 * book says about itself. Its absolute {@link #path} is for those who manage libraries; views for
 * everyone else show the file name.
 *
 * @param extension      the file's extension, lower case, as Stump reports it ("cbz", "epub", ...)
 * @param contentFormat  the format the scan found the content to be; null when unknown (not read yet, or unreadable)
 * @param pagesAreImages false for text EPUBs: their pages cannot be served or streamed as images
 * @param pageTypes      one letter per page ({@link PageTypes}); null when unknown
 * @param errorReason    why the scan could not read the book (status ERROR); null otherwise
 */
public record Media(String id, String seriesId, String libraryId, String name, String path, long size, String extension,
                    BookFormat contentFormat, int pages, boolean pagesAreImages, String pageTypes, FileStatus status, String errorReason,
                    String hash, String koreaderHash, long fileModifiedAt, long createdAt, long updatedAt,
                    MediaMetadata metadata) {

    /** The format of its content as the scan found it, else the one its file name says, if it is one Longbox reads. */
    public Optional<BookFormat> format() {
        return contentFormat != null ? Optional.of(contentFormat) : BookFormat.ofExtension(extension);
    }

    /**
     * The file name to offer a download under: its own, with the extension of its real format when
     * the name says another ("book.cbz" holding a RAR is offered as "book.cbr").
     */
    public String downloadName() {
        String own = extension.isEmpty() ? name : name + "." + extension;
        BookFormat real = format().orElse(null);
        if (real == null || BookFormat.ofExtension(extension).orElse(null) == real) {
            return own;
        }
        return name + "." + real.extension();
    }

    public boolean isEpub() {
        return format().orElse(null) == BookFormat.EPUB;
    }

    public boolean isPdf() {
        return format().orElse(null) == BookFormat.PDF;
    }

    /** True when its last scan read it (its pages and file can be served). */
    public boolean readable() {
        return status == FileStatus.READY;
    }
}
