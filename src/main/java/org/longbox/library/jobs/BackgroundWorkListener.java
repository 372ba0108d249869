package org.longbox.library.jobs;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.longbox.server.Services;

/**
 * Background work: job heartbeats, library watchers and scheduled scans start with the deployment; on undeploy
 * they stop and running jobs are cancelled (their finished batches stay), before the database closes.
 */
public final class BackgroundWorkListener implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (Services.started(event.getServletContext())) {
            Services s = Services.from(event.getServletContext());
            s.jobs().start();
            s.watcher().start();
            s.scheduler().start();
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (Services.started(event.getServletContext())) {
            Services s = Services.from(event.getServletContext());
            s.scheduler().close();
            s.watcher().close();
            s.jobs().close();
        }
    }
}
