package org.longbox.library;

import org.longbox.media.BookFormat;

import java.util.Optional;

/**
 * A book as the rest of the server sees one: a file in a library, what its scan found, and what the
 * book says about itself. Its absolute {@link #path} is for those who manage libraries; views for
 * everyone else show the file name.
 *
 * @param extension      the file's extension, lower case, as Stump reports it ("cbz", "epub", ...)
 * @param pagesAreImages false for text EPUBs: their pages cannot be served or streamed as images
 * @param pageTypes      one letter per page ({@link PageTypes}); null when unknown
 * @param errorReason    why the scan could not read the book (status ERROR); null otherwise
 */
public record Media(String id, String seriesId, String libraryId, String name, String path, long size, String extension,
                    int pages, boolean pagesAreImages, String pageTypes, FileStatus status, String errorReason,
                    String hash, String koreaderHash, long fileModifiedAt, long createdAt, long updatedAt,
                    MediaMetadata metadata) {

    /** The format its file name says, if it is one Longbox reads. */
    public Optional<BookFormat> format() {
        return BookFormat.ofExtension(extension);
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
