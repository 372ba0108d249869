package org.longbox.testing;

import jakarta.servlet.http.HttpServlet;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.UriBuilder;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.DeploymentContext;
import org.glassfish.jersey.test.JerseyTest;
import org.glassfish.jersey.test.ServletDeploymentContext;
import org.glassfish.jersey.test.TestProperties;
import org.glassfish.jersey.test.spi.TestContainerFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.longbox.app.LongboxListener;

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
 * The real WAR wiring (src/main/webapp/WEB-INF/web.xml: its listener, the filters and servlets it
 * registers, the error page) in an embedded Jetty 12 on a free port, deployed by JerseyTest through
 * {@link JettyWebAppTestContainerFactory}, with a fresh config dir and embedded Derby database per
 * test class. Settings are passed as context init-params, the way webapp-config/ passes them.
 * Requests go through JerseyTest's client: {@link #http()}, or {@link #target(String)}.
 */
public final class LongboxServer implements BeforeAllCallback, AfterAllCallback {
    private final String contextPath;
    private final Map<String, String> settings;
    private final TestClock clock;
    private int sendBufferSize;
    private Path configDir;
    private JerseyTest jerseyTest;
    private Http http;

    private final Map<String, String> configFiles;
    private String[] owner;
    private String ownerSession;
    private LongboxServer sharedWith;
    private boolean lenientUris;

    private LongboxServer(String contextPath, Map<String, String> settings, Map<String, String> configFiles, TestClock clock) {
        this.contextPath = contextPath;
        this.settings = settings;
        this.configFiles = configFiles;
        this.clock = clock;
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
        private TestClock clock;
        private boolean lenientUris;
        private int sendBufferSize;

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

        /**
         * Runs the whole deployment on this clock instead of the system clock: it is put in the
         * context attribute {@link LongboxListener#CLOCK_ATTRIBUTE} before the webapp starts.
         */
        public Builder clock(TestClock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Jetty passes paths it would refuse itself (encoded {@code /} and {@code \}, {@code %2e}
         * segments, {@code //}) on to the webapp, as a more lenient container or connector would:
         * to see that the webapp refuses them on its own.
         */
        public Builder lenientUris() {
            this.lenientUris = true;
            return this;
        }

        /**
         * A small send buffer on every connection the server accepts, as a slow network gives: a
         * client that stops reading then blocks the server's writes after kilobytes, not megabytes.
         */
        public Builder sendBufferSize(int bytes) {
            this.sendBufferSize = bytes;
            return this;
        }

        public LongboxServer build() {
            LongboxServer server = new LongboxServer(contextPath, settings, configFiles, clock);
            server.lenientUris = lenientUris;
            server.sendBufferSize = sendBufferSize;
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
        // as context init-params, the way webapp-config/ passes them; a setting may override the config dir
        Map<String, String> initParams = new LinkedHashMap<>();
        initParams.put("STUMP_CONFIG_DIR", configDir.toString());
        initParams.putAll(settings);
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (clock != null) {
            attributes.put(LongboxListener.CLOCK_ATTRIBUTE, clock);
        }
        JerseyTest deployment = jerseyTest(contextPath, initParams,
                new JettyWebAppTestContainerFactory(Path.of("src/main/webapp"), attributes, lenientUris, sendBufferSize));
        try {
            deployment.setUp();
        } catch (Exception | Error e) {
            try {
                deployment.tearDown(); // stops the half-started container, like server.stop() did
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        jerseyTest = deployment;
        // the base without a trailing slash: tests append paths that start with "/"
        String base = deployment.target().getUri().toString();
        http = new Http(URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base), deployment.client());
    }

    /**
     * A JerseyTest deploying the WAR through the factory, called through setUp()/tearDown() only:
     * test classes do not extend it. configureDeployment() runs inside JerseyTest's constructor, so
     * the anonymous class reads captured parameters (set before super()), never fields of its own.
     */
    private static JerseyTest jerseyTest(String contextPath, Map<String, String> initParams, TestContainerFactory factory) {
        return new JerseyTest(factory) {
            @Override
            protected DeploymentContext configureDeployment() {
                forceSet(TestProperties.CONTAINER_PORT, "0"); // a free port; the default is 9998
                ServletDeploymentContext.Builder b = ServletDeploymentContext.builder(new ResourceConfig())
                        .contextPath(contextPath)
                        .contextParams(initParams);
                // The builder always names a servlet (Jersey's ServletContainer on /*), which would clash
                // with the one LongboxListener registers; the constructor is protected, so a subclass drops it.
                return new ServletDeploymentContext(b) {
                    @Override
                    public Class<? extends HttpServlet> getServletClass() {
                        return null;
                    }
                };
            }

            @Override
            protected URI getBaseUri() {
                // JerseyTest says "localhost"; bind and connect to IPv4 loopback, as before
                return UriBuilder.fromUri(super.getBaseUri()).host("127.0.0.1").build();
            }

            @Override
            protected void configureClient(ClientConfig config) {
                // java.net.http: PATCH and the Origin header are sent (the default HttpURLConnection connector: neither)
                config.connectorProvider(new JavaNetHttpConnectorProvider());
                // as before: no redirects followed (the connector's default follows them), no cookie jar (none is set)
                config.property(ClientProperties.FOLLOW_REDIRECTS, false);
                config.property(ClientProperties.READ_TIMEOUT, (int) Http.TIMEOUT.toMillis());
                // tests send what a client might: PUT without a body, DELETE with one
                config.property(ClientProperties.SUPPRESS_HTTP_COMPLIANCE_VALIDATION, true);
            }
        };
    }

    /** Undeploys, as Tomcat would on undeploy: listeners' contextDestroyed runs. */
    public void stop() throws Exception {
        if (jerseyTest != null) {
            JerseyTest deployment = jerseyTest;
            jerseyTest = null;
            deployment.tearDown();
        }
    }

    public void restart() throws Exception {
        stop();
        start();
    }

    /** Sets (or, with null, removes) a setting for the next {@link #start}, as an admin edits the config before a restart. */
    public void setting(String name, String value) {
        if (value == null) {
            settings.remove(name);
        } else {
            settings.put(name, value);
        }
    }

    /** The deployment's JAX-RS target for {@code path} (relative to the context path), from JerseyTest's client. */
    public WebTarget target(String path) {
        if (jerseyTest == null) {
            throw new IllegalStateException("not deployed");
        }
        return jerseyTest.target(path);
    }

    /** The clock the deployment runs on, when the builder set one; null otherwise. */
    public TestClock clock() {
        return clock;
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
