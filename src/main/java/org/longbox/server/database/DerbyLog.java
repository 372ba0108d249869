package org.longbox.server.database;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends Derby's error stream to java.util.logging instead of a derby.log in the working directory,
 * which a container may not let us write (stack.md gotcha 6).
 */
public final class DerbyLog {
    private static final Logger LOG = Logger.getLogger("org.apache.derby");

    /** Read by Derby through the derby.stream.error.field system property. */
    public static final OutputStream SINK = new OutputStream() {
        private final StringBuilder line = new StringBuilder();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                flushLine();
            } else {
                line.append((char) (b & 0xff));
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            String s = new String(b, off, len, StandardCharsets.UTF_8);
            for (char c : s.toCharArray()) {
                if (c == '\n') {
                    flushLine();
                } else {
                    line.append(c);
                }
            }
        }

        private void flushLine() {
            if (!line.toString().isBlank()) {
                LOG.log(Level.FINE, line.toString());
            }
            line.setLength(0);
        }
    };

    private DerbyLog() {
    }

    static void install() {
        if (System.getProperty("derby.stream.error.file") == null
                && System.getProperty("derby.stream.error.field") == null) {
            System.setProperty("derby.stream.error.field", DerbyLog.class.getName() + ".SINK");
        }
    }
}
