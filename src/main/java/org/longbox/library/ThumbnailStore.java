package org.longbox.library;

import org.longbox.library.jobs.JobContext;
import org.longbox.media.Book;
import org.longbox.media.BookException;
import org.longbox.media.Books;
import org.longbox.media.Dimensions;
import org.longbox.media.ImageFormat;
import org.longbox.media.Images;
import org.longbox.media.MediaLimits;
import org.longbox.media.PageData;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Thumbnails in {@code <config dir>/thumbnails/<book id>.<jpeg|png|webp>}: made during scans when a
 * library's thumbnail_config asks, or on first request otherwise (then from page 1, as JPEG within
 * {@link #DEFAULT_BOX}). A thumbnail never exceeds its box. A series or library may have one of its
 * own, {@code <series or library id>.<ext>}, made from a page of one of its books; it goes with the
 * series or library (or when the library's thumbnails are deleted), never with a regeneration. The
 * book it was made from is kept beside it ({@code sources/<series or library id>}), so it is shown
 * only to those who may see that book.
 */
public final class ThumbnailStore implements LibraryListener {
    private static final Logger LOG = Logger.getLogger(ThumbnailStore.class.getName());
    /** The box of thumbnails made without a library config: width, height. */
    public static final int[] DEFAULT_BOX = {400, 600};
    /** The options of a library that has none: JPEG, quality 80, within {@link #DEFAULT_BOX}. */
    public static final ThumbnailConfig DEFAULT = new ThumbnailConfig(
            new ThumbnailConfig.Resize(ThumbnailConfig.Mode.Sized, DEFAULT_BOX[0], DEFAULT_BOX[1]), ThumbnailConfig.Format.Jpeg, 80, null);

    private final Path dir;
    private final Path sources;
    private final MediaLimits limits;

    public ThumbnailStore(Path configDir, MediaLimits limits) {
        this.dir = configDir.resolve("thumbnails");
        this.sources = dir.resolve("sources");
        this.limits = limits;
    }

    /** A stored thumbnail and its media type. */
    public record Stored(Path file, String mediaType) {
    }

    /** The stored thumbnail of a book, if any. */
    public Optional<Stored> find(String mediaId) {
        for (ImageFormat f : ImageFormat.values()) {
            Path p = path(mediaId, f);
            if (Files.isRegularFile(p)) {
                return Optional.of(new Stored(p, f.mediaType()));
            }
        }
        return Optional.empty();
    }

    /** Makes (or remakes) a book's thumbnail from the open book; the config null means the default. */
    public Stored make(String mediaId, Book book, ThumbnailConfig config) throws BookException, IOException {
        ThumbnailConfig c = config == null ? DEFAULT : config;
        PageData source;
        if (c.page() != null && c.page() >= 1 && c.page() <= book.pageCount() && book.pagesAreImages()) {
            source = book.page(c.page());
        } else {
            // A text EPUB without a cover image still gets a thumbnail, so no cover link is ever broken.
            source = book.cover().orElseGet(ThumbnailStore::placeholder);
        }
        ImageFormat format = switch (c.format()) {
            case Png -> ImageFormat.PNG;
            case Webp -> ImageFormat.WEBP;
            default -> ImageFormat.JPEG;
        };
        int[] box = box(c, source);
        float quality = c.quality() == null ? 0.8f : Math.max(0.01f, c.quality() / 100f);
        byte[] bytes = Images.scale(source.bytes(), box[0], box[1], format, quality, limits);
        Path target = path(mediaId, format);
        writeAtomically(dir, target, bytes);
        for (ImageFormat other : ImageFormat.values()) {
            if (other != format) {
                Files.deleteIfExists(path(mediaId, other));
            }
        }
        return new Stored(target, format.mediaType());
    }

    /**
     * Makes (or remakes) the own thumbnail of a series or library from a page of the book
     * {@code sourceId}, and records that book as its source. The record goes first and comes back
     * last, so a reader never finds a thumbnail beside the record of another book; one at a time.
     */
    public synchronized Stored makeOwn(String ownerId, String sourceId, Book book, ThumbnailConfig config)
            throws BookException, IOException {
        Files.deleteIfExists(sources.resolve(ownerId));
        Stored made = make(ownerId, book, config);
        writeAtomically(sources, sources.resolve(ownerId), sourceId.getBytes(StandardCharsets.UTF_8));
        return made;
    }

    /**
     * The own thumbnail of a series or library and the book it was made from (source null: not
     * recorded, as for thumbnails made before sources were kept, or being remade right now); the
     * file is read between two reads of the record, so the source is the image's when they agree.
     */
    public Optional<Own> findOwn(String ownerId) throws IOException {
        Own read = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            String before = source(ownerId);
            Optional<Stored> stored = find(ownerId);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            try {
                Path file = stored.get().file();
                long modified = Files.getLastModifiedTime(file).toMillis();
                read = new Own(new PageData(Files.readAllBytes(file), stored.get().mediaType()), modified, null);
            } catch (NoSuchFileException removedMeanwhile) {
                continue;
            }
            String after = source(ownerId);
            if (Objects.equals(before, after)) {
                return Optional.of(new Own(read.image(), read.modifiedAt(), after));
            }
        }
        // remade again and again while it was read: its source stays unknown
        return Optional.ofNullable(read);
    }

    /** A series' or library's own thumbnail as read: the image, when its file changed, and the book it came from (or null). */
    public record Own(PageData image, long modifiedAt, String sourceId) {
    }

    private String source(String ownerId) throws IOException {
        try {
            return Files.readString(sources.resolve(ownerId), StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException none) {
            return null;
        }
    }

    /** The stored thumbnail, made now (default config) from the book file when there is none yet. */
    public Stored findOrMake(String mediaId, Path bookFile, ThumbnailConfig config) throws BookException, IOException {
        Optional<Stored> found = find(mediaId);
        if (found.isPresent()) {
            return found.get();
        }
        try (Book book = Books.open(bookFile, limits)) {
            return make(mediaId, book, config);
        }
    }

    /**
     * Makes thumbnails for many books (a job): those without one, or every one when {@code force}.
     * {@code file} gives a book's file, and throws when it may not be read (it has left its library).
     * A book that cannot be read is skipped. Returns how many were made.
     */
    public int makeAll(List<Media> books, Function<Media, Path> file, ThumbnailConfig config, boolean force, JobContext ctx) {
        ctx.total(books.size());
        int made = 0;
        for (Media m : books) {
            ctx.checkCancelled();
            if (force || find(m.id()).isEmpty()) {
                try (Book book = Books.open(file.apply(m), limits)) {
                    make(m.id(), book, config);
                    made++;
                } catch (BookException | IOException | RuntimeException e) {
                    LOG.log(Level.FINE, "No thumbnail for " + m.id() + ": " + e.getMessage());
                }
            }
            ctx.advance();
        }
        return made;
    }

    /** Called while a scan has the book open: makes the thumbnail when the library asks for them. */
    public void duringScan(String mediaId, Book book, ThumbnailConfig config) {
        if (config == null) {
            return;
        }
        try {
            make(mediaId, book, config);
        } catch (BookException | IOException | RuntimeException e) {
            LOG.log(Level.FINE, "No thumbnail for " + mediaId + ": " + e.getMessage());
        }
    }

    /** Removes the stored thumbnails of these books, series or libraries; returns how many files went. */
    public int delete(Collection<String> ids) {
        int deleted = 0;
        for (String id : ids) {
            for (ImageFormat f : ImageFormat.values()) {
                try {
                    if (Files.deleteIfExists(path(id, f))) {
                        deleted++;
                    }
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Could not delete the thumbnail of " + id, e);
                }
            }
            try {
                Files.deleteIfExists(sources.resolve(id));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not delete the thumbnail source of " + id, e);
            }
        }
        return deleted;
    }

    /** Removes every thumbnail of a library: its own, its series' and its books'; returns how many files went. */
    public int delete(LibraryContents library) {
        return delete(library.allIds());
    }

    /** A plain 2:3 grey page, for books that have no image of their own. */
    private static PageData placeholder() {
        BufferedImage img = new BufferedImage(DEFAULT_BOX[0], DEFAULT_BOX[1],
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x5a, 0x62, 0x70));
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(new Color(0x8a, 0x93, 0xa3));
        g.fillRect(40, 80, img.getWidth() - 80, 24);
        g.fillRect(40, 124, img.getWidth() - 140, 24);
        g.dispose();
        try {
            return new PageData(Images.encode(img, ImageFormat.PNG, 1f), "image/png");
        } catch (BookException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void deleted(LibraryContents held) {
        delete(held);
    }

    @Override
    public void cleaned(List<String> removedIds) {
        delete(removedIds);
    }

    private int[] box(ThumbnailConfig c, PageData source) throws BookException {
        ThumbnailConfig.Resize r = c.resizeOptions();
        if (r == null) {
            return DEFAULT_BOX;
        }
        if (r.mode() == ThumbnailConfig.Mode.Scaled) {
            Dimensions d = Images.probe(source.bytes());
            return new int[]{Math.max(1, (int) Math.floor(d.width() * r.width())), Math.max(1, (int) Math.floor(d.height() * r.height()))};
        }
        return new int[]{(int) r.width(), (int) r.height()};
    }

    /** Writes the file whole or not at all: a temporary file in {@code folder}, then moved over {@code target}. */
    private static void writeAtomically(Path folder, Path target, byte[] bytes) throws IOException {
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, target.getFileName().toString(), ".part");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Where the thumbnail of a book, series or library in this format is stored. */
    private Path path(String id, ImageFormat format) {
        return dir.resolve(id + "." + format.extension());
    }
}
