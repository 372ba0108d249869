package org.longbox.library.scan;

import org.longbox.library.AgeRatings;
import org.longbox.library.ContentVersion;
import org.longbox.library.FileStatus;
import org.longbox.library.Library;
import org.longbox.library.LibraryMapper;
import org.longbox.library.LibraryRow;
import org.longbox.library.MediaMapper;
import org.longbox.library.MediaRow;
import org.longbox.library.SeriesMapper;
import org.longbox.library.SeriesRow;
import org.longbox.library.ThumbnailConfig;
import org.longbox.library.ThumbnailStore;
import org.longbox.library.jobs.JobContext;
import org.longbox.media.MediaLimits;
import org.longbox.media.SeriesJson;
import org.longbox.media.SeriesMetadata;
import org.longbox.server.Events;
import org.longbox.server.database.Database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scans one library: walks its folder, compares what it finds with the database, reads new and
 * changed books in parallel (at most {@code concurrency} at a time) and writes them in batches,
 * each batch its own transaction. An unchanged file (same size and modification time) is not
 * opened again; a vanished one becomes MISSING and comes back when it returns. Interrupted, a scan
 * leaves every finished batch in place and the next one picks up the rest.
 */
public final class LibraryScanner {
    private static final int BATCH = 100;

    private final Database db;
    private final Clock clock;
    private final MediaLimits limits;
    private final int concurrency;
    private final Events events;
    private final ThumbnailStore thumbnails;
    private final ContentVersion version;

    public LibraryScanner(Database db, MediaLimits limits, int concurrency, Events events, ThumbnailStore thumbnails,
                          ContentVersion version, Clock clock) {
        this.db = db;
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

    /** What a scan did. */
    public record Result(int seriesAdded, int added, int updated, int unchanged, int missing, int errors, boolean libraryMissing) {
        public String summary() {
            if (libraryMissing) {
                return "The library folder is missing; nothing was changed";
            }
            return "Series added " + seriesAdded + "; books added " + added + ", re-read " + updated + ", unchanged " + unchanged
                    + ", missing " + missing + ", unreadable " + errors;
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
            return new Result(0, 0, 0, 0, 0, 0, true);
        }

        Map<Path, List<LibraryWalk.Found>> found = LibraryWalk.walk(root, library.config(), ctx::cancelled);
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

        List<Work> work = new ArrayList<>();
        int unchanged = 0;
        for (Map.Entry<Path, List<LibraryWalk.Found>> e : found.entrySet()) {
            SeriesRow series = seriesByPath.get(e.getKey().toString());
            for (LibraryWalk.Found f : e.getValue()) {
                MediaRow known = mediaByPath.remove(f.path().toString());
                if (known != null && !options.forceRebuild() && known.status != FileStatus.MISSING
                        && known.size == f.size() && known.fileModifiedAt == f.modifiedAt() && series.id.equals(known.seriesId)) {
                    unchanged++;
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
        markMissing(vanished);
        db.txVoid(s -> s.getMapper(LibraryMapper.class).updateScanState(libraryId, FileStatus.READY,
                clock.millis(), clock.millis()));
        ctx.advance();
        return new Result(seriesAdded, outcome[0], outcome[1], unchanged, vanished.size(), outcome[2], false);
    }

    /** A book to read; {@code id} is its existing id, or the one it will get. */
    private record Work(String id, LibraryWalk.Found file, SeriesRow series, MediaRow known) {
    }

    /** Adds series for new folders, refreshes series.json metadata, marks vanished folders MISSING. */
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
        db.txVoid(x -> {
            SeriesMapper m = x.getMapper(SeriesMapper.class);
            inserts.forEach(m::insert);
            updates.forEach(m::update);
            gone.forEach(s -> m.updateStatus(s.id, FileStatus.MISSING, now));
        });
        version.bump();
        if (!inserts.isEmpty()) {
            events.publish("CreatedManySeries", Map.of("count", inserts.size(), "library_id", library.id()));
        }
        return inserts.size();
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

    /** Reads the books in parallel and writes them in batches; returns {added, updated, errors}. */
    private int[] read(Library library, List<Work> work, JobContext ctx) throws InterruptedException {
        if (work.isEmpty()) {
            return new int[3];
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
        int[] counts = new int[3];
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

    private void write(Library library, List<Read> batch, int[] counts) {
        long now = clock.millis();
        List<MediaRow> created = new ArrayList<>();
        db.txVoid(s -> {
            MediaMapper m = s.getMapper(MediaMapper.class);
            for (Read r : batch) {
                MediaRow row = r.row();
                row.seriesId = r.work().series().id;
                row.libraryId = library.id();
                row.updatedAt = now;
                row.id = r.work().id();
                if (r.work().known() == null) {
                    row.createdAt = now;
                    m.insert(row);
                    created.add(row);
                    counts[0]++;
                } else {
                    // same id: reading progress and thumbnails stay attached to the book
                    row.createdAt = r.work().known().createdAt;
                    m.updateScanned(row);
                    m.deleteDimensions(row.id);
                    counts[1]++;
                }
                if (row.scannedDimensions != null) {
                    m.insertDimensions(row.id, row.scannedDimensions);
                }
                if (row.status == FileStatus.ERROR) {
                    counts[2]++;
                }
            }
        });
        version.bump();
        for (MediaRow row : created) {
            events.publish("CreatedMedia", Map.of("id", row.id, "series_id", row.seriesId, "library_id", row.libraryId));
        }
        events.publish("CreatedOrUpdatedManyMedia", Map.of("count", batch.size(), "library_id", library.id()));
    }

    private void markMissing(List<MediaRow> vanished) {
        if (vanished.isEmpty()) {
            return;
        }
        long now = clock.millis();
        for (int i = 0; i < vanished.size(); i += BATCH) {
            List<MediaRow> part = vanished.subList(i, Math.min(vanished.size(), i + BATCH));
            db.txVoid(s -> {
                MediaMapper m = s.getMapper(MediaMapper.class);
                part.forEach(r -> m.updateStatus(r.id, FileStatus.MISSING, now));
            });
            version.bump();
        }
    }
}
