package org.longbox.library.scan;

import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;
import org.longbox.library.AgeRatings;
import org.longbox.library.ContentVersion;
import org.longbox.library.FileStatus;
import org.longbox.library.Library;
import org.longbox.library.LibraryMapper;
import org.longbox.library.LibraryRoots;
import org.longbox.library.LibraryRow;
import org.longbox.library.MediaMapper;
import org.longbox.library.MediaRow;
import org.longbox.library.SeriesMapper;
import org.longbox.library.SeriesRow;
import org.longbox.library.ThumbnailConfig;
import org.longbox.library.ThumbnailStore;
import org.longbox.library.jobs.JobContext;
import org.longbox.media.Book;
import org.longbox.media.BookException;
import org.longbox.media.Books;
import org.longbox.media.MediaLimits;
import org.longbox.media.SeriesJson;
import org.longbox.media.SeriesMetadata;
import org.longbox.server.Events;
import org.longbox.server.database.Database;

import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Scans one library: walks its folder, compares what it finds with the database, reads new and
 * changed books in parallel (at most {@code concurrency} at a time) and writes them in batches,
 * each batch its own transaction. An unchanged file (same size and modification time) is not
 * opened again; a vanished one becomes MISSING and comes back when it returns. Interrupted, a scan
 * leaves every finished batch in place and the next one picks up the rest.
 *
 * <p>Every write holds the library's lock ({@link LibraryMapper#lock}), as a clean does, and makes
 * sure of what it builds on inside it: a series a clean removed while its books were read is added
 * again, and a book a clean removed is added again rather than updated. A batch the database
 * refuses is written book by book, so one bad book costs only itself.
 */
public final class LibraryScanner {
    private static final Logger LOG = Logger.getLogger(LibraryScanner.class.getName());
    private static final int BATCH = 100;

    private final Database db;
    private final Clock clock;
    private final MediaLimits limits;
    private final int concurrency;
    private final Events events;
    private final ThumbnailStore thumbnails;
    private final ContentVersion version;
    private final LibraryRoots roots;

    public LibraryScanner(Database db, MediaLimits limits, int concurrency, Events events, ThumbnailStore thumbnails,
                          ContentVersion version, LibraryRoots roots, Clock clock) {
        this.db = db;
        this.roots = roots;
        this.clock = clock;
        this.version = version;
        this.limits = limits;
        this.concurrency = concurrency;
        this.events = events;
        this.thumbnails = thumbnails;
    }

    /** @param forceRebuild read every book again, changed or not */
    public record Options(boolean forceRebuild) {
    }

    /**
     * What a scan did; {@code skipped}: files and folders not stored (a path longer than the
     * database holds, or a row it refused), each named in the server log.
     */
    public record Result(int seriesAdded, int added, int updated, int unchanged, int missing, int errors, int skipped,
                         boolean libraryMissing) {
        public String summary() {
            if (libraryMissing) {
                return "The library folder is missing; nothing was changed";
            }
            return "Series added " + seriesAdded + "; books added " + added + ", re-read " + updated + ", unchanged " + unchanged
                    + ", missing " + missing + ", unreadable " + errors
                    + (skipped > 0 ? "; " + skipped + " skipped (see the server log)" : "");
        }
    }

