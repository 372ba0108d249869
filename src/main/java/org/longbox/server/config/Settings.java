package org.longbox.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Every setting Longbox reads, typed and validated, read once at start by {@link SettingsLoader}.
 * Names follow Stump's environment variables where Stump has one.
 */
public record Settings(
        Path configDir,
        Path dbPath,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String dbJndiName,
        int dbPoolSize,
        Duration sessionTtl,
        Duration sessionCleanupInterval,
        Duration accessTokenTtl,
        int hashCost,
        Duration lockout,
        String unlockUser,
        boolean swaggerEnabled,
        List<String> allowedOrigins,
        int verbosity,
        long maxRequestBody,
        int scannerConcurrency,
        Duration schedulerCheckInterval,
        List<Path> libraryRoots,
        int maxEventStreams) {

    public static final Setting<Path> CONFIG_DIR = Setting.path("STUMP_CONFIG_DIR", "config_dir", "~/.longbox",
            "Root for the embedded database, thumbnails and Stump.toml.");
    public static final Setting<Path> DB_PATH = Setting.path("STUMP_DB_PATH", "db_path", null,
            "Directory that holds the embedded Derby database (default: the config dir).");
    public static final Setting<String> DB_URL = Setting.text("STUMP_DB_URL", "db_url", null,
            "JDBC URL of an external database (e.g. jdbc:postgresql://db/longbox); replaces embedded Derby.");
    public static final Setting<String> DB_USER = Setting.text("STUMP_DB_USER", "db_user", null,
            "User for STUMP_DB_URL.");
    public static final Setting<String> DB_PASSWORD = Setting.secretText("STUMP_DB_PASSWORD", "db_password",
            "Password for STUMP_DB_URL. Never logged.");
    public static final Setting<String> DB_JNDI_NAME = Setting.text("STUMP_DB_JNDI_NAME", "db_jndi_name", null,
            "JNDI name of a container DataSource (e.g. java:comp/env/jdbc/longbox); wins over STUMP_DB_URL.");
    public static final Setting<Integer> DB_POOL_SIZE = Setting.integer("STUMP_DB_POOL_SIZE", "db_pool_size", 10, 1, 200,
            "Connections in Longbox's own pool (not used with a JNDI DataSource).");
    public static final Setting<Duration> SESSION_TTL = Setting.seconds("SESSION_TTL", "session_ttl", 259200, 1,
            "Session lifetime in seconds, sliding with use.");
    public static final Setting<Duration> SESSION_CLEANUP_INTERVAL = Setting.seconds("SESSION_EXPIRY_CLEANUP_INTERVAL",
            "expired_session_cleanup_interval", 60, 0,
            "Seconds between sweeps that delete expired sessions; 0 runs no sweep.");
    public static final Setting<Duration> ACCESS_TOKEN_TTL = Setting.seconds("ACCESS_TOKEN_TTL", "access_token_ttl", 86400, 1,
            "Lifetime of JWT access tokens in seconds.");
    public static final Setting<Integer> HASH_COST = Setting.integer("HASH_COST", "password_hash_cost", 12, 4, 31,
            "bcrypt cost for new passwords.");
    public static final Setting<Duration> LOCKOUT_SECONDS = Setting.seconds("STUMP_LOCKOUT_SECONDS", "lockout_seconds", 900, 1,
            "Seconds signing in with a name stays locked after ten failed sign-ins (and how long failures are remembered).");
    public static final Setting<String> UNLOCK_USER = Setting.username("STUMP_UNLOCK_USER", "unlock_user",
            "A username to unlock at start (the owner's lock and failed sign-ins); logged. Remove it once back in.");
    public static final Setting<Boolean> ENABLE_SWAGGER_UI = Setting.bool("ENABLE_SWAGGER_UI", "enable_swagger", true,
            "Serve /swagger-ui and /api-doc/openapi.json.");
    public static final Setting<List<String>> ALLOWED_ORIGINS = Setting.origins("STUMP_ALLOWED_ORIGINS", "allowed_origins",
            "Comma-separated origins allowed by CORS with credentials; * lets any other origin read answers without credentials.");
    public static final Setting<Integer> VERBOSITY = Setting.integer("STUMP_VERBOSITY", "verbosity", 1, 0, 3,
            "0 warnings only, 1 info, 2 debug, 3 trace.");
    public static final Setting<Long> MAX_REQUEST_BODY = Setting.bytes("STUMP_MAX_REQUEST_BODY", "max_request_body", 1_048_576, 1024,
            "Largest JSON request body in bytes; larger bodies get 413.");

    public static final Setting<Integer> MAX_SCANNER_CONCURRENCY = Setting.integer("STUMP_MAX_SCANNER_CONCURRENCY",
            "max_scanner_concurrency", Runtime.getRuntime().availableProcessors() * 2, 1, 256,
            "Books a scan reads at the same time (default: twice the processors).");

    public static final Setting<Duration> SCHEDULER_CHECK_INTERVAL = Setting.seconds("STUMP_SCHEDULER_CHECK_INTERVAL",
            "scheduler_check_interval", 30, 1,
            "Seconds between checks whether the scheduled scans (/api/v1/jobs/scheduler-config) are due.");

    public static final Setting<List<Path>> LIBRARY_ROOTS = Setting.absolutePaths("STUMP_LIBRARY_ROOTS", "library_roots",
            "Comma-separated absolute folders that libraries and the folder browser must stay inside (default: anywhere).");

    public static final Setting<Integer> MAX_EVENT_STREAMS = Setting.integer("STUMP_MAX_EVENT_STREAMS",
            "max_event_streams", 100, 1, 10_000,
            "Event streams (/sse) open at once; the next one is refused with 503.");

    /** In documentation order. */
    public static final List<Setting<?>> ALL = List.of(CONFIG_DIR, DB_PATH, DB_URL, DB_USER, DB_PASSWORD, DB_JNDI_NAME,
            DB_POOL_SIZE, SESSION_TTL, SESSION_CLEANUP_INTERVAL, ACCESS_TOKEN_TTL, HASH_COST, LOCKOUT_SECONDS, UNLOCK_USER,
            ENABLE_SWAGGER_UI,
            ALLOWED_ORIGINS, VERBOSITY, MAX_REQUEST_BODY, MAX_SCANNER_CONCURRENCY, SCHEDULER_CHECK_INTERVAL, LIBRARY_ROOTS,
            MAX_EVENT_STREAMS);

    /** The directory that holds the embedded database. */
    public Path derbyDirectory() {
        return (dbPath != null ? dbPath : configDir).resolve("longbox-db");
    }
}
