package org.longbox.server.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.flywaydb.core.Flyway;
import org.longbox.server.config.InvalidSettingException;
import org.longbox.server.config.Settings;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one database of a deployment: a DataSource (our own pool, or the container's through JNDI),
 * migrations applied at start, and MyBatis on top. {@link #tx} is the one way services touch SQL.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    private static final String DERBY_DRIVER = "org.apache.derby.jdbc.EmbeddedDriver";

    private final DataSource dataSource;
    private final HikariDataSource ownPool;
    private final String derbyUrl;
    private final SqlSessionFactory sessions;
    private final String vendor;
    /** The transaction this thread is in, if any; always removed when it ends (nothing stays on pooled threads). */
    private final ThreadLocal<SqlSession> current = new ThreadLocal<>();

    private Database(DataSource dataSource, HikariDataSource ownPool, String derbyUrl, List<Class<?>> mappers) {
        this.dataSource = dataSource;
        this.ownPool = ownPool;
        this.derbyUrl = derbyUrl;
        this.vendor = vendorOf(dataSource);
        migrate();
        this.sessions = mybatis(mappers);
    }

    /** Opens the database the settings name and brings its schema up to date. */
    /** True when a write failed on a unique (or other integrity) constraint: SQLState class 23, any database. */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    public static Database open(Settings settings, List<Class<?>> mappers) {
        if (settings.dbJndiName() != null) {
            return new Database(lookup(settings.dbJndiName()), null, null, mappers);
        }
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("longbox");
        pool.setMaximumPoolSize(settings.dbPoolSize());
        pool.setMinimumIdle(Math.min(2, settings.dbPoolSize()));
        String derbyUrl = null;
        if (settings.dbUrl() != null) {
            pool.setJdbcUrl(settings.dbUrl());
            pool.setUsername(settings.dbUser());
            pool.setPassword(settings.dbPassword());
            // Named drivers are loaded directly: DriverManager does not see a webapp's own drivers.
            if (settings.dbUrl().startsWith("jdbc:derby:")) {
                derbyUrl = settings.dbUrl();
                pool.setDriverClassName(DERBY_DRIVER);
            } else if (settings.dbUrl().startsWith("jdbc:postgresql:")) {
                pool.setDriverClassName("org.postgresql.Driver");
            }
        } else {
            DerbyLog.install();
            try {
                Files.createDirectories(settings.derbyDirectory().getParent());
            } catch (IOException e) {
                throw new InvalidSettingException("Cannot create the database directory "
                        + settings.derbyDirectory().getParent() + ": " + e);
            }
            derbyUrl = "jdbc:derby:" + settings.derbyDirectory();
            // Derby's DataSource rather than its driver: nothing goes through DriverManager, which
            // cannot see drivers inside a web application's class loader.
            pool.setDataSourceClassName("org.apache.derby.jdbc.EmbeddedDataSource");
            pool.addDataSourceProperty("databaseName", settings.derbyDirectory().toString());
            pool.addDataSourceProperty("createDatabase", "create");
        }
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new InvalidSettingException("Cannot open the database " + describe(settings) + ": " + rootMessage(e));
        }
        try {
            return new Database(ds, ds, derbyUrl, mappers);
        } catch (RuntimeException e) {
            ds.close();
            shutdownDerby(derbyUrl);
            throw e;
        }
    }

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws. Called
     * while this thread is already inside {@code tx}, the work joins that transaction, so services of
     * several features can make one change together (a lock and the sessions it ends) without
     * handing each other SQL sessions.
     */
    public <T> T tx(Function<SqlSession, T> work) {
        SqlSession outer = current.get();
        if (outer != null) {
            return work.apply(outer);
        }
        try (SqlSession session = sessions.openSession(false)) {
            current.set(session);
            try {
                T result = work.apply(session);
                session.commit(true);
                return result;
            } finally {
                current.remove();
            }
        }
    }

    public void txVoid(Consumer<SqlSession> work) {
        tx(s -> {
            work.accept(s);
            return null;
        });
    }

    /**
     * Runs a single statement (or a read) with auto-commit: the cheap path for hot reads. Inside a
     * {@link #tx} on this thread it joins that transaction instead (and sees its writes).
     */
    public <T> T auto(Function<SqlSession, T> work) {
        SqlSession outer = current.get();
        if (outer != null) {
            return work.apply(outer);
        }
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session);
        }
    }

    /** "derby" or "postgresql" (the MyBatis databaseId). */
    public String vendor() {
        return vendor;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        if (ownPool != null) {
            ownPool.close();
        }
        shutdownDerby(derbyUrl);
    }

    private void migrate() {
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .failOnMissingLocations(false)
                .load()
                .migrate();
    }

    private SqlSessionFactory mybatis(List<Class<?>> mappers) {
        Configuration c = new Configuration(new Environment("longbox", new JdbcTransactionFactory(), dataSource));
        c.setDatabaseId(vendor);
        c.setLocalCacheScope(LocalCacheScope.STATEMENT);
        c.setCacheEnabled(false);
        for (Class<?> mapper : mappers) {
            c.addMapper(mapper);
        }
        return new SqlSessionFactoryBuilder().build(c);
    }

    private static String vendorOf(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (product.contains("Derby")) return "derby";
            if (product.contains("PostgreSQL")) return "postgresql";
            throw new InvalidSettingException("Unsupported database " + product + ": Longbox runs on Derby or PostgreSQL");
        } catch (SQLException e) {
            throw new InvalidSettingException("Cannot connect to the database: " + rootMessage(e));
        }
    }

    private static DataSource lookup(String name) {
        try {
            Object found = new InitialContext().lookup(name);
            if (found instanceof DataSource ds) {
                return ds;
            }
            throw new InvalidSettingException("Invalid setting " + Settings.DB_JNDI_NAME.name() + "=" + name
                    + ": the name is bound to " + (found == null ? "nothing" : found.getClass().getName()) + ", not a DataSource");
        } catch (NamingException e) {
            throw new InvalidSettingException("Invalid setting " + Settings.DB_JNDI_NAME.name() + "=" + name
                    + ": no DataSource bound under that name (" + e.getMessage() + ")");
        }
    }

    /**
     * Shuts the embedded database down so its files are unlocked, and, when Derby was loaded by this
     * web application's own class loader, the whole engine too, so a redeploy can load it afresh.
     */
    private static void shutdownDerby(String derbyUrl) {
        if (derbyUrl == null) {
            return;
        }
        String base = derbyUrl.contains(";") ? derbyUrl.substring(0, derbyUrl.indexOf(';')) : derbyUrl;
        expectShutdown(base + ";shutdown=true");
        ClassLoader derbyLoader = derbyLoader();
        if (derbyLoader != null && derbyLoader == Database.class.getClassLoader()
                && derbyLoader != ClassLoader.getSystemClassLoader()) {
            expectShutdown("jdbc:derby:;shutdown=true");
            awaitTimerThreads(derbyLoader);
        }
    }

    /**
     * The engine shutdown cancels Derby's {@code java.util.Timer}, but its thread ("Timer-N") ends
     * a moment later on its own. Tomcat looks for leftover threads right after undeploy and would
     * warn that the web application "appears to have started a thread named [Timer-0] but has
     * failed to stop it"; so wait (briefly) for timer threads that belong to this web application.
     */
    private static void awaitTimerThreads(ClassLoader webappLoader) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t == Thread.currentThread() || t.getContextClassLoader() != webappLoader
                    || !"java.util.TimerThread".equals(t.getClass().getName())) {
                continue;
            }
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000L;
            if (leftMillis <= 0) {
                return;
            }
            try {
                t.join(leftMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static ClassLoader derbyLoader() {
        try {
            return Class.forName(DERBY_DRIVER, false, Database.class.getClassLoader()).getClassLoader();
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static void expectShutdown(String url) {
        // Straight to Derby's driver, not through DriverManager: inside a web application
        // DriverManager does not see drivers loaded by the application's class loader.
        try {
            java.sql.Driver driver = (java.sql.Driver) Class.forName(DERBY_DRIVER, true, Database.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
            Connection c = driver.connect(url, new java.util.Properties());
            if (c != null) {
                c.close();
            }
        } catch (SQLException e) {
            // Derby reports a clean shutdown as an exception: 08006 for one database, XJ015 for the engine.
            if (!"08006".equals(e.getSQLState()) && !"XJ015".equals(e.getSQLState())) {
                LOG.log(Level.WARNING, "Derby shutdown of " + url + " reported: " + e.getMessage());
            }
        } catch (ReflectiveOperationException e) {
            LOG.log(Level.WARNING, "Derby is not on the class path; cannot shut it down", e);
        }
    }

    private static String describe(Settings s) {
        if (s.dbUrl() != null) {
            return s.dbUrl().replaceAll("(?i)(password=)[^;&]*", "$1<hidden>");
        }
        return s.derbyDirectory().toString();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
