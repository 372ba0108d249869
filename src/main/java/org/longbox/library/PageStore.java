package org.longbox.library;

import org.longbox.media.PageData;
import org.longbox.user.Viewer;

import java.util.Optional;

/**
 * The short way to a page. Reading apps fetch pages far more often than anything else, and the
 * usual page (unscaled, stored uncompressed in a CBZ or CBR) needs neither SQL nor archive parsing
 * once it is known who may see the book and where the page lies ({@link BookFiles#storedPage}).
 * Whatever this cannot answer with certainty (a book the viewer may not see, errors, compressed
 * entries, rendered pages, a file changed since its scan) it leaves to {@link BookFiles#page},
 * which gives the same bytes and headers.
 *
 * <p>Which books a viewer may see is remembered for {@link #VISIBLE_FOR_NANOS} and forgotten at
 * once when this node changes a library or scans ({@link ContentVersion}); another node's change
 * is seen within that time, as with sessions.
 */
public final class PageStore {
    static final long VISIBLE_FOR_NANOS = 2_000_000_000L;
    /** Entries kept before starting afresh: bounds memory whatever the number of users and books. */
    private static final int MAX_ENTRIES = 50_000;

    private final MediaService media;
    private final BookFiles files;
    private final ContentCache<Key, Media> visible;

    public PageStore(MediaService media, BookFiles files, ContentVersion version) {
        this.media = media;
        this.files = files;
        this.visible = new ContentCache<>(version, VISIBLE_FOR_NANOS, 2 * MAX_ENTRIES, MAX_ENTRIES, row -> 1,
                key -> key.mediaId().length());
    }

    /** A page as served: the same bytes and validators as the ordinary path. */
    public record Served(byte[] bytes, String mediaType, String etag, long lastModified) {
    }

    private record Key(Viewer viewer, String mediaId) {
    }

    /**
     * Page {@code n} (1-based, unscaled) of the book, when the short way can answer; empty
     * otherwise, including for every error, which the ordinary path then reports.
     */
    public Optional<Served> page(Viewer viewer, String mediaId, int n) {
        Media row = visible(viewer, mediaId);
        if (row == null) {
            return Optional.empty();
        }
        Optional<PageData> page = files.storedPage(row, n);
        return page.map(p -> new Served(p.bytes(), p.mediaType(), etag(row, n, null, null), lastModified(row)));
    }

    /** The page's entity tag, unquoted; the same for both ways of serving it. */
    public static String etag(Media m, int page, Integer width, Integer height) {
        return Integer.toHexString((m.id() + m.fileModifiedAt() + m.size() + "/" + page + "/" + width + "x" + height).hashCode());
    }

    /** The page's Last-Modified: the file's time, to the second. */
    public static long lastModified(Media m) {
        return m.fileModifiedAt() / 1000 * 1000;
    }

    /** The book when the viewer may see it; null otherwise (the ordinary path then answers 404). */
    private Media visible(Viewer viewer, String mediaId) {
        return visible.get(new Key(viewer, mediaId), () -> media.find(viewer, mediaId).orElse(null));
    }
}
