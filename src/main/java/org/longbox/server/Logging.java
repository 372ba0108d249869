package org.longbox.server;

import java.util.logging.Level;
import java.util.logging.Logger;

/** STUMP_VERBOSITY as java.util.logging levels for Longbox's own loggers. */
public final class Logging {
    // Held so the configured level is not lost when the logger would otherwise be collected.
    private static Logger root;
    private static Logger flywayVersionCheck;
    private static Logger jerseyProviderCheck;

    private Logging() {
    }

    public static void apply(int verbosity) {
        root = Logger.getLogger("org.longbox");
        root.setLevel(switch (verbosity) {
            case 0 -> Level.WARNING;
            case 1 -> Level.INFO;
            case 2 -> Level.FINE;
            default -> Level.FINEST;
        });
        // Flyway warns on every start that Derby 10.16 is newer than it was verified with; the
        // pairing is covered by our tests, so the warning only adds noise.
        flywayVersionCheck = Logger.getLogger("org.flywaydb.core.internal.database.base.Database");
        flywayVersionCheck.setLevel(Level.SEVERE);
        // Jersey takes every resource registered as an instance (ours all are: they receive their
        // services in their constructors) for a provider too, and warns at each start that it "will
        // be ignored" as one (Jersey issue #3700); it is served as a resource all the same.
        jerseyProviderCheck = Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");
        jerseyProviderCheck.setLevel(Level.SEVERE);
    }
}
