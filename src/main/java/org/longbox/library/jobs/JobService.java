package org.longbox.library.jobs;

import org.longbox.server.Events;
import org.longbox.server.Page;
import org.longbox.server.PageRequest;
import org.longbox.server.database.Database;
import org.longbox.server.errors.ApiException;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs background jobs on a few worker threads. Each job is a row in {@code jobs} (so
 * {@code /api/v1/jobs} lists past and present ones), its progress is kept in memory and written
 * to the row at most once a second, and it can be cancelled.
 *
 * <p>Several deployments (nodes) may share the database. Each job row names the node that runs it
 * (a random id made at start), and every 15 s a node marks its unfinished jobs alive. A QUEUED or
 * RUNNING job that no node has marked alive for a minute was left by a node that died (an undeploy
 * cancels its jobs cleanly); any node marks it FAILED, at start and then every 15 s. So a starting
 * node never fails the running scan of another node; the price is that after a crash and a quick
 * restart the dead job still shows RUNNING for up to a minute and a quarter. The work such a job did
 * is consistent (each batch commits on its own) and the next scan completes it.
 */
public final class JobService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JobService.class.getName());
    private static final long WRITE_EVERY_MS = 1000;
    private static final long EVENT_EVERY_MS = 250;
    private static final long HEARTBEAT_EVERY_MS = 15_000;
    /** Four missed heartbeats: long enough that a busy node is not taken for a dead one. */
    private static final long ABANDONED_AFTER_MS = 60_000;
    private static final String ABANDONED = "Interrupted: the server running it stopped before the job finished";

    /** A job's work; returns a short summary for the job's output. */
    public interface Task {
        String run(JobContext context) throws Exception;
    }

    private final Database db;
    private final Events events;
    private final Clock clock;
    private final ExecutorService workers;
    private final ScheduledExecutorService keeper;
    private final String nodeId = UUID.randomUUID().toString();
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Map<String, String> unfinishedByKey = new ConcurrentHashMap<>();

    private final class Running {
        final JobRow row;
        final JobContext context;
        /** System.nanoTime at the start: elapsed time and the progress throttles are measured, not read off the clock. */
        final long startedNanos = System.nanoTime();
        volatile long lastWrite = startedNanos - WRITE_EVERY_MS * 1_000_000;
        volatile long lastEvent = startedNanos - EVENT_EVERY_MS * 1_000_000;

        Running(JobRow row) {
            this.row = row;
            this.context = new JobContext(row.id, () -> progressed(this));
        }
    }

    public JobService(Database db, Events events, int workerThreads, String threadPrefix, Clock clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workerThreads, r -> {
            Thread t = new Thread(r, threadPrefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.keeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadPrefix + "-heartbeat");
            t.setDaemon(true);
            return t;
        });
        failAbandoned(clock.millis());
    }

    /** Starts marking this node's jobs alive (and failing abandoned ones) every 15 s. */
    public void start() {
        keeper.scheduleWithFixedDelay(this::keepAlive, HEARTBEAT_EVERY_MS, HEARTBEAT_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    private void keepAlive() {
        try {
            long now = clock.millis();
            db.auto(s -> s.getMapper(JobMapper.class).heartbeat(nodeId, now));
            failAbandoned(now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not mark this server's jobs alive", e);
        }
    }

    private void failAbandoned(long now) {
        int n = db.auto(s -> s.getMapper(JobMapper.class).failAbandoned(nodeId, now - ABANDONED_AFTER_MS, ABANDONED, now));
        if (n > 0) {
            LOG.info("Marked " + n + " job(s) that a stopped server left unfinished as FAILED");
        }
    }

    /**
     * Queues a job. With a {@code key} (e.g. "scan:<library>"), a job with the same key that has not
     * finished is returned instead of queuing another.
     */
    public synchronized String submit(String key, String name, String description, String libraryId, Task task) {
        if (key != null) {
            String existing = unfinishedByKey.get(key);
            if (existing != null) {
                return existing;
            }
        }
        JobRow row = new JobRow();
        row.id = UUID.randomUUID().toString();
        row.name = name;
        row.description = description;
        row.status = JobStatus.QUEUED;
        row.libraryId = libraryId;
        row.createdAt = clock.millis();
        row.nodeId = nodeId;
        row.heartbeatAt = row.createdAt;
        db.txVoid(s -> s.getMapper(JobMapper.class).insert(row));
        Running job = new Running(row);
        running.put(row.id, job);
        if (key != null) {
            unfinishedByKey.put(key, row.id);
        }
        workers.execute(() -> run(job, key, task));
        return row.id;
    }

    private void run(Running job, String key, Task task) {
        JobRow row = job.row;
        String output = null;
        JobStatus outcome;
        try {
            if (job.context.cancelled) {
                throw new CancellationException("cancelled before it started");
            }
            row.status = JobStatus.RUNNING;
            write(row);
            events.publish("JobStarted", Map.of("id", row.id, "name", row.name));
            output = task.run(job.context);
            outcome = job.context.cancelled() ? JobStatus.CANCELLED : JobStatus.COMPLETED;
        } catch (CancellationException e) {
            outcome = JobStatus.CANCELLED;
            output = "Cancelled";
        } catch (Exception | Error e) {
            outcome = JobStatus.FAILED;
            output = "Failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            LOG.log(Level.SEVERE, "Job " + row.name + " (" + row.id + ") failed", e);
        }
        row.status = outcome;
        row.outputData = output == null ? null : output.length() > 4000 ? output.substring(0, 4000) : output;
        row.completedAt = clock.millis();
        fillProgress(job);
        try {
            write(row);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record the end of job " + row.id, e);
        }
        running.remove(row.id);
        if (key != null) {
            unfinishedByKey.remove(key, row.id);
        }
        Map<String, Object> update = update(job);
        events.publish("JobUpdate", update);
        if (row.outputData != null) {
            events.publish("JobOutput", Map.of("id", row.id, "output", row.outputData));
        }
    }

    private void progressed(Running job) {
        long now = System.nanoTime();
        if (now - job.lastEvent >= EVENT_EVERY_MS * 1_000_000) {
            job.lastEvent = now;
            events.publish("JobUpdate", update(job));
        }
        if (now - job.lastWrite >= WRITE_EVERY_MS * 1_000_000) {
            job.lastWrite = now;
            fillProgress(job);
            try {
                write(job.row);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Could not record the progress of job " + job.row.id, e);
            }
        }
    }

    private void fillProgress(Running job) {
        job.row.totalTasks = job.context.total.get();
        job.row.completedTasks = job.context.completed.get();
        job.row.msElapsed = (System.nanoTime() - job.startedNanos) / 1_000_000;
    }

    private Map<String, Object> update(Running job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.row.id);
        m.put("status", job.row.status.name());
        int total = job.context.total.get();
        int done = job.context.completed.get();
        m.put("total_tasks", total);
        m.put("completed_tasks", done);
        m.put("percent", Job.percent(done, total, job.row.status));
        return m;
    }

    private void write(JobRow row) {
        row.heartbeatAt = clock.millis();
        db.auto(s -> s.getMapper(JobMapper.class).update(row));
    }

    /** The job, with live progress when it is running; 404 when there is none. */
    public Job get(String id) {
        Running r = running.get(id);
        if (r != null) {
            fillProgress(r);
            return snapshot(r.row);
        }
        JobRow row = db.auto(s -> s.getMapper(JobMapper.class).find(id));
        if (row == null) {
            throw ApiException.notFound("No job with id " + id);
        }
        return snapshot(row);
    }

    public Page<Job> list(PageRequest page) {
        if (page.cursorMode()) {
            throw ApiException.badRequest("Jobs are paged by page and page_size, not by cursor");
        }
        return db.auto(s -> {
            JobMapper m = s.getMapper(JobMapper.class);
            var rows = m.list(page.offset(), page.pageSize()).stream().map(r -> {
                Running live = running.get(r.id);
                if (live != null) {
                    fillProgress(live);
                    return snapshot(live.row);
                }
                return snapshot(r);
            }).toList();
            return new Page<>(rows, m.count(), page, null);
        });
    }

    /**
     * Asks a queued or running job to stop; 404 for an unknown job, 400 for a finished one or one
     * that another node runs (only that node can stop it).
     */
    public Job cancel(String id) {
        Running r = running.get(id);
        if (r == null) {
            Job job = get(id);
            if (!job.status().finished()) {
                throw ApiException.badRequest("The job runs on another server sharing this database; it can be cancelled only there");
            }
            throw ApiException.badRequest("The job has finished already (" + job.status() + ")");
        }
        r.context.cancelled = true;
        return snapshot(r.row);
    }

    /** What the row says now (a running job's row changes as it goes). */
    private static Job snapshot(JobRow r) {
        return new Job(r.id, r.name, r.description, r.status, r.libraryId, r.totalTasks, r.completedTasks, r.outputData,
                r.msElapsed, r.createdAt, r.completedAt);
    }

    /** Deletes a finished job's record; 400 while it runs (here or on another node). */
    public void delete(String id) {
        if (!get(id).status().finished()) {
            throw ApiException.badRequest("The job is still running; cancel it first");
        }
        db.auto(s -> s.getMapper(JobMapper.class).deleteFinished(id));
    }

    public int deleteAllFinished() {
        return db.auto(s -> s.getMapper(JobMapper.class).deleteAllFinished());
    }

    /** True while a job with this key is queued or running. */
    public boolean busy(String key) {
        return unfinishedByKey.containsKey(key);
    }

    /** Stops every job (undeploy): they end CANCELLED, their finished batches stay. */
    @Override
    public void close() {
        keeper.shutdownNow();
        running.values().forEach(r -> r.context.cancelled = true);
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(20, TimeUnit.SECONDS)) {
                LOG.warning("Background jobs did not stop within 20 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A worker interrupted inside the database may not have recorded its end; this thread was
        // not interrupted, so it can: nothing of this node is left RUNNING for the next start.
        try {
            db.auto(s -> s.getMapper(JobMapper.class).endOwn(nodeId, JobStatus.CANCELLED,
                    "Cancelled: the server stopped", clock.millis()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record the end of this node's jobs", e);
        }
    }
}
