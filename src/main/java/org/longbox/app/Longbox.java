package org.longbox.app;

import org.longbox.api.EventStreams;
import org.longbox.auth.ApiKeyMapper;
import org.longbox.auth.ApiKeyService;
import org.longbox.auth.Authenticator;
import org.longbox.auth.BasicAuthenticator;
import org.longbox.auth.JwtService;
import org.longbox.auth.LoginActivityMapper;
import org.longbox.auth.LoginActivityService;
import org.longbox.auth.LoginFailureMapper;
import org.longbox.auth.LoginService;
import org.longbox.auth.LoginThrottle;
import org.longbox.auth.PasswordLogin;
import org.longbox.auth.SessionCleanup;
import org.longbox.auth.SessionMapper;
import org.longbox.auth.SessionService;
import org.longbox.http.CredentialCheck;
import org.longbox.library.BookFiles;
import org.longbox.library.ContentVersion;
import org.longbox.library.FolderBrowser;
import org.longbox.library.EventAudience;
import org.longbox.library.LibraryMapper;
import org.longbox.library.LibraryRoots;
import org.longbox.library.LibraryService;
import org.longbox.library.MediaMapper;
import org.longbox.library.MediaService;
import org.longbox.library.PageStore;
import org.longbox.library.SeriesMapper;
import org.longbox.library.SeriesService;
import org.longbox.library.ThumbnailService;
import org.longbox.library.ThumbnailStore;
import org.longbox.library.jobs.JobMapper;
import org.longbox.library.jobs.JobService;
import org.longbox.library.scan.LibraryScanner;
import org.longbox.library.scan.LibraryWatcher;
import org.longbox.library.scan.ScanScheduler;
import org.longbox.library.scan.ScanService;
import org.longbox.media.MediaLimits;
import org.longbox.reading.ProgressService;
import org.longbox.reading.ReadingMapper;
import org.longbox.server.Events;
import org.longbox.server.Version;
import org.longbox.server.config.Settings;
import org.longbox.server.database.Database;
import org.longbox.server.database.ServerConfig;
import org.longbox.server.database.ServerConfigMapper;
import org.longbox.user.Accounts;
import org.longbox.user.CredentialEvents;
import org.longbox.user.PasswordHasher;
import org.longbox.user.UserDocumentMapper;
import org.longbox.user.UserDocuments;
import org.longbox.user.UserMapper;
import org.longbox.user.UserService;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything a deployment runs on, built once at start with plain constructors: the database, the
 * services of every feature, and the background work (job heartbeats, library watchers, scheduled
 * scans, the expired-session sweep). {@link #close} stops the background work in the reverse order
 * of its start, then closes the database. Nothing but the composition root sees this class.
 */
final class Longbox implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Longbox.class.getName());

    /** Every MyBatis mapper; each has its XML beside it on the class path. */
    static final List<Class<?>> MAPPERS = List.of(ServerConfigMapper.class, UserMapper.class,
            SessionMapper.class, LoginActivityMapper.class, LoginFailureMapper.class, ApiKeyMapper.class, LibraryMapper.class,
            SeriesMapper.class, MediaMapper.class, ReadingMapper.class, JobMapper.class, UserDocumentMapper.class);

    final Settings settings;
    final Clock clock;
    final Database database;
    final Instant startedAt;
    final Version version;
    final Events events = new Events();
    final MediaLimits limits = MediaLimits.DEFAULT;

    final SessionService sessions;
    final UserService users;
    final UserDocuments userDocuments;
    final LoginService logins;
    final LoginActivityService loginActivity;
    final ApiKeyService apiKeys;
    final Authenticator authenticator;

    final LibraryService libraries;
    final MediaService media;
    final SeriesService series;
    final ProgressService progress;
    final JobService jobs;
    final ScanService scans;
    final ThumbnailService thumbnails;
    final BookFiles bookFiles;
    final PageStore pages;
    final FolderBrowser folders;

    private final LibraryWatcher watcher;
    final ScanScheduler scheduler;
    final EventStreams eventStreams;
    final CredentialCheck credentialCheck;
    private final SessionCleanup sessionCleanup;

    private Longbox(Settings settings, Clock clock, Database database, String threadSuffix) {
        this.settings = settings;
        this.clock = clock;
        this.database = database;
        this.startedAt = clock.instant();
        this.version = Version.load();

        CredentialEvents credentialEvents = new CredentialEvents();
        PasswordHasher hasher = new PasswordHasher(settings.hashCost());
        Accounts accounts = new Accounts(database);
        ServerConfig serverConfig = new ServerConfig(database);
        this.sessions = new SessionService(database, accounts, settings.sessionTtl(), credentialEvents, clock);
        LoginThrottle throttle = new LoginThrottle(database, settings.lockout(), clock);
        PasswordLogin passwords = new PasswordLogin(database, accounts, hasher, throttle, credentialEvents, clock);
        JwtService jwt = new JwtService(serverConfig, settings.accessTokenTtl(), clock);
        this.apiKeys = new ApiKeyService(database, accounts, clock);
        this.users = new UserService(database, hasher, passwords, sessions, apiKeys, credentialEvents, clock);
        this.userDocuments = new UserDocuments(database, clock);
        this.logins = new LoginService(passwords, sessions, jwt);
        this.loginActivity = new LoginActivityService(database);
        BasicAuthenticator basic = new BasicAuthenticator(passwords, sessions, accounts, credentialEvents, clock);
        this.authenticator = new Authenticator(sessions, jwt, apiKeys, basic, accounts);
        this.sessionCleanup = new SessionCleanup(sessions, throttle, settings.sessionCleanupInterval(), threadSuffix);
        passwords.unlockAtStart(settings.unlockUser());

        ContentVersion contentVersion = new ContentVersion();
        LibraryRoots roots = new LibraryRoots(settings.libraryRoots());
        this.libraries = new LibraryService(database, users, contentVersion, roots, clock);
        this.folders = new FolderBrowser(roots);
        this.media = new MediaService(database, contentVersion);
        this.series = new SeriesService(database);
        this.progress = new ProgressService(database, media, clock);
        this.jobs = new JobService(database, events, 2, "longbox-job", clock);
        ThumbnailStore thumbnailStore = new ThumbnailStore(settings.configDir(), limits);
        this.bookFiles = new BookFiles(database, limits, roots);
        this.thumbnails = new ThumbnailService(thumbnailStore, libraries, media, bookFiles, jobs, limits);
        this.pages = new PageStore(media, bookFiles, contentVersion);
        LibraryScanner scanner = new LibraryScanner(database, limits, settings.scannerConcurrency(), events,
                thumbnailStore, contentVersion, roots, clock);
        this.scans = new ScanService(database, jobs, scanner, clock);
        libraries.addListener(scans);
        libraries.addListener(thumbnailStore);
        try {
            this.watcher = new LibraryWatcher(libraries, scans, "longbox-library-watcher");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot watch library folders: " + e.getMessage(), e);
        }
        libraries.addListener(watcher);
        this.eventStreams = new EventStreams(events, new EventAudience(libraries, media), settings.maxEventStreams());
        this.credentialCheck = new CredentialCheck(authenticator);
        this.scheduler = new ScanScheduler(database, serverConfig, libraries, scans, settings.schedulerCheckInterval(),
                clock, "longbox-scan-scheduler");
    }

    /** Opens the database the settings name (migrating it) and builds every service on it. */
    static Longbox open(Settings settings, Clock clock, String threadSuffix) {
        Database database = Database.open(settings, MAPPERS);
        try {
            return new Longbox(settings, clock, database, threadSuffix);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Job heartbeats, library watchers, scheduled scans and the expired-session sweep. */
    void startBackgroundWork() {
        jobs.start();
        watcher.start();
        scheduler.start();
        sessionCleanup.start();
    }

    Version version() {
        return version;
    }

    String databaseDescription() {
        return settings.dbJndiName() != null ? "JNDI DataSource " + settings.dbJndiName()
                : settings.dbUrl() != null ? "database " + database.vendor()
                : "embedded Derby in " + settings.derbyDirectory();
    }

    /**
     * Stops the background work in the reverse order of its start (the sweep, scheduled scans,
     * watchers, then jobs, which end CANCELLED with their finished batches kept), then closes the
     * database. Each part may be stopped whether it started or not.
     */
    @Override
    public void close() {
        for (AutoCloseable part : List.<AutoCloseable>of(eventStreams, sessionCleanup, scheduler, watcher, jobs, database)) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Stopping " + part.getClass().getSimpleName() + " failed", e);
            }
        }
    }
}
