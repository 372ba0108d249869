package org.longbox.library;

import org.longbox.library.jobs.JobService;
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
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which thumbnail a book, series or library has, for the REST API and the OPDS catalogs alike: a
 * book's own (made from its first page on first request, or by a scan or a job), and for a series
 * or library the one set for it from a page of one of its books, else its first book's. The files
 * themselves are kept by {@link ThumbnailStore}.
 */
public final class ThumbnailService {
    private final ThumbnailStore store;
    private final LibraryService libraries;
    private final MediaService media;
    private final BookFiles files;
    private final JobService jobs;
    private final MediaLimits limits;

    public ThumbnailService(ThumbnailStore store, LibraryService libraries, MediaService media, BookFiles files,
                            JobService jobs, MediaLimits limits) {
        this.store = store;
        this.libraries = libraries;
        this.media = media;
        this.files = files;
        this.jobs = jobs;
        this.limits = limits;
    }

    /**
     * A thumbnail as served: its image, when its file last changed, and whose it is (a book's, or a
     * series' or library's own), which with the time makes its entity tag.
     */
    public record Thumbnail(String ownerId, long modifiedAt, PageData image) {
    }

    /** The book's thumbnail, made now when it has none; 404 when the book cannot be read. */
    public Thumbnail ofBook(Media m) throws IOException {
        if (!m.readable()) {
            throw ApiException.notFound("The book cannot be read (" + m.status() + ")");
        }
        ThumbnailStore.Stored t;
        try {
            t = store.findOrMake(m.id(), files.file(m), libraries.thumbnailConfig(m.libraryId()));
        } catch (BookException e) {
            throw ApiException.notFound("No thumbnail: " + e.getMessage());
        }
        return read(m.id(), t);
    }

    /**
     * The series' own thumbnail if one was set from a book the viewer may see, else its first
     * readable book the viewer may see; 404 when it has none.
     */
    public Thumbnail ofSeries(Viewer viewer, Series series) throws IOException {
        return ownOr(viewer, series.id(), () -> firstBook(viewer, null, series.id()));
    }

    /**
     * The library's own thumbnail if one was set from a book the viewer may see, else its first
     * readable book the viewer may see; 404 when it has none.
     */
    public Thumbnail ofLibrary(Viewer viewer, Library library) throws IOException {
        return ownOr(viewer, library.id(), () -> firstBook(viewer, library.id(), null));
    }

    /** Remakes the book's thumbnail from page {@code page} ({@code zeroBased}: page 0 is the first); 400 for a page it lacks. */
    public Thumbnail remakeForBook(Media m, Integer page, Boolean zeroBased) throws IOException {
        remake(m, page(page, zeroBased, m));
        return ofBook(m);
    }

    /**
     * Makes a page of one of the series' books its own thumbnail. 400 when the book is unknown,
     * hidden from the viewer or of another series, or has no such page.
     */
    public Thumbnail setForSeries(Viewer viewer, Series series, String mediaId, Integer page, Boolean zeroBased)
            throws IOException {
        return setOwn(viewer, series.id(), mediaId, page, zeroBased, m -> series.id().equals(m.seriesId()), "series");
    }

    /**
     * Makes a page of one of the library's books its own thumbnail. 400 when the book is unknown,
     * hidden from the viewer or of another library, or has no such page.
     */
    public Thumbnail setForLibrary(Viewer viewer, Library library, String mediaId, Integer page, Boolean zeroBased)
            throws IOException {
        return setOwn(viewer, library.id(), mediaId, page, zeroBased, m -> library.id().equals(m.libraryId()), "library");
    }

    /**
     * Queues a job that makes thumbnails for the library's readable books: those without one, or
     * every one when {@code force}. {@code config} null: the library's own options. Returns the job's id.
     */
    public String generate(Viewer viewer, String libraryId, ThumbnailConfig config, boolean force) {
        Library library = libraries.get(viewer, libraryId);
        ThumbnailConfig options = config != null ? config : library.config().thumbnailConfig();
        if (config != null) {
            libraries.checkThumbnailConfig(config);
        }
        return jobs.submit("thumbnails:" + libraryId, "ThumbnailGeneration", "Making thumbnails for " + library.name(),
                libraryId, ctx -> "Thumbnails made: " + store.makeAll(media.readyBooks(libraryId), files::file, options, force, ctx));
    }

