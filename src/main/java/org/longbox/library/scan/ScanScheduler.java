package org.longbox.library.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.longbox.library.Library;
import org.longbox.library.LibraryService;
import org.longbox.server.database.Database;
import org.longbox.server.database.ServerConfigMapper;
import org.longbox.server.errors.ApiException;
import org.longbox.server.web.Json;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Stump's scheduled scans: every {@code interval_secs} every library but the excluded ones is
 * scanned. The schedule is kept in the database (one for all nodes); none is set by default.
 */
public final class ScanScheduler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ScanScheduler.class.getName());
    private static final String KEY = "scan_schedule";
    /** The shortest interval accepted: scans of large libraries take minutes. */
    public static final int MIN_INTERVAL = 60;

    /** {@code intervalSecs} null: no scheduled scans. */
    public record Config(Integer intervalSecs, List<String> excludedLibraryIds) {
        public static final Config NONE = new Config(null, List.of());
    }

    private final Database db;
    private final LibraryService libraries;
    private final ScanService scans;
    private final ScheduledExecutorService timer;
    private ScheduledFuture<?> next;

    public ScanScheduler(Database db, LibraryService libraries, ScanService scans, String threadName) {
        this.db = db;
        this.libraries = libraries;
        this.scans = scans;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        schedule(config());
    }

    public Config config() {
        String json = db.auto(s -> s.getMapper(ServerConfigMapper.class).find(KEY));
        if (json == null) {
            return Config.NONE;
        }
        try {
            Config c = Json.MAPPER.readValue(json, Config.class);
            return new Config(c.intervalSecs(), c.excludedLibraryIds() == null ? List.of() : c.excludedLibraryIds());
        } catch (JsonProcessingException e) {
            LOG.warning("Ignoring an unreadable scan schedule in the database");
            return Config.NONE;
        }
    }

    public Config update(Config c) {
        if (c.intervalSecs() != null && c.intervalSecs() < MIN_INTERVAL) {
            throw ApiException.badRequest("interval_secs must be at least " + MIN_INTERVAL + " (or null for no scheduled scans)");
        }
        List<String> excluded = c.excludedLibraryIds() == null ? List.of() : c.excludedLibraryIds().stream().distinct().toList();
        Set<String> known = libraries.all().stream().map(Library::id).collect(Collectors.toSet());
        List<String> unknown = excluded.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("excluded_library_ids names no library: " + String.join(", ", unknown));
        }
        Config clean = new Config(c.intervalSecs(), excluded);
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(clean);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        db.txVoid(s -> {
            ServerConfigMapper m = s.getMapper(ServerConfigMapper.class);
            if (m.find(KEY) == null) {
                m.insert(KEY, json);
            } else {
                m.update(KEY, json);
            }
        });
        schedule(clean);
        return clean;
    }

    private synchronized void schedule(Config c) {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
        if (c.intervalSecs() != null) {
            long every = c.intervalSecs();
            next = timer.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.SECONDS);
        }
    }

    private void runOnce() {
        try {
            Config c = config();
            for (Library l : libraries.all()) {
                if (!c.excludedLibraryIds().contains(l.id())) {
                    scans.scan(l, new LibraryScanner.Options(false));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A scheduled scan could not be queued", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
