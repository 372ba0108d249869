package org.longbox.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Accounts;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.TestClock;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The one test seam: a Clock in the context attribute org.longbox.clock runs the deployment.
 * Moving it past the session TTL expires a session at once; on the system clock it would live a minute.
 */
class TestClockSeamTest {
    static final TestClock clock = new TestClock();

    @RegisterExtension
    static final LongboxServer server = LongboxServer.builder().clock(clock).setting("SESSION_TTL", "60").build();

    @Test
    void aSessionExpiresWhenTheTestClockPassesItsTtl() {
        assertSame(clock, server.clock());
        Http http = server.http();
        Accounts.claim(http, "owner", "pw");
        String token = Accounts.login(http, "owner", "pw");
        assertEquals(200, http.get("/api/v1/auth/me").cookie(token).send().status());

        clock.advance(Duration.ofSeconds(61));
        assertEquals(401, http.get("/api/v1/auth/me").cookie(token).send().status(), "past the TTL on the test clock");
    }
}
