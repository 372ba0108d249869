package org.longbox.auth;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.longbox.server.Services;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes expired sessions every SESSION_EXPIRY_CLEANUP_INTERVAL seconds (0: never). Expired
 * sessions are refused at once anyway; this keeps the table from growing. Stops on undeploy.
 */
public final class SessionCleanupListener implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(SessionCleanupListener.class.getName());
    public static final String THREAD_PREFIX = "longbox-session-cleanup";
    private ScheduledExecutorService timer;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!Services.started(event.getServletContext())) {
            // The start already failed and said why; some containers still call the other listeners.
            return;
        }
        Services services = Services.from(event.getServletContext());
        Duration interval = services.settings().sessionCleanupInterval();
        if (interval.isZero()) {
            LOG.info("Expired-session cleanup is off (SESSION_EXPIRY_CLEANUP_INTERVAL=0)");
            return;
        }
        String context = event.getServletContext().getContextPath();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, THREAD_PREFIX + (context.isEmpty() ? "" : "-" + context.substring(1)));
            t.setDaemon(true);
            return t;
        });
        SessionService sessions = services.sessions();
        long ms = interval.toMillis();
        timer.scheduleWithFixedDelay(() -> sweep(sessions), ms, ms, TimeUnit.MILLISECONDS);
    }

    private static void sweep(SessionService sessions) {
        try {
            int removed = sessions.deleteExpired();
            LOG.log(removed > 0 ? Level.INFO : Level.FINE, "Deleted " + removed + " expired session(s)");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Expired-session cleanup failed; will retry", e);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
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
