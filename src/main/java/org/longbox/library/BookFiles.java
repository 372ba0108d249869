package org.longbox.library;

import org.longbox.media.Book;
import org.longbox.media.BookException;
import org.longbox.media.BookFormat;
import org.longbox.media.Books;
import org.longbox.media.Dimensions;
import org.longbox.media.ImageFormat;
import org.longbox.media.Images;
import org.longbox.media.MediaLimits;
import org.longbox.media.PageData;
import org.longbox.server.database.Database;
import org.longbox.server.errors.ApiException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A book's file and pages. The file is only ever served from inside its library's folder: the
 * real path (symbolic links resolved) must still lie under the library's real path, and that
 * inside the library roots.
 */
public final class BookFiles {
    public static final int MAX_SCALE_EDGE = 4000;

    private final Database db;
    private final MediaLimits limits;
    private final PageLocations locations;
    private final LibraryRoots roots;

    public BookFiles(Database db, MediaLimits limits, LibraryRoots roots) {
        this.db = db;
        this.limits = limits;
        this.roots = roots;
        this.locations = new PageLocations(this::file, limits);
    }

    /**
     * Page {@code n} read straight from the book's file, when it is stored there uncompressed and
     * the file is exactly as its scan found it; empty otherwise (then {@link #page} opens the book).
     */
    public Optional<PageData> storedPage(Media m, int n) {
        return locations.read(m, n);
    }

    /**
     * A book's file as it is downloaded: where it is, the media type of its format (its content's,
     * as the scan found it) and the name it is offered under ({@link Media#downloadName}).
     */
    public record Download(Path file, String mediaType, String fileName) {
    }

    /** The book's file to download, typed by its content's format; 404 when it is gone or has moved outside its library. */
    public Download download(Media m) {
        Path file = file(m);
        String type = m.format().map(BookFormat::mediaType).orElse("application/octet-stream");
        return new Download(file, type, m.downloadName());
    }

    /** The book's file on disk; 404 when it is gone or has moved outside its library. */
    public Path file(Media m) {
        LibraryRow library = db.auto(s -> s.getMapper(LibraryMapper.class).findById(m.libraryId()));
        if (library == null) {
            throw ApiException.notFound("No book with id " + m.id());
        }
        try {
            Path real = Path.of(m.path()).toRealPath();
            Path root = Path.of(library.path).toRealPath();
            if (!real.startsWith(root) || !Files.isRegularFile(real)) {
                throw ApiException.notFound("The book's file is not in its library any more");
            }
            if (!roots.contain(root)) {
                throw ApiException.notFound("The book's library is outside the library folders this server allows");
            }
            return real;
        } catch (NoSuchFileException e) {
            throw ApiException.notFound("The book's file is missing; rescan the library");
        } catch (IOException e) {
            throw ApiException.notFound("The book's file cannot be read");
        }
    }

    /**
     * Page {@code n} (1-based) in its own format, or scaled to fit within width x height (either may
     * be null) as JPEG (PNG stays PNG). 400 for a page out of range, 404 for a book that cannot be read.
     */
    public PageData page(Media m, int n, Integer width, Integer height) {
        requireReadable(m);
        if (n < 1 || n > m.pages()) {
            throw ApiException.badRequest("page must be between 1 and " + m.pages());
        }
        if (!m.pagesAreImages()) {
            throw ApiException.badRequest("This book's pages are text, not images; download the book to read it");
        }
        checkEdge("width", width);
        checkEdge("height", height);
        try {
            PageData page = storedPage(m, n).orElse(null);
            if (page == null) {
                try (Book book = Books.open(file(m), limits)) {
                    if (n > book.pageCount()) {
                        throw ApiException.notFound("The book has changed since it was scanned; rescan the library");
                    }
                    page = book.page(n);
                }
            }
            return fit(page, width, height);
        } catch (BookException e) {
            throw ApiException.notFound("The page cannot be read: " + e.getMessage());
        }
    }

    /** The page scaled to fit the box (JPEG, or PNG for PNG); as it is when it fits already or no box is given. */
    private PageData fit(PageData page, Integer width, Integer height) throws BookException {
        if (width == null && height == null) {
            return page;
        }
        int w = width == null ? MAX_SCALE_EDGE : width;
        int h = height == null ? MAX_SCALE_EDGE : height;
        Dimensions size = Images.probe(page.bytes());
        if (size.width() <= w && size.height() <= h) {
            return page; // the original bytes, not a re-encoded copy
        }
        ImageFormat out = "image/png".equals(page.mediaType()) ? ImageFormat.PNG : ImageFormat.JPEG;
        return new PageData(Images.scale(page.bytes(), w, h, out, 0.85f, limits), out.mediaType());
    }

    /** Every page's size: the stored ones, else measured now and stored (when they fit the column). */
    public List<Dimensions> pageSizes(Media m) {
        String stored = db.auto(s -> s.getMapper(MediaMapper.class).dimensions(m.id()));
        if (stored != null) {
            List<Dimensions> out = new ArrayList<>();
            for (String pair : stored.split(";")) {
                String[] wh = pair.split(",");
                if (wh.length == 2) {
                    out.add(new Dimensions(Integer.parseInt(wh[0]), Integer.parseInt(wh[1])));
                }
            }
            return out;
        }
        List<Dimensions> measured = measure(m);
        StringBuilder sb = new StringBuilder();
        for (Dimensions d : measured) {
            sb.append(sb.length() == 0 ? "" : ";").append(d.width()).append(',').append(d.height());
        }
        if (sb.length() <= 32000) {
            String dimensions = sb.toString();
            db.txVoid(s -> {
                MediaMapper mapper = s.getMapper(MediaMapper.class);
                mapper.deleteDimensions(m.id());
                mapper.insertDimensions(m.id(), dimensions);
            });
        }
        return measured;
    }

    /** The size of every page, probing the images. */
    private List<Dimensions> measure(Media m) {
        requireReadable(m);
        List<Dimensions> out = new ArrayList<>();
        try (Book book = Books.open(file(m), limits)) {
            for (int i = 1; i <= book.pageCount(); i++) {
                try {
                    out.add(Images.probe(book.page(i).bytes()));
                } catch (BookException e) {
                    out.add(new Dimensions(0, 0));
                }
            }
            return out;
        } catch (BookException e) {
            throw ApiException.notFound("The book cannot be read: " + e.getMessage());
        }
    }

    private static void requireReadable(Media m) {
        if (!m.readable()) {
            throw ApiException.notFound("The book cannot be read (" + m.status()
                    + (m.errorReason() == null ? "" : ": " + m.errorReason()) + ")");
        }
    }

    private static void checkEdge(String name, Integer v) {
        if (v != null && (v < 1 || v > MAX_SCALE_EDGE)) {
            throw ApiException.badRequest(name + " must be between 1 and " + MAX_SCALE_EDGE);
        }
    }
}
