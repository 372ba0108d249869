package org.longbox.server;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.longbox.server.config.InvalidSettingException;
import org.longbox.server.config.Settings;
import org.longbox.server.config.SettingsLoader;
import org.longbox.server.database.Database;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts a deployment: reads the settings, opens the database (migrating it), builds the
 * {@link Services}. A bad setting stops the start with one line naming it; nothing half-starts.
 * On undeploy it closes the pool and shuts the embedded database down.
 */
public final class ServerListener implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(ServerListener.class.getName());
    private Database database;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        try {
            Settings settings = SettingsLoader.forContainer(context::getInitParameter).load();
            Logging.apply(settings.verbosity());
            database = Database.open(settings, Services.MAPPERS);
            Services services = new Services(settings, database);
            services.publish(context);
            LOG.info("Longbox " + services.version().semver() + " started at " + nameOf(context)
                    + " with " + (settings.dbJndiName() != null ? "JNDI DataSource " + settings.dbJndiName()
                    : settings.dbUrl() != null ? "database " + database.vendor() : "embedded Derby in " + settings.derbyDirectory()));
        } catch (InvalidSettingException e) {
            LOG.severe("Longbox cannot start: " + e.getMessage());
            closeDatabase();
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Longbox cannot start: " + e.getMessage(), e);
            closeDatabase();
            throw e;
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Services.unpublish(event.getServletContext());
        closeDatabase();
        LOG.info("Longbox stopped at " + nameOf(event.getServletContext()));
    }

    private void closeDatabase() {
        if (database != null) {
            try {
                database.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Closing the database failed", e);
            }
            database = null;
        }
    }

    private static String nameOf(ServletContext context) {
        String path = context.getContextPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