    /** Deletes every thumbnail of the library (its own, its series' and its books'); returns how many files went. */
    public int deleteAll(Viewer viewer, String libraryId) {
        return store.delete(libraries.contents(viewer, libraryId));
    }

    private Thumbnail setOwn(Viewer viewer, String ownerId, String mediaId, Integer page, Boolean zeroBased,
                             Predicate<Media> belongs, String owner) throws IOException {
        if (mediaId == null || page == null) {
            throw ApiException.badRequest("A JSON body {media_id, page} is required");
        }
        Media m = media.find(viewer, mediaId).filter(belongs)
                .orElseThrow(() -> ApiException.badRequest("media_id must be a book of this " + owner));
        if (!m.readable()) {
            throw ApiException.badRequest("The book cannot be read (" + m.status() + ")");
        }
        remakeOwn(ownerId, m, page(page, zeroBased, m));
        return ownOr(viewer, ownerId, () -> m);
    }

    /** Supplies the book whose thumbnail stands in for a series or library without one of its own. */
    private interface Fallback {
        Media book();
    }

    /**
     * The own thumbnail of a series or library when the viewer may see the book it was made from,
     * else the fallback book's. One whose book is not on record (made by an older version, or being
     * remade this moment) is shown only to viewers without an age restriction: everyone who may see
     * a series or library sees every book of it unless their age restriction hides some.
     */
    private Thumbnail ownOr(Viewer viewer, String ownerId, Fallback fallback) throws IOException {
        Optional<ThumbnailStore.Own> own = store.findOwn(ownerId);
        if (own.isPresent()) {
            String source = own.get().sourceId();
            boolean visible = source == null ? viewer.unrestricted() || viewer.maxAge() == null
                    : media.find(viewer, source).isPresent();
            if (visible) {
                return new Thumbnail(ownerId, own.get().modifiedAt(), own.get().image());
            }
        }
        return ofBook(fallback.book());
    }

    /** The first readable book, in name order, of a series or (seriesId null) a library. */
    private Media firstBook(Viewer viewer, String libraryId, String seriesId) {
        MediaService.Filter f = new MediaService.Filter(libraryId, seriesId, null, null, null, null, null, null, null, null,
                null, null, List.of(FileStatus.READY.name()), null, null);
        var page = media.list(viewer, f, PageRequest.of(1, 1, false, null, null));
        if (page.items().isEmpty()) {
            throw ApiException.notFound("No readable book to take a thumbnail from");
        }
        return page.items().get(0);
    }

    /**
     * Remakes the book's thumbnail from page {@code page} of it, with the options of the book's
     * library (the defaults when it has none).
     */
    private void remake(Media m, int page) throws IOException {
        try (Book book = Books.open(files.file(m), limits)) {
            store.make(m.id(), book, pageConfig(m, page));
        } catch (BookException e) {
            throw ApiException.notFound("No thumbnail: " + e.getMessage());
        }
    }

    /** Remakes the own thumbnail of a series or library from page {@code page} of the book, recording the book. */
    private void remakeOwn(String ownerId, Media m, int page) throws IOException {
        try (Book book = Books.open(files.file(m), limits)) {
            store.makeOwn(ownerId, m.id(), book, pageConfig(m, page));
        } catch (BookException e) {
            throw ApiException.notFound("No thumbnail: " + e.getMessage());
        }
    }

    private ThumbnailConfig pageConfig(Media m, int page) {
        ThumbnailConfig base = libraries.thumbnailConfig(m.libraryId());
        if (base == null) {
            base = ThumbnailStore.DEFAULT;
        }
        return new ThumbnailConfig(base.resizeOptions(), base.format(), base.quality(), page);
    }

    /** The 1-based page a request names ({@code page + 1} when zero-based); 400 when the book has no such page. */
    private static int page(Integer page, Boolean zeroBased, Media m) {
        if (page == null) {
            throw ApiException.badRequest("A JSON body {page} is required");
        }
        boolean zb = Boolean.TRUE.equals(zeroBased);
        int p = zb ? page + 1 : page;
        if (p < 1 || p > m.pages()) {
            throw ApiException.badRequest("page must be between " + (zb ? "0 and " + (m.pages() - 1) : "1 and " + m.pages()));
        }
        return p;
    }

    private static Thumbnail read(String ownerId, ThumbnailStore.Stored t) throws IOException {
        long modified = Files.getLastModifiedTime(t.file()).toMillis();
        return new Thumbnail(ownerId, modified, new PageData(Files.readAllBytes(t.file()), t.mediaType()));
    }
}
