package org.longbox.auth;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes expired sessions, and failed-sign-in counts that are forgotten, every
 * SESSION_EXPIRY_CLEANUP_INTERVAL seconds (0: never). Both are ignored once expired anyway; this
 * keeps the tables from growing. A real timer on purpose: what it proves is that the sweep runs by itself.
 */
public final class SessionCleanup implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SessionCleanup.class.getName());
    public static final String THREAD_PREFIX = "longbox-session-cleanup";

    private final SessionService sessions;
    private final LoginThrottle throttle;
    private final Duration interval;
    private final String threadName;
    private ScheduledExecutorService timer;

    /** @param threadSuffix appended to the thread's name, so deployments can be told apart ("" for none) */
    public SessionCleanup(SessionService sessions, LoginThrottle throttle, Duration interval, String threadSuffix) {
        this.sessions = sessions;
        this.throttle = throttle;
        this.interval = interval;
        this.threadName = THREAD_PREFIX + threadSuffix;
    }

    public synchronized void start() {
        if (interval.isZero()) {
            LOG.info("Expired-session cleanup is off (SESSION_EXPIRY_CLEANUP_INTERVAL=0)");
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        timer.scheduleWithFixedDelay(this::sweep, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            int removed = sessions.deleteExpired();
            LOG.log(removed > 0 ? Level.INFO : Level.FINE, "Deleted " + removed + " expired session(s)");
            int forgotten = throttle.deleteExpired();
            LOG.log(Level.FINE, "Deleted " + forgotten + " expired failed-sign-in count(s)");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Expired-session cleanup failed; will retry", e);
        }
    }

    @Override
    public synchronized void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warning("Expired-session cleanup did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer = null;
    }
}
