package org.longbox.auth;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Accounts;
import org.longbox.testing.Accounts.Account;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.TestClock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failed sign-in with a name that is no user's answers, costs and records like one with a known
 * name and a wrong password, so neither the answer, nor the time, nor the throttle tells who exists.
 */
class UnknownNameTest {
    static final TestClock clock = TestClock.ticking();

    /** bcrypt at cost 10 (tens of milliseconds) outweighs everything else a failed sign-in does. */
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().clock(clock).setting("HASH_COST", "10")
            .claimedBy("owner", "owner-pw").build();
    static Http http;
    static Account owner;

    @BeforeAll
    static void connect() {
        http = server.http();
        owner = Accounts.owner(server, "owner", "owner-pw");
    }

    static Http.Res login(String user, String password) {
        return http.post("/api/v1/auth/login").header("User-Agent", "UnknownNameTest/1.0")
                .json(Map.of("username", user, "password", password)).send();
    }

    @Test
    void anUnknownNameLeavesTheSameRecordsAsAKnownOne() throws Exception {
        Account known = Accounts.newUser(http, owner, "known");
        long activity = server.count("SELECT COUNT(*) FROM login_activity");
        long failures = server.count("SELECT COUNT(*) FROM login_failures");

        assertEquals(401, login(known.username(), "wrong").status());
        long activityPerKnown = server.count("SELECT COUNT(*) FROM login_activity") - activity;
        long failuresPerKnown = server.count("SELECT COUNT(*) FROM login_failures") - failures;

        assertEquals(401, login(Accounts.uniqueName("nobody"), "wrong").status());
        assertEquals(activityPerKnown, server.count("SELECT COUNT(*) FROM login_activity") - activity - activityPerKnown);
        assertEquals(failuresPerKnown, server.count("SELECT COUNT(*) FROM login_failures") - failures - failuresPerKnown);
        assertEquals(1, activityPerKnown);

        // The owner sees it: an attempt from this address with a name that is no user's. The name is not
        // kept: people type their password into the name field.
        JsonNode newest = http.get("/api/v1/users/login-activity?page_size=1").cookie(owner.session()).send().json()
                .path("data").get(0);
        assertTrue(newest.path("user").isNull(), newest.toString());
        assertEquals("127.0.0.1", newest.path("ip_address").asText());
        assertEquals("UnknownNameTest/1.0", newest.path("user_agent").asText());
        assertEquals(false, newest.path("authentication_successful").asBoolean());
    }

    @Test
    void anUnknownNameIsThrottledAndLockedLikeAKnownOne() {
        Account known = Accounts.newUser(http, owner, "throttled");
        String unknown = Accounts.uniqueName("ghost");
        for (String name : List.of(known.username(), unknown)) {
            for (int i = 1; i <= 3; i++) {
                assertEquals(401, login(name, "wrong-" + i).status(), name);
            }
            Http.Res refused = login(name, "wrong-4");
            assertEquals(429, refused.status(), name + ": " + refused);
            assertEquals("1", refused.header("Retry-After"), name);
        }
    }

    @Test
    void anUnknownNameTakesAsLongAsAWrongPassword() {
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            // fresh names, so the throttle never answers first; alternating, so load hits both alike
            Account user = Accounts.newUser(http, owner, "timed");
            known.add(timeFailedLogin(user.username()));
            unknown.add(timeFailedLogin(Accounts.uniqueName("untimed")));
        }
        double ratio = (double) median(unknown) / median(known);
        assertTrue(ratio > 0.6 && ratio < 1.6, "unknown " + unknown + " ms, known " + known + " ms");
    }

    private static long timeFailedLogin(String name) {
        long start = System.nanoTime();
        assertEquals(401, login(name, "not-the-password").status());
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
