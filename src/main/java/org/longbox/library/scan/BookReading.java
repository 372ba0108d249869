package org.longbox.library.scan;

import org.longbox.library.AgeRatings;
import org.longbox.library.FileStatus;
import org.longbox.library.MediaRow;
import org.longbox.library.SortKeys;
import org.longbox.media.Book;
import org.longbox.media.BookException;
import org.longbox.media.BookMetadata;
import org.longbox.media.Books;
import org.longbox.media.MediaLimits;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One book file read into a {@link MediaRow}. A file that cannot be read becomes a row with status
 * ERROR and the reason, never an exception that stops the scan.
 */
final class BookReading {
    private static final Logger LOG = Logger.getLogger(BookReading.class.getName());

    /** What the scan wants besides the basics. */
    record Wants(boolean metadata, boolean fileHash, boolean koreaderHash) {
    }

    private BookReading() {
    }

    /**
     * @param afterOpen called with the open book before it closes (thumbnails), may be null
     */
    static MediaRow read(LibraryWalk.Found file, MediaLimits limits, Wants wants, Consumer<Book> afterOpen) {
        MediaRow row = new MediaRow();
        String fileName = file.path().getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        row.name = dot > 0 ? fileName.substring(0, dot) : fileName;
        row.nameKey = row.name.toLowerCase(Locale.ROOT);
        row.sortKey = SortKeys.of(row.name);
        row.extension = dot > 0 ? fileName.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        row.path = file.path().toString();
        row.size = file.size();
        row.fileModifiedAt = file.modifiedAt();
        try (Book book = Books.open(file.path(), limits)) {
            row.contentFormat = book.format().name();
            row.pages = book.pageCount();
            row.pagesAreImages = book.pagesAreImages();
            if (wants.metadata()) {
                apply(row, book.metadata());
            }
            PageCheck.Result pages = PageCheck.of(book, limits);
            row.pageTypes = pages.types();
            row.scannedDimensions = pages.dimensions();
            if (afterOpen != null) {
                afterOpen.accept(book);
            }
            if (wants.fileHash()) {
                row.hash = FileHashes.sampled(file.path());
            }
            if (wants.koreaderHash()) {
                row.koreaderHash = FileHashes.koreader(file.path());
            }
            if (row.pages <= 0) {
                return error(row, "The book has no pages");
            }
            row.status = FileStatus.READY;
            return row;
        } catch (BookException e) {
            return error(row, e.getMessage());
        } catch (IOException e) {
            return error(row, "Cannot read the file: " + e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.log(Level.WARNING, "Unexpected failure reading " + file.path(), e);
            return error(row, "Unexpected failure reading the book: " + e.getClass().getSimpleName());
        }
    }

    private static MediaRow error(MediaRow row, String reason) {
        row.status = FileStatus.ERROR;
        row.errorReason = reason == null ? "Unreadable" : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        return row;
    }

    static void apply(MediaRow row, BookMetadata m) {
        row.title = clip(m.title(), 1024);
        row.seriesName = clip(m.series(), 1024);
        row.number = m.number();
        row.volume = m.volume();
        row.summary = clip(m.summary(), 8000);
        row.notes = clip(m.notes(), 4000);
        row.ageRatingText = clip(m.ageRating(), 64);
        row.ageRating = AgeRatings.parse(m.ageRating());
        row.releaseYear = m.year();
        row.releaseMonth = m.month();
        row.releaseDay = m.day();
        row.publisher = clip(m.publisher(), 512);
        row.language = clip(m.language(), 64);
        row.writers = join(m.writers(), 2000);
        row.pencillers = join(m.pencillers(), 2000);
        row.inkers = join(m.inkers(), 2000);
        row.colorists = join(m.colorists(), 2000);
        row.letterers = join(m.letterers(), 2000);
        row.coverArtists = join(m.coverArtists(), 2000);
        row.editors = join(m.editors(), 2000);
        row.genres = join(m.genres(), 2000);
        row.characters = join(m.characters(), 4000);
        row.teams = join(m.teams(), 2000);
        row.links = join(m.links(), 4000);
        row.pageCount = m.pageCount();
    }

    private static String join(List<String> values, int max) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            String clean = v.replace('\n', ' ').trim();
            if (clean.isEmpty()) {
                continue;
            }
            if (sb.length() + clean.length() + 1 > max) {
                break;
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(clean);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static String clip(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        return t.length() <= max ? t : t.substring(0, max);
    }
}