    public Result scan(String libraryId, Options options, JobContext ctx) throws IOException, InterruptedException {
        LibraryRow row = db.auto(s -> s.getMapper(LibraryMapper.class).findById(libraryId));
        if (row == null) {
            throw new IllegalStateException("The library was deleted");
        }
        Library library = row.toLibrary();
        Path root = Path.of(library.path());
        long now = clock.millis();
        if (!Files.isDirectory(root)) {
            db.auto(s -> s.getMapper(LibraryMapper.class).updateScanState(libraryId, FileStatus.MISSING, null, now));
            return new Result(0, 0, 0, 0, 0, 0, 0, true);
        }
        if (!roots.contain(root.toRealPath())) {
            // a library made before the roots were set (or narrowed): leave it as it is, read nothing
            throw new IllegalStateException("The library folder is outside the library folders this server allows ("
                    + LibraryRoots.SETTING + "); move the library or change the setting");
        }

        LibraryWalk.Walked walked = LibraryWalk.walk(root, library.config(), ctx::cancelled);
        Map<Path, List<LibraryWalk.Found>> found = walked.bySeries();
        ctx.checkCancelled();

        Map<String, SeriesRow> seriesByPath = new HashMap<>();
        for (SeriesRow s : db.auto(x -> x.getMapper(SeriesMapper.class).inLibrary(libraryId))) {
            seriesByPath.put(s.path, s);
        }
        Map<String, MediaRow> mediaByPath = new HashMap<>();
        for (MediaRow m : db.auto(x -> x.getMapper(MediaMapper.class).scanState(libraryId))) {
            mediaByPath.put(m.path, m);
        }

        int seriesAdded = syncSeries(library, root, found, seriesByPath, now);
        int refusedBooks = 0;
        for (Path refused : List.copyOf(found.keySet())) {
            if (!seriesByPath.containsKey(refused.toString())) {
                refusedBooks += found.remove(refused).size(); // the database refused its series
            }
        }

        List<Work> work = new ArrayList<>();
        List<MediaRow> formatUnknown = new ArrayList<>();
        int unchanged = 0;
        for (Map.Entry<Path, List<LibraryWalk.Found>> e : found.entrySet()) {
            SeriesRow series = seriesByPath.get(e.getKey().toString());
            for (LibraryWalk.Found f : e.getValue()) {
                MediaRow known = mediaByPath.remove(f.path().toString());
                if (known != null && !options.forceRebuild() && known.status != FileStatus.MISSING
                        && known.size == f.size() && known.fileModifiedAt == f.modifiedAt() && series.id.equals(known.seriesId)) {
                    unchanged++;
                    if (known.status == FileStatus.READY && known.contentFormat == null) {
                        formatUnknown.add(known); // read before the format was kept
                    }
                } else {
                    work.add(new Work(known == null ? UUID.randomUUID().toString() : known.id, f, series, known));
                }
            }
        }
        // What is left was in the database but not on disk.
        List<MediaRow> vanished = mediaByPath.values().stream()
                .filter(m -> m.status != FileStatus.MISSING).toList();

        ctx.total(work.size() + 1);
        int[] outcome = read(library, work, ctx);
        recordFormats(libraryId, formatUnknown, ctx);
        markMissing(libraryId, vanished);
        db.txVoid(s -> s.getMapper(LibraryMapper.class).updateScanState(libraryId, FileStatus.READY,
                clock.millis(), clock.millis()));
        ctx.advance();
        return new Result(seriesAdded, outcome[0], outcome[1], unchanged, vanished.size(), outcome[2],
                walked.tooLong() + refusedBooks + outcome[3], false);
    }

    /** A book to read; {@code id} is its existing id, or the one it will get. */
    private record Work(String id, LibraryWalk.Found file, SeriesRow series, MediaRow known) {
    }

    /**
     * Adds series for new folders, refreshes series.json metadata, marks vanished folders MISSING;
     * returns how many series were added. A new series the database refuses is named in the log and
     * left out of {@code byPath}, so its books are left out too.
     */
    private int syncSeries(Library library, Path root, Map<Path, List<LibraryWalk.Found>> found,
                           Map<String, SeriesRow> byPath, long now) {
        List<SeriesRow> inserts = new ArrayList<>();
        List<SeriesRow> updates = new ArrayList<>();
        for (Path dir : found.keySet()) {
            SeriesRow s = byPath.get(dir.toString());
            boolean isNew = s == null;
            if (isNew) {
                s = new SeriesRow();
                s.id = UUID.randomUUID().toString();
                s.libraryId = library.id();
                s.path = dir.toString();
                s.createdAt = now;
                s.status = FileStatus.READY;
                byPath.put(s.path, s);
            }
            String name = dir.equals(root) ? root.getFileName() == null ? library.name() : root.getFileName().toString()
                    : dir.getFileName().toString();
            boolean changed = isNew || !name.equals(s.name) || s.status != FileStatus.READY;
            s.name = name;
            s.nameKey = name.toLowerCase(Locale.ROOT);
            s.status = FileStatus.READY;
            if (library.config().processMetadata()) {
                changed |= applySeriesJson(s, SeriesJson.read(dir).orElse(null));
            }
            s.updatedAt = now;
            if (isNew) {
                inserts.add(s);
            } else if (changed) {
                updates.add(s);
            }
        }
        List<SeriesRow> gone = byPath.values().stream()
                .filter(s -> !found.containsKey(Path.of(s.path)) && s.status != FileStatus.MISSING).toList();
        List<SeriesRow> added = new ArrayList<>(inserts);
        try {
            db.txVoid(x -> {
                lock(x, library.id());
                SeriesMapper m = x.getMapper(SeriesMapper.class);
                inserts.forEach(m::insert);
                updates.forEach(m::update);
                gone.forEach(s -> m.updateStatus(s.id, FileStatus.MISSING, now));
            });
        } catch (PersistenceException refused) {
            // one by one, so a folder the database cannot hold (e.g. a path too wide for PostgreSQL's index) costs only itself
            for (SeriesRow s : inserts) {
                try {
                    db.txVoid(x -> {
                        lock(x, library.id());
                        x.getMapper(SeriesMapper.class).insert(s);
                    });
                } catch (PersistenceException e) {
                    added.remove(s);
                    byPath.remove(s.path);
                    LOG.warning("Skipped, the database refused the series folder " + s.path + ": "
                            + (e.getCause() != null ? e.getCause() : e).getMessage());
                }
            }
            db.txVoid(x -> {
                lock(x, library.id());
                SeriesMapper m = x.getMapper(SeriesMapper.class);
                updates.forEach(m::update);
                gone.forEach(s -> m.updateStatus(s.id, FileStatus.MISSING, now));
            });
        }
        version.bump();
        if (!added.isEmpty()) {
            events.publish("CreatedManySeries", Map.of("count", added.size(), "library_id", library.id()));
        }
        return added.size();
    }

