package org.longbox.server.config;

import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The webapp's JNDI environment ({@code java:comp/env}): Tomcat's {@code <Environment>} and
 * web.xml {@code <env-entry>} values. A container without JNDI (plain Jetty) has none.
 */
final class JndiEnvironment {
    private static final Logger LOG = Logger.getLogger(JndiEnvironment.class.getName());

    private JndiEnvironment() {
    }

    /** Looks names up in {@code java:comp/env}; null for a name that is not there. */
    static Function<String, String> lookup() {
        Context env;
        try {
            env = (Context) new InitialContext().lookup("java:comp/env");
        } catch (NamingException | RuntimeException e) {
            return name -> null;
        }
        return name -> {
            try {
                Object v = env.lookup(name);
                return v == null ? null : v.toString();
            } catch (NameNotFoundException e) {
                return null;
            } catch (NamingException | RuntimeException e) {
                LOG.fine("java:comp/env/" + name + " cannot be read: " + e.getMessage());
                return null;
            }
        };
    }
}
