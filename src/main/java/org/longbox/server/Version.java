package org.longbox.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What build this is, from version.properties filled in by Maven. */
public record Version(String semver, String rev, String compileTime) {
    public static Version load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to the unknowns below
        }
        return new Version(clean(p.getProperty("semver")), clean(p.getProperty("rev")), clean(p.getProperty("compile_time")));
    }

    private static String clean(String v) {
        return v == null || v.isBlank() || v.startsWith("${") ? "unknown" : v;
    }
}
