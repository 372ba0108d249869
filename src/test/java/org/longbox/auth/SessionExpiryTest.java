package org.longbox.auth;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Accounts;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.TestClock;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Short sessions (2 s of the test's clock) and a cleanup sweep every second: the sweep is a real
 * timer, which is what these tests are about, and it deletes what has expired by the clock.
 */
class SessionExpiryTest {
    static final TestClock clock = new TestClock();

    @RegisterExtension
    static LongboxServer server = LongboxServer.builder()
            .clock(clock)
            .setting("SESSION_TTL", "2")
            .setting("SESSION_EXPIRY_CLEANUP_INTERVAL", "1")
            .build();
    static Http http;

    @BeforeAll
    static void claim() {
        http = server.http();
        Accounts.claim(http, "owner", "pw");
    }

    @Test
    void anExpiredSessionIsRefusedAtOnceAndItsRowIsGoneWithinOneInterval() throws Exception {
        String token = Accounts.login(http, "owner", "pw");
        assertEquals(200, http.get("/api/v1/auth/me").cookie(token).send().status());
        String hash = SessionCookieTest.sha256(token);
        long expiresAt = server.count("SELECT expires_at FROM sessions WHERE token_hash = ?", hash);
        // Refused from the moment it expires, whether or not the sweep has run yet.
        clock.set(Instant.ofEpochMilli(expiresAt + 1));
        Http.Res late = http.get("/api/v1/auth/me").cookie(token).send();
        assertEquals(401, late.status());
        assertTrue(late.setCookie().contains("Max-Age=0"));
        // The sweep runs every second: give it one interval plus scheduling slack.
        long deadline = System.currentTimeMillis() + 1000 + 1500;
        while (server.count("SELECT COUNT(*) FROM sessions WHERE token_hash = ?", hash) > 0) {
            assertTrue(System.currentTimeMillis() < deadline, "expired session row still present one interval after expiry");
            Thread.sleep(50);
        }
    }

    @Test
    void theCleanupTimerRunsWhileDeployedAndStopsOnUndeploy() throws Exception {
        assertTrue(cleanupThreads() > 0, "cleanup thread running");
        server.stop();
        try {
            long deadline = System.currentTimeMillis() + 5000;
            while (cleanupThreads() > 0) {
                assertTrue(System.currentTimeMillis() < deadline, "cleanup thread still alive after undeploy");
                Thread.sleep(20);
            }
        } finally {
            server.start();
            http = server.http();
        }
    }

    static long cleanupThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(SessionCleanup.THREAD_PREFIX) && t.isAlive()).count();
    }
}
