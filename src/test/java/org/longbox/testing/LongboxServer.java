package org.longbox.testing;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real WAR wiring (src/main/webapp/WEB-INF/web.xml: listeners, filters, Jersey, Swagger UI)
 * in an embedded Jetty 12 on a free port, with a fresh config dir and embedded Derby database per
 * test class. Settings are passed as context init-params, the way webapp-config/ passes them.
 */
public final class LongboxServer implements BeforeAllCallback, AfterAllCallback {
    private final String contextPath;
    private final Map<String, String> settings;
    private Path configDir;
    private Server server;
    private WebAppContext webapp;
    private Http http;

    private final Map<String, String> configFiles;
    private String[] owner;
    private String ownerSession;
    private LongboxServer sharedWith;

    private LongboxServer(String contextPath, Map<String, String> settings, Map<String, String> configFiles) {
        this.contextPath = contextPath;
        this.settings = settings;
        this.configFiles = configFiles;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String contextPath = "/";
        private final Map<String, String> settings = new LinkedHashMap<>(Map.of("HASH_COST", "4"));
        private final Map<String, String> configFiles = new LinkedHashMap<>();
        private String[] owner;
        private LongboxServer sharedWith;

        /** A second node: its own webapp and port, the other server's database (and config dir). */
        public Builder sharingDatabaseWith(LongboxServer other) {
            this.sharedWith = other;
            return this;
        }

        /** Claims the server as this owner right after the first start; see {@link #ownerSession()}. */
        public Builder claimedBy(String username, String password) {
            this.owner = new String[]{username, password};
            return this;
        }

        /** A file written into the config dir before the first start, e.g. Stump.toml. */
        public Builder configFile(String name, String content) {
            configFiles.put(name, content);
            return this;
        }

        public Builder contextPath(String path) {
            this.contextPath = path;
            return this;
        }

        public Builder setting(String name, String value) {
            settings.put(name, value);
            return this;
        }

        public LongboxServer build() {
            LongboxServer server = new LongboxServer(contextPath, settings, configFiles);
            server.owner = owner;
            server.sharedWith = sharedWith;
            return server;
        }
    }

    /**
     * Tests run on embedded Derby, or on PostgreSQL when the system property
     * {@code longbox.test.database=postgresql} is set (the Maven profile {@code postgresql-tests}
     * does so when LONGBOX_TEST_POSTGRES_URL names a database): then every test class gets a schema
     * of its own in that database.
     */
    public static boolean onPostgres() {
        return "postgresql".equals(System.getProperty("longbox.test.database"));
    }

    private String pgSchema;

    private static String postgresUrl() {
        String url = System.getenv("LONGBOX_TEST_POSTGRES_URL");
        if (url == null) {
            url = System.getProperty("LONGBOX_TEST_POSTGRES_URL");
        }
        if (url == null) {
            throw new IllegalStateException("longbox.test.database=postgresql needs LONGBOX_TEST_POSTGRES_URL");
        }
        return url;
    }

    private String schemaUrl() {
        String url = postgresUrl();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + pgSchema;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (sharedWith != null) {
            configDir = sharedWith.configDir;
            pgSchema = sharedWith.pgSchema;
            if (pgSchema != null) {
                settings.put("STUMP_DB_URL", schemaUrl());
            }
            start();
            return;
        }
        configDir = Files.createTempDirectory("longbox-test-");
        if (onPostgres()) {
            pgSchema = "lbt_" + Long.toHexString(System.nanoTime()) + Integer.toHexString((int) (Math.random() * 0xfff));
            try (Connection c = DriverManager.getConnection(postgresUrl()); var st = c.createStatement()) {
                st.execute("CREATE SCHEMA " + pgSchema);
            }
            settings.put("STUMP_DB_URL", schemaUrl());
        }
        for (Map.Entry<String, String> f : configFiles.entrySet()) {
            Files.writeString(configDir.resolve(f.getKey()), f.getValue());
        }
        start();
        if (owner != null) {
            Accounts.claim(http, owner[0], owner[1]);
            ownerSession = Accounts.login(http, owner[0], owner[1]);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
        if (sharedWith != null) {
            return;
        }
        deleteTree(configDir);
        if (pgSchema != null) {
            try (Connection c = DriverManager.getConnection(postgresUrl()); var st = c.createStatement()) {
                st.execute("DROP SCHEMA " + pgSchema + " CASCADE");
            }
        }
    }

    /** Deploys the webapp; throws when it fails to start (e.g. a bad setting). */
    public void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        webapp = new WebAppContext();
        webapp.setContextPath(contextPath);
        webapp.setWar(Path.of("src/main/webapp").toAbsolutePath().toString());
        webapp.setParentLoaderPriority(true);
        webapp.setThrowUnavailableOnStartupException(true);
        webapp.setInitParameter("STUMP_CONFIG_DIR", configDir.toString());
        settings.forEach(webapp::setInitParameter);
        server.setHandler(webapp);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        String ctx = contextPath.equals("/") ? "" : contextPath;
        http = new Http(URI.create("http://127.0.0.1:" + connector.getLocalPort() + ctx));
    }

    /** Undeploys, as Tomcat would on undeploy: listeners' contextDestroyed runs. */
    public void stop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public void restart() throws Exception {
        stop();
        start();
    }

    public Http http() {
        return http;
    }

    /** The owner's session token, when the builder claimed the server. */
    public String ownerSession() {
        return ownerSession;
    }

    public Path configDir() {
        return configDir;
    }

    public String contextPath() {
        return contextPath;
    }

    /** A JDBC connection to the same database (embedded Derby or the class's PostgreSQL schema), for checking rows directly. */
    public Connection sql() throws SQLException {
        if (pgSchema != null) {
            return DriverManager.getConnection(schemaUrl());
        }
        return DriverManager.getConnection("jdbc:derby:" + configDir.resolve("longbox-db"));
    }

    /** Runs a single-number query such as {@code SELECT COUNT(*) ...}. */
    public long count(String query, Object... args) throws SQLException {
        try (Connection c = sql(); var st = c.prepareStatement(query)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Runs a single-text query; null when there is no row. */
    public String string(String query, Object... args) throws SQLException {
        try (Connection c = sql(); var st = c.prepareStatement(query)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (var rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
