package org.longbox.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Accounts;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SESSION_EXPIRY_CLEANUP_INTERVAL=0: no timer, expired rows stay, and are still refused. */
class SessionCleanupOffTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder()
            .contextPath("/nocleanup")
            .setting("SESSION_TTL", "1")
            .setting("SESSION_EXPIRY_CLEANUP_INTERVAL", "0")
            .build();

    @Test
    void intervalZeroRunsNoTimerAndExpiredSessionsAreStillRefused() throws Exception {
        Http http = server.http();
        Accounts.claim(http, "owner", "pw");
        String token = Accounts.login(http, "owner", "pw");
        assertEquals(0, Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(SessionCleanup.THREAD_PREFIX + "-nocleanup")).count());
        Thread.sleep(2500);
        assertEquals(401, http.get("/api/v1/auth/me").cookie(token).send().status());
        assertEquals(1, server.count("SELECT COUNT(*) FROM sessions WHERE token_hash = ?", SessionCookieTest.sha256(token)),
                "with the sweep off the expired row stays (it is refused, not deleted)");
    }
}
