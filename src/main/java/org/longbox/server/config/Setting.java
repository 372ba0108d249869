package org.longbox.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One typed configuration key: its environment variable name (also the system property and the
 * servlet init-param name), its key in {@code Stump.toml}, its default and how a raw string becomes
 * a value. {@link #parse} throws {@link IllegalArgumentException} with what was expected.
 */
public final class Setting<T> {
    private final String name;
    private final String tomlKey;
    private final String defaultText;
    private final Function<String, T> parser;
    private final boolean secret;
    private final String description;

    private Setting(String name, String tomlKey, String defaultText, Function<String, T> parser,
                    boolean secret, String description) {
        this.name = name;
        this.tomlKey = tomlKey;
        this.defaultText = defaultText;
        this.parser = parser;
        this.secret = secret;
        this.description = description;
    }

    public String name() { return name; }
    public String tomlKey() { return tomlKey; }
    /** The default as text, or null when the setting is unset by default. */
    public String defaultText() { return defaultText; }
    public boolean secret() { return secret; }
    public String description() { return description; }

    T parse(String raw) {
        return parser.apply(raw.trim());
    }

    static Setting<String> text(String name, String tomlKey, String def, String description) {
        return new Setting<>(name, tomlKey, def, s -> s.isEmpty() ? null : s, false, description);
    }

    /** A username as sign-in takes it: trimmed, 1 to 255 characters, no ':' and no control characters. */
    static Setting<String> username(String name, String tomlKey, String description) {
        return new Setting<>(name, tomlKey, null, s -> {
            if (s.isEmpty()) {
                return null;
            }
            if (s.length() > 255 || !s.matches("[^:\\p{Cntrl}]+")) {
                throw new IllegalArgumentException("expected a username (at most 255 characters, no ':' or control characters)");
            }
            return s;
        }, false, description);
    }

    static Setting<String> secretText(String name, String tomlKey, String description) {
        return new Setting<>(name, tomlKey, null, s -> s.isEmpty() ? null : s, true, description);
    }

    static Setting<Path> path(String name, String tomlKey, String def, String description) {
        return new Setting<>(name, tomlKey, def, Setting::parsePath, false, description);
    }

    static Setting<Integer> integer(String name, String tomlKey, int def, int min, int max, String description) {
        return new Setting<>(name, tomlKey, Integer.toString(def), s -> parseInt(s, min, max), false, description);
    }

    static Setting<Duration> seconds(String name, String tomlKey, long def, long min, String description) {
        return new Setting<>(name, tomlKey, Long.toString(def), s -> Duration.ofSeconds(parseLong(s, min, Long.MAX_VALUE / 1000, "a whole number of seconds")), false, description);
    }

    static Setting<Long> bytes(String name, String tomlKey, long def, long min, String description) {
        return new Setting<>(name, tomlKey, Long.toString(def), s -> parseLong(s, min, Long.MAX_VALUE, "a whole number of bytes"), false, description);
    }

    static Setting<Boolean> bool(String name, String tomlKey, boolean def, String description) {
        return new Setting<>(name, tomlKey, Boolean.toString(def), Setting::parseBool, false, description);
    }

    /**
     * Comma-separated web origins ({@code scheme://host[:port]}, as a browser's Origin header has
     * them) or {@code *}; lower-cased, because browsers send them so. {@code null} is refused: it
     * is the origin of sandboxed frames and file: pages, so allowing it would allow any page.
     */
    static Setting<List<String>> origins(String name, String tomlKey, String description) {
        return new Setting<>(name, tomlKey, "", Setting::parseOrigins, false, description);
    }

    private static final Pattern ORIGIN =
            Pattern.compile("^[a-z][a-z0-9+.\\-]*://(?:[a-z0-9\\-]+(?:\\.[a-z0-9\\-]+)*|\\[[0-9a-f:.]+])(?::([0-9]{1,5}))?$");

    private static List<String> parseOrigins(String s) {
        List<String> origins = new ArrayList<>();
        for (String part : s.split(",")) {
            String origin = part.trim().toLowerCase(Locale.ROOT);
            if (origin.isEmpty()) {
                continue;
            }
            if (origin.equals("null")) {
                throw new IllegalArgumentException("'null' is never allowed: sandboxed frames and file: pages send it");
            }
            Matcher m = ORIGIN.matcher(origin);
            if (!origin.equals("*") && (!m.matches() || (m.group(1) != null && Integer.parseInt(m.group(1)) > 65535))) {
                throw new IllegalArgumentException("expected * or origins such as https://reader.example:8443"
                        + " (scheme://host[:port], no path and no trailing slash)");
            }
            origins.add(origin);
        }
        return List.copyOf(origins);
    }

    /** Absolute paths separated by commas, normalised ("/a/./b/../c" is "/a/c"); empty when unset. */
    static Setting<List<Path>> absolutePaths(String name, String tomlKey, String description) {
        return new Setting<>(name, tomlKey, "", Setting::parseAbsolutePaths, false, description);
    }

    private static List<Path> parseAbsolutePaths(String s) {
        List<Path> paths = new java.util.ArrayList<>();
        for (String item : s.split(",")) {
            String t = item.trim();
            if (t.isEmpty()) {
                continue;
            }
            Path p;
            try {
                p = Path.of(t);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("expected absolute folder paths separated by commas; '" + t + "' is not a path");
            }
            if (!p.isAbsolute()) {
                throw new IllegalArgumentException("expected absolute folder paths separated by commas; '" + t + "' is relative");
            }
            paths.add(p.normalize());
        }
        return List.copyOf(paths);
    }

    private static Path parsePath(String s) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("expected a directory path");
        }
        String expanded = s.equals("~") || s.startsWith("~/") ? System.getProperty("user.home") + s.substring(1) : s;
        try {
            return Path.of(expanded).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("expected a directory path");
        }
    }

    private static int parseInt(String s, int min, int max) {
        return (int) parseLong(s, min, max, "a whole number");
    }

    private static long parseLong(String s, long min, long max, String what) {
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected " + what + " between " + min + " and " + max);
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("expected " + what + " between " + min + " and " + max);
        }
        return v;
    }

    private static boolean parseBool(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }
}
