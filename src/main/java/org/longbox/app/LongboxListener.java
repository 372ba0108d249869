package org.longbox.app;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.longbox.server.Logging;
import org.longbox.server.config.InvalidSettingException;
import org.longbox.server.config.Settings;
import org.longbox.server.config.SettingsLoader;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one class the container instantiates (web.xml declares it and nothing else that runs code).
 * At deploy it reads the settings, builds {@link Longbox} (database, services, background work) and
 * registers the filters and servlets, each built with what it needs ({@link WebComponents}). At
 * undeploy it takes Longbox down again. A bad setting stops the start with one line naming it;
 * nothing half-starts.
 *
 * <p>Its one seam besides the settings: a {@link Clock} in the context attribute
 * {@link #CLOCK_ATTRIBUTE}, set by tests before the deployment starts, replaces the system clock.
 * Nothing else is ever read from or written to the servlet context's attributes.
 */
public final class LongboxListener implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(LongboxListener.class.getName());
    /** Context attribute holding a {@link Clock} to run on instead of the system clock (tests set it). */
    public static final String CLOCK_ATTRIBUTE = "org.longbox.clock";

    private Longbox longbox;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        try {
            Settings settings = SettingsLoader.forContainer(context::getInitParameter).load();
            Logging.apply(settings.verbosity());
            Clock clock = context.getAttribute(CLOCK_ATTRIBUTE) instanceof Clock c ? c : Clock.systemUTC();
            longbox = Longbox.open(settings, clock, threadSuffix(context));
            WebComponents.register(context, longbox);
            longbox.startBackgroundWork();
            LOG.info("Longbox " + longbox.version().semver() + " started at " + nameOf(context) + " with "
                    + longbox.databaseDescription());
        } catch (InvalidSettingException e) {
            LOG.severe("Longbox cannot start: " + e.getMessage());
            stop();
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Longbox cannot start: " + e.getMessage(), e);
            stop();
            throw e;
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        stop();
        LOG.info("Longbox stopped at " + nameOf(event.getServletContext()));
    }

    private void stop() {
        if (longbox != null) {
            longbox.close();
            longbox = null;
        }
    }

    private static String nameOf(ServletContext context) {
        String path = context.getContextPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** Thread names carry the context path, so two deployments in one container can be told apart. */
    private static String threadSuffix(ServletContext context) {
        String path = context.getContextPath();
        return path == null || path.isEmpty() ? "" : "-" + path.substring(1);
    }
}