    /** Copies series.json into the row; true when anything changed. */
    static boolean applySeriesJson(SeriesRow s, SeriesMetadata m) {
        String before = fingerprint(s);
        s.metaType = m == null ? null : m.metaType();
        s.metaTitle = m == null ? null : m.title();
        s.metaSummary = m == null ? null : m.summary();
        s.metaPublisher = m == null ? null : m.publisher();
        s.metaImprint = m == null ? null : m.imprint();
        s.metaComicid = m == null ? null : m.comicId();
        s.metaVolume = m == null ? null : m.volume();
        s.metaBooktype = m == null ? null : m.bookType();
        s.metaAgeRating = m == null ? null : m.ageRating();
        s.metaStatus = m == null ? null : m.status();
        s.ageRating = AgeRatings.parse(s.metaAgeRating);
        s.description = s.metaSummary;
        return !before.equals(fingerprint(s));
    }

    private static String fingerprint(SeriesRow s) {
        return String.valueOf(Objects.hash(s.metaType, s.metaTitle, s.metaSummary, s.metaPublisher, s.metaImprint,
                s.metaComicid, s.metaVolume, s.metaBooktype, s.metaAgeRating, s.metaStatus));
    }

    /** Reads the books in parallel and writes them in batches; returns {added, updated, errors, not stored}. */
    private int[] read(Library library, List<Work> work, JobContext ctx) throws InterruptedException {
        if (work.isEmpty()) {
            return new int[4];
        }
        BookReading.Wants wants = new BookReading.Wants(library.config().processMetadata(),
                library.config().generateFileHashes(), library.config().generateKoreaderHashes());
        ThumbnailConfig thumbs = library.config().thumbnailConfig();
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, work.size()), r -> {
            Thread t = new Thread(r, "longbox-scan-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ExecutorCompletionService<Read> done = new ExecutorCompletionService<>(pool);
        int[] counts = new int[4];
        List<Read> batch = new ArrayList<>(BATCH);
        try {
            int submitted = 0;
            int received = 0;
            int window = concurrency * 4;
            while (received < work.size()) {
                while (submitted < work.size() && submitted - received < window && !ctx.cancelled()) {
                    Work w = work.get(submitted++);
                    done.submit(() -> new Read(w, BookReading.read(w.file(), limits, wants,
                            thumbs == null ? null : book -> thumbnails.duringScan(w.id(), book, thumbs))));
                }
                if (submitted == received) {
                    break; // cancelled: nothing in flight
                }
                Future<Read> next = done.take();
                received++;
                try {
                    batch.add(next.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("Reading a book failed unexpectedly", e.getCause());
                }
                if (batch.size() >= BATCH) {
                    write(library, batch, counts);
                    batch.forEach(r -> ctx.advance());
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                write(library, batch, counts);
                batch.forEach(r -> ctx.advance());
            }
        } finally {
            pool.shutdownNow();
        }
        ctx.checkCancelled();
        return counts;
    }

    private record Read(Work work, MediaRow row) {
    }

    /**
     * Writes a batch in one transaction; when the database refuses it, book by book, so only the
     * book it refuses is lost (and named in the log). Adds {added, updated, errors, not stored} to counts.
     */
    private void write(Library library, List<Read> batch, int[] counts) {
        try {
            add(counts, writeTogether(library, batch));
        } catch (PersistenceException refused) {
            if (batch.size() == 1) {
                notStored(batch.get(0), refused, counts);
                return;
            }
            for (Read r : batch) {
                try {
                    add(counts, writeTogether(library, List.of(r)));
                } catch (PersistenceException e) {
                    notStored(r, e, counts);
                }
            }
        }
    }

    private static void add(int[] counts, int[] more) {
        for (int i = 0; i < more.length; i++) {
            counts[i] += more[i];
        }
    }

    private static void notStored(Read r, PersistenceException e, int[] counts) {
        counts[3]++;
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        LOG.warning("Skipped, the database refused the book " + r.work().file().path() + ": " + cause.getMessage());
    }

    /** One transaction for the batch; returns {added, updated, errors, 0}. */
    private int[] writeTogether(Library library, List<Read> batch) {
        long now = clock.millis();
        List<MediaRow> created = new ArrayList<>();
        int[] counts = db.tx(s -> {
            int[] c = new int[4];
            lock(s, library.id());
            SeriesMapper series = s.getMapper(SeriesMapper.class);
            Set<String> seriesChecked = new HashSet<>();
            MediaMapper m = s.getMapper(MediaMapper.class);
            for (Read r : batch) {
                SeriesRow seriesRow = r.work().series();
                if (seriesChecked.add(seriesRow.id) && series.exists(seriesRow.id) == 0) {
                    series.insert(seriesRow); // a clean removed it while its books were read
                }
                MediaRow row = r.row();
                row.seriesId = seriesRow.id;
                row.libraryId = library.id();
                row.updatedAt = now;
                row.id = r.work().id();
                if (r.work().known() == null) {
                    row.createdAt = now;
                    m.insert(row);
                    created.add(row);
                    c[0]++;
                } else {
                    // same id: reading progress and thumbnails stay attached to the book
                    row.createdAt = r.work().known().createdAt;
                    if (m.updateScanned(row) == 0) {
                        m.insert(row); // a clean removed it (MISSING) while it was read again
                    }
                    m.deleteDimensions(row.id);
                    c[1]++;
                }
                if (row.scannedDimensions != null) {
                    m.insertDimensions(row.id, row.scannedDimensions);
                }
                if (row.status == FileStatus.ERROR) {
                    c[2]++;
                }
            }
            return c;
        });
        version.bump();
        for (MediaRow row : created) {
            events.publish("CreatedMedia", Map.of("id", row.id, "series_id", row.seriesId, "library_id", row.libraryId));
        }
        events.publish("CreatedOrUpdatedManyMedia", Map.of("count", batch.size(), "library_id", library.id()));
        return counts;
    }

    /** Takes the library's lock for the rest of the transaction; the library deleted meanwhile ends the scan. */
    private static void lock(SqlSession s, String libraryId) {
        if (s.getMapper(LibraryMapper.class).lock(libraryId) == 0) {
            throw new IllegalStateException("The library was deleted");
        }
    }

    /**
     * Books scanned before their content's format was kept get it now: opening a book says its
     * format without reading its pages. One that cannot be opened is left as it is.
     */
    private void recordFormats(String libraryId, List<MediaRow> books, JobContext ctx) {
        for (int i = 0; i < books.size(); i += BATCH) {
            ctx.checkCancelled();
            Map<String, String> formats = new HashMap<>();
            for (MediaRow row : books.subList(i, Math.min(books.size(), i + BATCH))) {
                try (Book book = Books.open(Path.of(row.path), limits)) {
                    formats.put(row.id, book.format().name());
                } catch (BookException | RuntimeException e) {
                    // changed or gone since the walk: the next scan reads it again
                }
            }
            db.txVoid(s -> {
                lock(s, libraryId);
                MediaMapper m = s.getMapper(MediaMapper.class);
                formats.forEach(m::updateContentFormat);
            });
            version.bump();
        }
    }

    private void markMissing(String libraryId, List<MediaRow> vanished) {
        if (vanished.isEmpty()) {
            return;
        }
        long now = clock.millis();
        for (int i = 0; i < vanished.size(); i += BATCH) {
            List<MediaRow> part = vanished.subList(i, Math.min(vanished.size(), i + BATCH));
            db.txVoid(s -> {
                lock(s, libraryId);
                MediaMapper m = s.getMapper(MediaMapper.class);
                part.forEach(r -> m.updateStatus(r.id, FileStatus.MISSING, now));
            });
            version.bump();
        }
    }
}
