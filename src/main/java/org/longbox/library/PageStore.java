package org.longbox.library;

import org.longbox.media.Book;
import org.longbox.media.BookException;
import org.longbox.media.Books;
import org.longbox.media.Images;
import org.longbox.media.MediaLimits;
import org.longbox.media.StoredPage;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Viewer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * The short way to a page. Reading apps fetch pages far more often than anything else, and the
 * usual page (unscaled, stored uncompressed in a CBZ or CBR) needs neither SQL nor parsing once
 * it is known where the page lies: this keeps that, so such a request costs one stat and one
 * positional read of the book's file. Whatever it cannot answer with certainty (a book the viewer
 * may not see, errors, compressed entries, rendered pages, a file changed since its scan) it leaves
 * to {@link BookFiles#page}, which gives the same bytes and headers, only slower.
 *
 * <p>Freshness: which books a viewer may see is remembered for {@link #VISIBLE_FOR_NANOS} and
 * forgotten at once when this node changes a library or scans ({@link ContentVersion}); another
 * node's change is seen within that time, as with sessions. A book's file is stat'ed on every
 * request (a changed size or time sends the request the slow way) and its real path inside the
 * library is checked again every {@link #RECHECK_PATH_NANOS}; the bytes are checked against the
 * archive's CRC on every read.
 */
public final class PageStore {
    static final long VISIBLE_FOR_NANOS = 2_000_000_000L;
    static final long RECHECK_PATH_NANOS = 30_000_000_000L;
    /** Entries kept before starting afresh: bounds memory whatever the number of users and books. */
    private static final int MAX_ENTRIES = 50_000;

    private final MediaService media;
    private final BookFiles files;
    private final MediaLimits limits;
    private final ContentVersion version;
    private final Map<Key, Seen> seen = new ConcurrentHashMap<>();
    private final Map<String, Index> indexes = new ConcurrentHashMap<>();

    public PageStore(MediaService media, BookFiles files, MediaLimits limits, ContentVersion version) {
        this.media = media;
        this.files = files;
        this.limits = limits;
        this.version = version;
    }

    /** A page as served: the same bytes and validators as the ordinary path. */
    public record Served(byte[] bytes, String mediaType, String etag, long lastModified) {
    }

    private record Key(Viewer viewer, String mediaId) {
    }

    private record Seen(MediaRow row, long version, long until) {
    }

    /** Where each page lies in the file as it was when looked at; null for a page not stored plainly. */
    private record Index(Path file, long size, long modified, StoredPage[] pages, long checked) {
    }

    /**
     * Page {@code n} (1-based, unscaled) of the book, when the short way can answer; empty
     * otherwise, including for every error, which the ordinary path then reports.
     */
    public Optional<Served> page(Viewer viewer, String mediaId, int n) {
        long now = System.nanoTime();
        MediaRow row = visible(viewer, mediaId, now);
        if (row == null || n < 1 || n > row.pages || !row.pagesAreImages || !FileStatus.READY.name().equals(row.status)) {
            return Optional.empty();
        }
        Index index = index(row, now);
        if (index == null) {
            return Optional.empty();
        }
        StoredPage where = index.pages[n - 1];
        if (where == null) {
            return Optional.empty();
        }
        byte[] bytes = read(index.file, where);
        String type = bytes == null ? null : Images.sniff(bytes);
        if (type == null) {
            return Optional.empty();
        }
        return Optional.of(new Served(bytes, type, etag(row, n, null, null), lastModified(row)));
    }

    /** The page's entity tag, unquoted; the same for both ways of serving it. */
    public static String etag(MediaRow m, int page, Integer width, Integer height) {
        return Integer.toHexString((m.id + m.fileModifiedAt + m.size + "/" + page + "/" + width + "x" + height).hashCode());
    }

    /** The page's Last-Modified: the file's time, to the second. */
    public static long lastModified(MediaRow m) {
        return m.fileModifiedAt / 1000 * 1000;
    }

    public static Date lastModifiedDate(MediaRow m) {
        return new Date(lastModified(m));
    }

    private MediaRow visible(Viewer viewer, String mediaId, long now) {
        Key key = new Key(viewer, mediaId);
        long current = version.current();
        Seen s = seen.get(key);
        if (s != null && s.version == current && now - s.until < 0) {
            return s.row;
        }
        MediaRow row;
        try {
            row = media.get(viewer, mediaId);
        } catch (ApiException e) {
            seen.remove(key);
            return null;
        }
        if (seen.size() >= MAX_ENTRIES) {
            seen.clear();
        }
        seen.put(key, new Seen(row, current, now + VISIBLE_FOR_NANOS));
        return row;
    }

    private Index index(MediaRow row, long now) {
        Index index = indexes.get(row.id);
        if (index != null && now - index.checked < RECHECK_PATH_NANOS && index.size == row.size
                && index.modified == row.fileModifiedAt && unchanged(index)) {
            return index;
        }
        indexes.remove(row.id);
        index = build(row, now);
        if (index != null) {
            if (indexes.size() >= MAX_ENTRIES) {
                indexes.clear();
            }
            indexes.put(row.id, index);
        }
        return index;
    }

    private static boolean unchanged(Index index) {
        try {
            BasicFileAttributes a = Files.readAttributes(index.file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() && a.size() == index.size && a.lastModifiedTime().toMillis() == index.modified;
        } catch (IOException e) {
            return false;
        }
    }

    /** Null when the book is not exactly as its scan found it, or cannot be opened: the ordinary path explains. */
    private Index build(MediaRow row, long now) {
        Path file;
        try {
            file = files.file(row);
        } catch (ApiException e) {
            return null;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.size() != row.size || a.lastModifiedTime().toMillis() != row.fileModifiedAt) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        try (Book book = Books.open(file, limits)) {
            if (book.pageCount() != row.pages || !book.pagesAreImages()) {
                return null;
            }
            StoredPage[] pages = new StoredPage[row.pages];
            for (int i = 0; i < pages.length; i++) {
                pages[i] = book.storedPage(i + 1).orElse(null);
            }
            return new Index(file, row.size, row.fileModifiedAt, pages, now);
        } catch (BookException | RuntimeException e) {
            return null;
        }
    }

    /** The page's bytes when the file holds them intact (the archive's CRC agrees); else null. */
    private static byte[] read(Path file, StoredPage where) {
        ByteBuffer buffer = ByteBuffer.allocate(where.length());
        try (FileChannel ch = FileChannel.open(file)) {
            while (buffer.hasRemaining()) {
                if (ch.read(buffer, where.offset() + buffer.position()) < 0) {
                    return null;
                }
            }
        } catch (IOException e) {
            return null;
        }
        byte[] bytes = buffer.array();
        if (where.crc() >= 0) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            if (crc.getValue() != where.crc()) {
                return null;
            }
        }
        return bytes;
    }
}
