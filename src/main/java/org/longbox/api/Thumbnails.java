package org.longbox.api;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
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
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/** Serving thumbnails of books, and of series and libraries through their first book. */
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

    /** Remakes the book's thumbnail from page {@code page} with the library's options. */
    void remake(MediaRow m, int page) throws IOException {
        ThumbnailConfig base = libraries.thumbnailConfig(m.libraryId);
        ThumbnailConfig config = base == null
                ? new ThumbnailConfig(new ThumbnailConfig.Resize(ThumbnailConfig.Mode.Sized, ThumbnailService.DEFAULT_BOX[0],
                ThumbnailService.DEFAULT_BOX[1]), ThumbnailConfig.Format.Jpeg, 80, page)
                : new ThumbnailConfig(base.resizeOptions(), base.format(), base.quality(), page);
        try (Book book = Books.open(files.file(m), MediaLimits.DEFAULT)) {
            thumbnails.make(m.id, book, config);
        } catch (BookException e) {
            throw ApiException.notFound("No thumbnail: " + e.getMessage());
        }
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
        long modified = Files.getLastModifiedTime(t.file()).toMillis();
        EntityTag etag = new EntityTag(tagPrefix + m.id + "-" + Long.toHexString(modified));
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
