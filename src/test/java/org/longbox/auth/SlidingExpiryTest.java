package org.longbox.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Accounts;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.TestClock;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SESSION_TTL=4: expiry slides with use, written at most once per step (TTL/10, at least 1 s). Time
 * is the test's clock, moved by hand.
 */
class SlidingExpiryTest {
    static final TestClock clock = new TestClock();

    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().clock(clock).setting("SESSION_TTL", "4").build();

    @Test
    void useKeepsASessionAliveBeyondItsFirstExpiryWithoutAWritePerRequest() throws Exception {
        Http http = server.http();
        Accounts.claim(http, "owner", "pw");
        String token = Accounts.login(http, "owner", "pw");
        String hash = SessionCookieTest.sha256(token);
        long firstExpiry = expiry(hash);

        // Requests in quick succession do not move the expiry (no write per request) nor re-send the cookie.
        for (int i = 0; i < 20; i++) {
            Http.Res r = http.get("/api/v1/auth/me").cookie(token).send();
            assertEquals(200, r.status());
            assertNull(r.setCookie(), "no Set-Cookie while the expiry is not moved");
        }
        assertEquals(firstExpiry, expiry(hash));

        // Keep using it for longer than the TTL: it stays alive and the expiry moves forward.
        long until = firstExpiry + 3000;
        boolean refreshedCookie = false;
        while (clock.millis() < until) {
            Http.Res r = http.get("/api/v1/auth/me").cookie(token).send();
            assertEquals(200, r.status(), "session in use must not expire");
            refreshedCookie |= r.setCookie() != null && r.setCookie().contains("Max-Age=");
            clock.advance(Duration.ofMillis(300));
        }
        assertTrue(expiry(hash) > firstExpiry, "expiry slid forward");
        assertTrue(refreshedCookie, "the cookie's Max-Age was refreshed with the expiry");

        // Left alone it expires.
        clock.advance(Duration.ofMillis(4500));
        assertEquals(401, http.get("/api/v1/auth/me").cookie(token).send().status());
    }

    private static long expiry(String hash) throws Exception {
        return server.count("SELECT expires_at FROM sessions WHERE token_hash = ?", hash);
    }
}
