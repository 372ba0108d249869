package org.longbox.auth;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Accounts;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.TestClock;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/v1/auth/login: credentials, login activity, lockout, deleted users. */
class LoginTest {
    static final TestClock clock = TestClock.ticking();
    /** Longer than the longest wait the sign-in throttle asks for between two tries. */
    static final Duration PAST_THE_DELAY = Duration.ofSeconds(61);

    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().clock(clock).claimedBy("Owner", "owner-pw").build();
    static Http http;
    static String owner;

    @BeforeAll
    static void connect() {
        http = server.http();
        owner = server.ownerSession();
    }

    static Http.Res login(String user, String password) {
        return http.post("/api/v1/auth/login").header("User-Agent", "LoginTest/1.0")
                .json(Map.of("username", user, "password", password)).send();
    }

    @Test
    void usernamesAreCaseInsensitive() {
        Accounts.createUser(http, owner, "MixedCase", "pw");
        assertEquals(200, login("mixedcase", "pw").status());
        assertEquals(200, login("MIXEDCASE", "pw").status());
        assertEquals("MixedCase", login("mIxEdCaSe", "pw").json().get("username").asText());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSame401() {
        Accounts.createUser(http, owner, "frank", "pw");
        Http.Res wrong = login("frank", "nope");
        Http.Res unknown = login("nobody-here", "nope");
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals(wrong.json().get("message").asText(), unknown.json().get("message").asText(), "no user enumeration");
        assertNull(wrong.sessionToken());
    }

    @Test
    void badLoginBodiesAre400Not500() {
        assertEquals(400, http.post("/api/v1/auth/login").json("").send().status());
        assertEquals(401, http.post("/api/v1/auth/login").json("{}").send().status());
        assertEquals(400, http.post("/api/v1/auth/login").json("{\"username\":").send().status());
        assertEquals(400, http.post("/api/v1/auth/login").json("[1,2]").send().status());
        assertEquals(401, http.post("/api/v1/auth/login").json(Map.of("username", "x".repeat(5000), "password", "y")).send().status());
        assertEquals(401, http.post("/api/v1/auth/login").json(Map.of("username", "owner", "password", "p".repeat(200))).send().status());
    }

    @Test
    void everyAttemptIsRecordedWithIpUserAgentAndResult() throws Exception {
        JsonNode user = Accounts.createUser(http, owner, "grace", "pw");
        String id = user.get("id").asText();
        login("grace", "wrong");
        login("grace", "pw");
        JsonNode page = http.get("/api/v1/users/" + id + "/login-activity").cookie(owner).send().json();
        JsonNode items = page.get("data");
        assertEquals(2, items.size());
        assertTrue(items.get(0).get("authentication_successful").asBoolean(), "newest first");
        assertFalse(items.get(1).get("authentication_successful").asBoolean());
        assertEquals("127.0.0.1", items.get(0).get("ip_address").asText());
        assertEquals("LoginTest/1.0", items.get(0).get("user_agent").asText());
        assertEquals(2, server.count("SELECT COUNT(*) FROM login_activity WHERE user_id = ?", id));
        assertEquals(1, page.get("_page").get("total_pages").asInt());
    }

    @Test
    void theTenthConsecutiveFailureLocksSigningInForFifteenMinutes() throws Exception {
        // Issue 9 changed this rule: the lock was permanent (is_locked) and ended the user's sessions.
        String id = Accounts.createUser(http, owner, "heidi", "right").get("id").asText();
        String session = Accounts.login(http, "heidi", "right");
        for (int i = 1; i <= 9; i++) {
            clock.advance(PAST_THE_DELAY);
            assertEquals(401, login("heidi", "wrong" + i).status(), "attempt " + i);
        }
        clock.advance(PAST_THE_DELAY);
        assertEquals(200, login("heidi", "right").status(), "nine failures do not lock");
        for (int i = 1; i <= 10; i++) {
            clock.advance(PAST_THE_DELAY);
            assertEquals(401, login("heidi", "wrong" + i).status(), "attempt " + i);
        }
        clock.advance(PAST_THE_DELAY);
        Http.Res right = login("heidi", "right");
        assertEquals(429, right.status(), "locked name with the right password: not even checked");
        assertTrue(right.json().get("message").asText().contains("Too many failed sign-ins"), right.toString());
        assertEquals(0, server.count("SELECT COUNT(*) FROM users WHERE id = ? AND is_locked = TRUE", id), "not the owner's lock");
        assertEquals(200, http.get("/api/v1/auth/me").cookie(session).send().status(), "sessions already open go on");

        clock.advance(Duration.ofMinutes(15));
        assertEquals(200, login("heidi", "right").status(), "the lock ends by itself");
    }

    @Test
    void theOwnersLockRefusesTheRightPasswordWith403() throws Exception {
        String id = Accounts.createUser(http, owner, "olga", "right").get("id").asText();
        assertEquals(200, http.put("/api/v1/users/" + id + "/lock").cookie(owner).json(Map.of("lock", true)).send().status());
        Http.Res right = login("olga", "right");
        assertEquals(403, right.status(), "locked user with the right password");
        assertTrue(right.json().get("message").asText().contains("locked"));
        assertEquals(401, login("olga", "wrong").status(), "locked user with a wrong password");
        assertEquals(200, http.put("/api/v1/users/" + id + "/lock").cookie(owner).json(Map.of("lock", false)).send().status());
        assertEquals(200, login("olga", "right").status());
    }

    @Test
    void aSuccessInBetweenResetsTheCount() {
        Accounts.createUser(http, owner, "ivan", "right");
        for (int i = 0; i < 8; i++) {
            clock.advance(PAST_THE_DELAY);
            login("ivan", "wrong");
        }
        clock.advance(PAST_THE_DELAY);
        assertEquals(200, login("ivan", "right").status());
        for (int i = 0; i < 8; i++) {
            clock.advance(PAST_THE_DELAY);
            login("ivan", "wrong");
        }
        clock.advance(PAST_THE_DELAY);
        assertEquals(200, login("ivan", "right").status(), "never 10 consecutive failures");
    }

    @Test
    void aSoftDeletedUserCannotLogInByAnyRoute() throws Exception {
        String id = Accounts.createUser(http, owner, "judy", "pw", "feature:api_keys").get("id").asText();
        String session = Accounts.login(http, "judy", "pw");
        String jwt = http.post("/api/v1/auth/login?generate_token=true&create_session=false")
                .json(Map.of("username", "judy", "password", "pw")).send().json().get("token").get("access_token").asText();
        String key = http.post("/api/v1/api-keys").cookie(session).json(Map.of("name", "k", "permissions", "inherit"))
                .send().json().get("api_key").asText();
        assertEquals(200, http.get("/api/v1/auth/me").bearer(key).send().status());

        Http.Res deleted = http.delete("/api/v1/users/" + id).cookie(owner).send();
        assertEquals(200, deleted.status(), deleted.toString());
        assertEquals(1, server.count("SELECT COUNT(*) FROM users WHERE id = ? AND deleted_at IS NOT NULL", id), "soft: the row stays");

        assertEquals(401, login("judy", "pw").status(), "login");
        assertEquals(401, http.get("/api/v1/auth/me").cookie(session).send().status(), "old session");
        assertEquals(401, http.get("/api/v1/auth/me").bearer(jwt).send().status(), "JWT");
        assertEquals(401, http.get("/api/v1/auth/me").bearer(key).send().status(), "API key");
        assertEquals(401, http.get("/opds/v1.2/catalog").basic("judy", "pw").send().status(), "Basic on OPDS");
        assertEquals(401, http.get("/opds/" + key + "/v1.2/catalog").send().status(), "API key in an OPDS path");
    }
}
