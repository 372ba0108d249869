package org.longbox.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads {@link Settings} once. Precedence: environment variable, then JVM system property, then
 * servlet context init-param, then JNDI environment entry ({@code java:comp/env/NAME}, e.g. a
 * Tomcat {@code <Environment>}), then {@code Stump.toml} in the config dir, then the default.
 */
public final class SettingsLoader {
    private final Function<String, String> env;
    private final Function<String, String> systemProperties;
    private final Function<String, String> initParams;
    private final Function<String, String> jndiEnv;

    public SettingsLoader(Function<String, String> env, Function<String, String> systemProperties,
                          Function<String, String> initParams, Function<String, String> jndiEnv) {
        this.env = env;
        this.systemProperties = systemProperties;
        this.initParams = initParams;
        this.jndiEnv = jndiEnv;
    }

    public static SettingsLoader forContainer(Function<String, String> initParams) {
        return new SettingsLoader(System::getenv, System::getProperty, initParams, JndiEnvironment.lookup());
    }

    public Settings load() {
        Path configDir = value(Settings.CONFIG_DIR, Map.of());
        Map<String, String> toml = readToml(configDir.resolve("Stump.toml"));
        Settings s = new Settings(
                configDir,
                value(Settings.DB_PATH, toml),
                value(Settings.DB_URL, toml),
                value(Settings.DB_USER, toml),
                value(Settings.DB_PASSWORD, toml),
                value(Settings.DB_JNDI_NAME, toml),
                value(Settings.DB_POOL_SIZE, toml),
                value(Settings.SESSION_TTL, toml),
                value(Settings.SESSION_CLEANUP_INTERVAL, toml),
                value(Settings.ACCESS_TOKEN_TTL, toml),
                value(Settings.HASH_COST, toml),
                value(Settings.LOCKOUT_SECONDS, toml),
                value(Settings.UNLOCK_USER, toml),
                value(Settings.ENABLE_SWAGGER_UI, toml),
                value(Settings.ALLOWED_ORIGINS, toml),
                value(Settings.VERBOSITY, toml),
                value(Settings.MAX_REQUEST_BODY, toml),
                value(Settings.MAX_SCANNER_CONCURRENCY, toml),
                value(Settings.SCHEDULER_CHECK_INTERVAL, toml),
                value(Settings.LIBRARY_ROOTS, toml),
                value(Settings.MAX_EVENT_STREAMS, toml));
        if (s.dbUrl() != null && !s.dbUrl().startsWith("jdbc:")) {
            throw new InvalidSettingException("Invalid setting " + Settings.DB_URL.name() + "=" + s.dbUrl()
                    + ": expected a JDBC URL starting with jdbc:");
        }
        return s;
    }

    private <T> T value(Setting<T> setting, Map<String, String> toml) {
        String[] found = find(setting, toml);
        String raw = found == null ? setting.defaultText() : found[0];
        if (raw == null) {
            return null;
        }
        try {
            return setting.parse(raw);
        } catch (IllegalArgumentException e) {
            String shown = setting.secret() ? "<hidden>" : raw;
            String source = found == null ? "default" : found[1];
            throw new InvalidSettingException("Invalid setting " + setting.name() + "=" + shown
                    + " (from " + source + "): " + e.getMessage());
        }
    }

    /** The raw value and where it came from, or null when no source sets it. */
    private String[] find(Setting<?> setting, Map<String, String> toml) {
        String v = env.apply(setting.name());
        if (v != null) return new String[]{v, "environment"};
        v = systemProperties.apply(setting.name());
        if (v != null) return new String[]{v, "system property"};
        v = initParams.apply(setting.name());
        if (v != null) return new String[]{v, "servlet init-param"};
        v = jndiEnv.apply(setting.name());
        if (v != null) return new String[]{v, "JNDI env entry java:comp/env/" + setting.name()};
        v = toml.get(setting.tomlKey());
        if (v != null) return new String[]{v, "Stump.toml"};
        return null;
    }

    private static Map<String, String> readToml(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = new TomlMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidSettingException("Cannot read " + file + ": " + firstLine(e.getMessage()));
        }
        Map<String, String> values = new HashMap<>();
        root.fields().forEachRemaining(entry -> {
            JsonNode n = entry.getValue();
            if (n.isArray()) {
                StringBuilder joined = new StringBuilder();
                n.forEach(item -> joined.append(joined.length() == 0 ? "" : ",").append(item.asText()));
                values.put(entry.getKey(), joined.toString());
            } else if (n.isValueNode()) {
                values.put(entry.getKey(), n.asText());
            }
        });
        return values;
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
