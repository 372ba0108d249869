package org.longbox.library.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.longbox.library.Library;
import org.longbox.library.LibraryService;
import org.longbox.server.Json;
import org.longbox.server.database.Database;
import org.longbox.server.database.ServerConfig;
import org.longbox.server.errors.ApiException;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Stump's scheduled scans: every {@code interval_secs} every library but the excluded ones is
 * scanned. The schedule and the time of its last run are kept in the database (one for all nodes);
 * none is set by default.
 *
 * <p>Rather than a timer armed with the interval (which every restart would postpone, and every node
 * of a cluster would run), each node checks every {@code STUMP_SCHEDULER_CHECK_INTERVAL} seconds
 * whether the last run is at least the interval old. The node that moves the stored time forward
 * (a compare-and-set) queues the scans; the others see they lost and do nothing. Saving the schedule
 * sets the time of the last run to now, so the first scheduled scans come one interval later.
 */
public final class ScanScheduler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ScanScheduler.class.getName());
    private static final String KEY = "scan_schedule";
    /** Epoch milliseconds of the last scheduled run, or of the moment the schedule was saved. */
    private static final String LAST_RUN_KEY = "scan_schedule_last_run";
    /** The shortest interval accepted: scans of large libraries take minutes. */
    public static final int MIN_INTERVAL = 60;

    /** {@code intervalSecs} null: no scheduled scans. */
    public record Config(Integer intervalSecs, List<String> excludedLibraryIds) {
        public static final Config NONE = new Config(null, List.of());
    }

    private final Database db;
    private final ServerConfig stored;
    private final LibraryService libraries;
    private final ScanService scans;
    private final Duration checkEvery;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    /**
     * @param checkEvery how often a real timer asks whether the scans are due; whether they are is
     *                   read from {@code clock}
     */
    public ScanScheduler(Database db, ServerConfig stored, LibraryService libraries, ScanService scans, Duration checkEvery,
                         Clock clock, String threadName) {
        this.db = db;
        this.stored = stored;
        this.clock = clock;
        this.libraries = libraries;
        this.scans = scans;
        this.checkEvery = checkEvery;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        long every = checkEvery.toMillis();
        timer.scheduleWithFixedDelay(this::checkSafely, every, every, TimeUnit.MILLISECONDS);
    }

    public Config config() {
        String json = stored.get(KEY).orElse(null);
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
        if (json.length() > ServerConfig.MAX_VALUE_LENGTH) {
            throw ApiException.badRequest("excluded_library_ids is too long to store: " + excluded.size()
                    + " ids take " + json.length() + " of at most " + ServerConfig.MAX_VALUE_LENGTH + " characters");
        }
        String now = Long.toString(clock.millis());
        db.txVoid(s -> {
            stored.put(KEY, json);
            stored.put(LAST_RUN_KEY, now);
        });
        return clean;
    }

    private void checkSafely() {
        try {
            runIfDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not check or queue the scheduled scans", e);
        }
    }

    /** Queues the scheduled scans when they are due and this node is the one that claims the run. */
    private void runIfDue() {
        Config c = config();
        if (c.intervalSecs() == null) {
            return;
        }
        long now = clock.millis();
        String last = stored.get(LAST_RUN_KEY).orElse(null);
        Long lastRun = parseMillis(last);
        if (lastRun == null) {
            // A schedule stored without a last run (or with an unreadable one): count from now.
            claimStart(last, now);
            return;
        }
        if (now - lastRun < c.intervalSecs() * 1000L) {
            return;
        }
        if (!stored.replace(LAST_RUN_KEY, last, Long.toString(now))) {
            return; // another node ran it (or the schedule was saved again) in the meantime
        }
        int queued = 0;
        for (Library l : libraries.all()) {
            if (!c.excludedLibraryIds().contains(l.id())) {
                scans.scan(l, new LibraryScanner.Options(false));
                queued++;
            }
        }
        LOG.info("Scheduled scan: queued " + queued + " librar" + (queued == 1 ? "y" : "ies"));
    }

    /** When another node stores the start of the schedule first, its value stands. */
    private void claimStart(String last, long now) {
        if (last == null) {
            stored.putIfAbsent(LAST_RUN_KEY, Long.toString(now));
        } else {
            stored.replace(LAST_RUN_KEY, last, Long.toString(now));
        }
    }

    private static Long parseMillis(String text) {
        try {
            return text == null ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
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
