package org.longbox.library.jobs;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.longbox.server.Services;

/**
 * Stops background work on undeploy, before the database closes: running jobs are cancelled
 * (their finished batches stay) and their threads end.
 */
public final class BackgroundWorkListener implements ServletContextListener {
    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (Services.started(event.getServletContext())) {
            Services.from(event.getServletContext()).jobs().close();
        }
    }
}
