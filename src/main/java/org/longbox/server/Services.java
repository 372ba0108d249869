package org.longbox.server;

import jakarta.servlet.ServletContext;
import org.longbox.auth.ApiKeyMapper;
import org.longbox.auth.ApiKeyService;
import org.longbox.auth.Authenticator;
import org.longbox.auth.BasicAuthenticator;
import org.longbox.auth.CredentialEvents;
import org.longbox.auth.JwtService;
import org.longbox.auth.LoginActivityMapper;
import org.longbox.auth.LoginService;
import org.longbox.auth.PasswordHasher;
import org.longbox.auth.PasswordLogin;
import org.longbox.auth.SessionMapper;
import org.longbox.auth.SessionService;
import org.longbox.server.config.Settings;
import org.longbox.server.database.Database;
import org.longbox.server.database.ServerConfigMapper;
import org.longbox.library.BookFiles;
import org.longbox.library.ContentVersion;
import org.longbox.library.PageStore;
import org.longbox.library.LibraryMapper;
import org.longbox.library.ThumbnailService;
import org.longbox.library.MediaMapper;
import org.longbox.library.MediaService;
import org.longbox.library.SeriesMapper;
import org.longbox.library.SeriesService;
import org.longbox.library.jobs.JobMapper;
import org.longbox.library.jobs.JobService;
import org.longbox.library.scan.LibraryScanner;
import org.longbox.library.scan.LibraryWatcher;
import org.longbox.library.scan.ScanScheduler;
import org.longbox.library.scan.ScanService;
import org.longbox.media.MediaLimits;
import org.longbox.reading.ProgressService;
import org.longbox.reading.ReadingMapper;
import org.longbox.library.LibraryService;
import org.longbox.user.UserDocumentMapper;
import org.longbox.user.UserMapper;
import org.longbox.user.UserService;

import java.time.Instant;
import java.util.List;

/**
 * Everything a deployment runs on, built once at start with plain constructors, kept in the
 * servlet context for the filters and the JAX-RS application to pick up.
 */
public final class Services {
    private static final String ATTRIBUTE = Services.class.getName();

    /** Every MyBatis mapper; each has its XML beside it on the class path. */
    public static final List<Class<?>> MAPPERS = List.of(ServerConfigMapper.class, UserMapper.class,
            SessionMapper.class, LoginActivityMapper.class, ApiKeyMapper.class, LibraryMapper.class, SeriesMapper.class,
            MediaMapper.class, ReadingMapper.class, JobMapper.class, UserDocumentMapper.class);

    private final Settings settings;
    private final Database database;
    private final Instant startedAt = Instant.now();
    private final SessionService sessions;
    private final UserService users;
    private final LoginService logins;
    private final ApiKeyService apiKeys;
    private final Authenticator authenticator;
    private final Version version;
    private final LibraryService libraries;
    private final Events events = new Events();
    private final MediaService media;
    private final SeriesService series;
    private final ProgressService progress;
    private final JobService jobs;
    private final ScanService scans;
    private final ThumbnailService thumbnails;
    private final BookFiles bookFiles;
    private final PageStore pages;
    private final LibraryWatcher watcher;
    private final ScanScheduler scheduler;

    public Services(Settings settings, Database database) {
        this.settings = settings;
        this.database = database;
        CredentialEvents events = new CredentialEvents();
        PasswordHasher hasher = new PasswordHasher(settings.hashCost());
        this.sessions = new SessionService(database, settings.sessionTtl(), events);
        PasswordLogin passwords = new PasswordLogin(database, hasher, events);
        JwtService jwt = new JwtService(database, settings.accessTokenTtl());
        this.apiKeys = new ApiKeyService(database);
        this.users = new UserService(database, hasher, sessions, events);
        this.logins = new LoginService(passwords, sessions, jwt);
        BasicAuthenticator basic = new BasicAuthenticator(passwords, sessions, database, events);
        this.authenticator = new Authenticator(sessions, jwt, apiKeys, basic, database);
        this.version = Version.load();
        ContentVersion contentVersion = new ContentVersion();
        this.libraries = new LibraryService(database, contentVersion);
        this.media = new MediaService(database, contentVersion);
        this.series = new SeriesService(database);
        this.progress = new ProgressService(database);
        this.jobs = new JobService(database, this.events, 2, "longbox-job");
        this.thumbnails = new ThumbnailService(settings.configDir(), MediaLimits.DEFAULT);
        this.bookFiles = new BookFiles(database, MediaLimits.DEFAULT);
        this.pages = new PageStore(media, bookFiles, contentVersion);
        LibraryScanner scanner = new LibraryScanner(database, MediaLimits.DEFAULT, settings.scannerConcurrency(), this.events,
                thumbnails, contentVersion);
        this.scans = new ScanService(database, jobs, scanner);
        libraries.addListener(scans);
        libraries.addListener(thumbnails);
        try {
            this.watcher = new LibraryWatcher(libraries, scans, "longbox-library-watcher");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot watch library folders: " + e.getMessage(), e);
        }
        libraries.addListener(watcher);
        this.scheduler = new ScanScheduler(database, libraries, scans, settings.schedulerCheckInterval(),
                "longbox-scan-scheduler");
    }

    public static Services from(ServletContext context) {
        Object s = context.getAttribute(ATTRIBUTE);
        if (s instanceof Services services) {
            return services;
        }
        throw new IllegalStateException("Longbox did not start; see the first error in the log");
    }

    /** True once the {@link ServerListener} has started the deployment. */
    public static boolean started(ServletContext context) {
        return context.getAttribute(ATTRIBUTE) instanceof Services;
    }

    void publish(ServletContext context) {
        context.setAttribute(ATTRIBUTE, this);
    }

    static void unpublish(ServletContext context) {
        context.removeAttribute(ATTRIBUTE);
    }

    public Settings settings() { return settings; }
    public Database database() { return database; }
    public Instant startedAt() { return startedAt; }
    public SessionService sessions() { return sessions; }
    public UserService users() { return users; }
    public LoginService logins() { return logins; }
    public ApiKeyService apiKeys() { return apiKeys; }
    public Authenticator authenticator() { return authenticator; }
    public Version version() { return version; }
    public LibraryService libraries() { return libraries; }
    public Events events() { return events; }
    public MediaService media() { return media; }
    public SeriesService series() { return series; }
    public ProgressService progress() { return progress; }
    public JobService jobs() { return jobs; }
    public ScanService scans() { return scans; }
    public ThumbnailService thumbnails() { return thumbnails; }
    public BookFiles bookFiles() { return bookFiles; }
    public PageStore pages() { return pages; }
    public LibraryWatcher watcher() { return watcher; }
    public ScanScheduler scheduler() { return scheduler; }
}
