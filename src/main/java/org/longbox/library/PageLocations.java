package org.longbox.library;

import org.longbox.media.Book;
import org.longbox.media.BookException;
import org.longbox.media.Books;
import org.longbox.media.Images;
import org.longbox.media.MediaLimits;
import org.longbox.media.PageData;
import org.longbox.media.StoredPage;
import org.longbox.server.errors.ApiException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * Where each page of a book lies in its file, for pages stored uncompressed (the usual CBZ and
 * CBR): found once per book by opening it, then a page is one positional read, without opening the
 * archive again. A book's file is stat'ed on every read (a size or time other than its scan found
 * means "ask the book itself"), its real path inside the library is checked again every
 * {@link #RECHECK_PATH_NANOS}, and the bytes must match the archive's CRC, so nothing stale or
 * damaged is ever served from here: in any doubt the answer is empty and the caller opens the book.
 */
final class PageLocations {
    static final long RECHECK_PATH_NANOS = 30_000_000_000L;
    /** Books kept before starting afresh: bounds memory whatever the size of the collection. */
    private static final int MAX_BOOKS = 50_000;

    private final Function<Media, Path> files;
    private final MediaLimits limits;
    private final Map<String, Index> indexes = new ConcurrentHashMap<>();

    /** @param files the book's real file inside its library; throws ApiException when there is none */
    PageLocations(Function<Media, Path> files, MediaLimits limits) {
        this.files = files;
        this.limits = limits;
    }

    /** Null entries: pages not stored plainly. */
    private record Index(Path file, long size, long modified, StoredPage[] pages, long checked) {
    }

    /** Page {@code n} of a READY book read straight from its file, or empty when that cannot be done with certainty. */
    Optional<PageData> read(Media m, int n) {
        if (n < 1 || n > m.pages() || !m.pagesAreImages() || !m.readable()) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Index index = indexes.get(m.id());
        if (index == null || now - index.checked >= RECHECK_PATH_NANOS || index.size != m.size()
                || index.modified != m.fileModifiedAt() || !unchanged(index)) {
            indexes.remove(m.id());
            index = build(m, now);
            if (index == null) {
                return Optional.empty();
            }
            if (indexes.size() >= MAX_BOOKS) {
                indexes.clear();
            }
            indexes.put(m.id(), index);
        }
        StoredPage where = index.pages[n - 1];
        byte[] bytes = where == null ? null : bytes(index.file, where);
        String type = bytes == null ? null : Images.sniff(bytes);
        return type == null ? Optional.empty() : Optional.of(new PageData(bytes, type));
    }

    private static boolean unchanged(Index index) {
        try {
            BasicFileAttributes a = Files.readAttributes(index.file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() && a.size() == index.size && a.lastModifiedTime().toMillis() == index.modified;
        } catch (IOException e) {
            return false;
        }
    }

    /** Null when the book is not exactly as its scan found it, or cannot be opened. */
    private Index build(Media m, long now) {
        Path file;
        try {
            file = files.apply(m);
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.size() != m.size() || a.lastModifiedTime().toMillis() != m.fileModifiedAt()) {
                return null;
            }
        } catch (ApiException | IOException e) {
            return null;
        }
        try (Book book = Books.open(file, limits)) {
            if (book.pageCount() != m.pages() || !book.pagesAreImages()) {
                return null;
            }
            StoredPage[] pages = new StoredPage[m.pages()];
            for (int i = 0; i < pages.length; i++) {
                pages[i] = book.storedPage(i + 1).orElse(null);
            }
            return new Index(file, m.size(), m.fileModifiedAt(), pages, now);
        } catch (BookException | RuntimeException e) {
            return null;
        }
    }

    /** The bytes when the file holds them intact (the archive's CRC agrees); else null. */
    private static byte[] bytes(Path file, StoredPage where) {
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
