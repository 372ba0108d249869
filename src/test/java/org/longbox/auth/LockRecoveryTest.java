package org.longbox.auth;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Accounts;
import org.longbox.testing.Accounts.Account;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.TestClock;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Getting back in without SQL: the lockout window is a setting (STUMP_LOCKOUT_SECONDS, 120 here),
 * and STUMP_UNLOCK_USER, read at start, unlocks the user it names and says so once in the log.
 */
class LockRecoveryTest {
    static final TestClock clock = TestClock.ticking();

    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().clock(clock).setting("STUMP_LOCKOUT_SECONDS", "120")
            .claimedBy("owner", "owner-pw").build();
    static Account owner;

    /** What PasswordLogin logs, captured in this JVM (the deployment runs in it). */
    static final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    static final Logger LOG = Logger.getLogger("org.longbox.auth.PasswordLogin");
    static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void connect() {
        owner = Accounts.owner(server, "owner", "owner-pw");
        LOG.addHandler(CAPTURE);
    }

    @AfterEach
    void startPlain() throws Exception {
        server.setting("STUMP_UNLOCK_USER", null);
        logged.clear();
        clock.advance(Duration.ofHours(1));
    }

    static Http http() {
        return server.http();
    }

    static int login(String user, String password) {
        return http().post("/api/v1/auth/login").json(Map.of("username", user, "password", password)).send().status();
    }

    static void tenFailures(String username) {
        for (int i = 1; i <= 10; i++) {
            clock.advance(Duration.ofSeconds(61));
            assertEquals(401, login(username, "wrong-" + i), "failure " + i);
        }
    }

    static long mentions(String text) {
        return logged.stream().filter(r -> r.getMessage() != null && r.getMessage().contains(text)).count();
    }

    @Test
    void theLockLastsStumpLockoutSeconds() {
        Account user = Accounts.newUser(http(), owner, "short-lock");
        tenFailures(user.username());
        Http.Res locked = http().post("/api/v1/auth/login").json(Map.of("username", user.username(), "password", user.password())).send();
        assertEquals(429, locked.status(), locked.toString());
        assertTrue(Long.parseLong(locked.header("Retry-After")) <= 120, locked.header("Retry-After"));
        clock.advance(Duration.ofSeconds(121));
        assertEquals(200, login(user.username(), user.password()));
    }

    @Test
    void stumpUnlockUserUnlocksTheOwnerAtStartAndSaysSoOnce() throws Exception {
        tenFailures(owner.username());
        // and the owner locked for good, as ten failures left an owner before issue 9
        try (Connection c = server.sql(); var st = c.createStatement()) {
            st.executeUpdate("UPDATE users SET is_locked = TRUE WHERE is_server_owner = TRUE");
        }
        server.restart();
        assertEquals(429, login(owner.username(), owner.password()), "the failures outlive a restart");
        clock.advance(Duration.ofSeconds(121));
        assertEquals(403, login(owner.username(), owner.password()), "and so does the old lock");
        clock.advance(Duration.ofSeconds(121));
        tenFailures(owner.username());
        assertEquals(429, login(owner.username(), owner.password()), "locked twice over");

        server.setting("STUMP_UNLOCK_USER", "OWNER");
        server.restart();
        assertEquals(1, mentions("STUMP_UNLOCK_USER"), "one line: " + logged);
        assertTrue(logged.stream().anyMatch(r -> r.getMessage().contains("'owner'")), logged.toString());
        assertEquals(200, login(owner.username(), owner.password()), "in again, from the very address that failed");
        assertEquals(0, server.count("SELECT COUNT(*) FROM users WHERE is_locked = TRUE AND is_server_owner = TRUE"));
        owner = new Account(owner.id(), owner.username(), owner.password(), Accounts.login(http(), owner.username(), owner.password()));
    }

    @Test
    void stumpUnlockUserLiftsTheOwnersLockOfAnotherUser() throws Exception {
        Account user = Accounts.newUser(http(), owner, "locked-by-owner");
        assertEquals(200, http().put("/api/v1/users/" + user.id() + "/lock").cookie(owner.session()).json(Map.of("lock", true))
                .send().status());
        assertEquals(403, login(user.username(), user.password()));
        server.setting("STUMP_UNLOCK_USER", user.username());
        server.restart();
        assertEquals(1, mentions("STUMP_UNLOCK_USER"), logged.toString());
        assertEquals(200, login(user.username(), user.password()));
        owner = new Account(owner.id(), owner.username(), owner.password(), Accounts.login(http(), owner.username(), owner.password()));
    }

    @Test
    void stumpUnlockUserNamingNobodyIsReportedAndTheServerStarts() throws Exception {
        server.setting("STUMP_UNLOCK_USER", "no-such-user");
        server.restart();
        assertEquals(1, mentions("STUMP_UNLOCK_USER"), logged.toString());
        assertTrue(logged.get(0).getMessage().contains("no user"), logged.toString());
        assertEquals(200, login(owner.username(), owner.password()));
    }
}
