package org.longbox.api;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.longbox.api.dto.BookPageThumbnailDto;
import org.longbox.library.BookFiles;
import org.longbox.library.LibraryService;
import org.longbox.library.MediaRow;
import org.longbox.library.MediaService;
import org.longbox.library.ThumbnailService;
import org.longbox.library.ThumbnailConfig;
import org.longbox.media.Book;
import org.longbox.media.BookException;
import org.longbox.media.Books;
import org.longbox.media.MediaLimits;
import org.longbox.media.PageData;
import org.longbox.server.PageRequest;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Viewer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Serving thumbnails of books, and of series and libraries: the one set for them from a page of one
 * of their books, else their first book's.
 */
public final class Thumbnails {
    private final LibraryService libraries;
    private final MediaService media;
    private final BookFiles files;
    private final ThumbnailService thumbnails;

    public Thumbnails(LibraryService libraries, MediaService media, BookFiles files, ThumbnailService thumbnails) {
        this.libraries = libraries;
        this.media = media;
        this.files = files;
        this.thumbnails = thumbnails;
    }

    /** The first readable book, in name order, of a series or (seriesId null) a library. */
    MediaRow firstBook(Viewer viewer, String libraryId, String seriesId) {
        MediaService.Filter f = new MediaService.Filter(libraryId, seriesId, null, null, null, null, null, null, null, null,
                null, null, List.of("READY"), null, null);
        var page = media.list(viewer, f, PageRequest.of(1, 1, false, null, null));
        if (page.items().isEmpty()) {
            throw ApiException.notFound("No readable book to take a thumbnail from");
        }
        return page.items().get(0);
    }

    /**
     * Remakes the thumbnail of {@code ownerId} (the book itself, or its series or library) from page
     * {@code page} of the book, with the options of the book's library (the defaults when it has none).
     */
    void remake(String ownerId, MediaRow m, int page) throws IOException {
        ThumbnailConfig base = libraries.thumbnailConfig(m.libraryId);
        if (base == null) {
            base = ThumbnailService.DEFAULT;
        }
        ThumbnailConfig config = new ThumbnailConfig(base.resizeOptions(), base.format(), base.quality(), page);
        try (Book book = Books.open(files.file(m), MediaLimits.DEFAULT)) {
            thumbnails.make(ownerId, book, config);
        } catch (BookException e) {
            throw ApiException.notFound("No thumbnail: " + e.getMessage());
        }
    }

    /** The 1-based page a request names ({@code page + 1} when zero-based); 400 when the book has no such page. */
    static int page(Integer page, Boolean zeroBased, MediaRow m) {
        int p = Boolean.TRUE.equals(zeroBased) ? page + 1 : page;
        if (p < 1 || p > m.pages) {
            throw ApiException.badRequest("page must be between " + (Boolean.TRUE.equals(zeroBased) ? "0 and " + (m.pages - 1)
                    : "1 and " + m.pages));
        }
        return p;
    }

    /**
     * Makes a page of one of a series' or library's books the thumbnail of that series or library
     * ({@code ownerId}), and answers it. 400 when the book is unknown, hidden from the viewer or not
     * {@code owner}'s ({@code belongs}), or has no such page.
     */
    Response setFromBook(Viewer viewer, String ownerId, BookPageThumbnailDto body, Predicate<MediaRow> belongs, String owner,
                         Request request) throws IOException {
        if (body == null || body.mediaId() == null || body.page() == null) {
            throw ApiException.badRequest("A JSON body {media_id, page} is required");
        }
        MediaRow m = media.find(viewer, body.mediaId()).filter(belongs)
                .orElseThrow(() -> ApiException.badRequest("media_id must be a book of this " + owner));
        if (!"READY".equals(m.status)) {
            throw ApiException.badRequest("The book cannot be read (" + m.status + ")");
        }
        remake(ownerId, m, page(body.page(), body.isZeroBased(), m));
        return serveOwn(ownerId, () -> m, request);
    }

    /** The thumbnail set for a series or library ({@code ownerId}) if there is one, else {@code fallback}'s. */
    Response serveOwn(String ownerId, Supplier<MediaRow> fallback, Request request) throws IOException {
        Optional<ThumbnailService.Stored> own = thumbnails.find(ownerId);
        if (own.isPresent()) {
            try {
                return serveStored(ownerId, own.get(), request, "", UnaryOperator.identity());
            } catch (NoSuchFileException removedMeanwhile) {
                // a DELETE of the library's thumbnails got there first: fall back as if it never existed
            }
        }
        return serve(fallback.get(), request);
    }

    Response serve(MediaRow m, Request request) throws IOException {
        return serve(m, request, "", UnaryOperator.identity());
    }

    /**
     * The book's thumbnail, made on first request, with conditional GET.
     *
     * @param tagPrefix distinguishes the entity tags of converted answers from the stored file's
     * @param convert   what the stored image becomes before it is sent (OPDS: no WebP)
     */
    public Response serve(MediaRow m, Request request, String tagPrefix, UnaryOperator<PageData> convert) throws IOException {
        if (!"READY".equals(m.status)) {
            throw ApiException.notFound("The book cannot be read (" + m.status + ")");
        }
        ThumbnailService.Stored t;
        try {
            t = thumbnails.findOrMake(m.id, files.file(m), libraries.thumbnailConfig(m.libraryId));
        } catch (BookException e) {
            throw ApiException.notFound("No thumbnail: " + e.getMessage());
        }
        return serveStored(m.id, t, request, tagPrefix, convert);
    }

    private static Response serveStored(String ownerId, ThumbnailService.Stored t, Request request, String tagPrefix,
                                        UnaryOperator<PageData> convert) throws IOException {
        long modified = Files.getLastModifiedTime(t.file()).toMillis();
        EntityTag etag = new EntityTag(tagPrefix + ownerId + "-" + Long.toHexString(modified));
        Date lastModified = new Date(modified / 1000 * 1000);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(lastModified, etag);
        if (notModified != null) {
            return notModified.tag(etag).build();
        }
        PageData data = convert.apply(new PageData(Files.readAllBytes(t.file()), t.mediaType()));
        return Response.ok(data.bytes(), data.mediaType()).tag(etag).lastModified(lastModified)
                .header("Cache-Control", "private, max-age=86400").build();
    }
}
