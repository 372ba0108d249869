package org.longbox.opds;

import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.longbox.http.ThumbnailAnswers;
import org.longbox.library.BookFiles;
import org.longbox.library.Media;
import org.longbox.library.MediaService;
import org.longbox.library.PageStore;
import org.longbox.library.PageTypes;
import org.longbox.library.ThumbnailService;
import org.longbox.media.BookException;
import org.longbox.media.Images;
import org.longbox.media.MediaLimits;
import org.longbox.media.PageData;
import org.longbox.reading.ProgressService;
import org.longbox.server.errors.ApiException;
import org.longbox.server.web.ConditionalGet;
import org.longbox.server.web.FileResponder;
import org.longbox.user.Viewer;

import java.io.IOException;

/**
 * A book's images and file for reading apps, for books they can open only (READY; others are 404,
 * as they are in no feed). Every image is JPEG, PNG or GIF, the type the feeds
 * declared for it: WebP pages are converted, because many apps show nothing else, and a page in
 * another type than declared (a PNG page in a JPEG book) is too. Thumbnails are always JPEG.
 */
public final class OpdsMedia {
    private final MediaService media;
    private final BookFiles files;
    private final ThumbnailService thumbnails;
    private final ProgressService progress;
    private final MediaLimits limits;

    public OpdsMedia(MediaService media, BookFiles files, ThumbnailService thumbnails, ProgressService progress,
                     MediaLimits limits) {
        this.media = media;
        this.files = files;
        this.thumbnails = thumbnails;
        this.progress = progress;
        this.limits = limits;
    }

    /** Which type a page is served in: the one the feed declared for it. */
    public enum As {
        /** The book's single streaming type (OPDS 1.2 page streaming declares one type for every page). */
        STREAM,
        /** The page's own type (links to one page: OPDS 1.2 cover, OPDS 2.0 reading order). */
        PAGE
    }

    /**
     * Page {@code number} (1-based), at most {@code maxWidth} wide when given, in the type the feeds
     * declare for it ({@link OpdsBooks#streamType}, {@link OpdsBooks#pageType}), converted when it is
     * in another. With {@code record}, the reader's progress moves to this page and the last page
     * finishes the book, as Stump does.
     */
    public Response page(Viewer viewer, String id, int number, Integer maxWidth, As as, boolean record, Request request) {
        Media m = media.getReadable(viewer, id);
        if (!OpdsBooks.streamable(m)) {
            throw ApiException.badRequest("This book has no pages to stream; download it instead");
        }
        String type = as == As.STREAM ? OpdsBooks.streamType(m) : OpdsBooks.pageType(m, number);
        // converted pages differ from the REST API's: their own tags, by type
        String etag = "o" + PageTypes.letter(type) + PageStore.etag(m, number, maxWidth, null);
        long modified = PageStore.lastModified(m);
        Response notModified = ConditionalGet.notModified(request, etag, modified);
        PageData data = notModified != null ? null : convert(files.page(m, number, maxWidth, null), type);
        if (record) {
            progress.update(viewer, id, new ProgressService.Update(number, null, null, null, null));
        }
        if (notModified != null) {
            return notModified;
        }
        return ConditionalGet.image(data.bytes(), data.mediaType(), etag, modified, "private, max-age=86400");
    }

    public Response thumbnail(Viewer viewer, String id, Request request) throws IOException {
        // always JPEG, the type the feeds declare (thumbnails are small: converting a PNG one is cheap)
        return ThumbnailAnswers.answer(thumbnails.ofBook(media.getReadable(viewer, id)), request, "t", p -> convert(p, "image/jpeg"));
    }

    public Response file(Viewer viewer, String id, String range, String ifRange, Request request) throws IOException {
        BookFiles.Download d = files.download(media.getReadable(viewer, id));
        return FileResponder.serve(request, range, ifRange, d.file(), d.mediaType(), d.fileName());
    }

    private PageData convert(PageData page, String type) {
        try {
            return Images.as(Images.toLegacy(page, limits), type, limits);
        } catch (BookException e) {
            throw ApiException.notFound("The page cannot be converted: " + e.getMessage());
        }
    }

    /** maxWidth from a reading app: a positive number, or ignored (apps may leave the template unfilled). */
    static Integer width(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            int w = Integer.parseInt(raw.trim());
            return w >= 1 ? Math.min(w, BookFiles.MAX_SCALE_EDGE) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
