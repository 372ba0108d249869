package org.longbox.auth;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Accounts;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.TestClock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stump_session cookie and the database sessions behind it, under a non-root context path. */
class SessionCookieTest {
    static final TestClock clock = new TestClock();

    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().contextPath("/longbox").clock(clock).build();
    static Http http;
    static String ownerId;

    @BeforeAll
    static void claim() {
        http = server.http();
        ownerId = Accounts.claim(http, "Reader", "secret").get("id").asText();
    }

    @Test
    void loginSetsAnHttpOnlyLaxCookieScopedToTheContextPath() {
        Http.Res r = http.post("/api/v1/auth/login").json(Map.of("username", "reader", "password", "secret")).send();
        assertEquals(200, r.status());
        String cookie = r.setCookie();
        assertNotNull(cookie);
        assertTrue(cookie.contains("; HttpOnly"), cookie);
        assertTrue(cookie.contains("; SameSite=Lax"), cookie);
        assertTrue(cookie.contains("; Path=/longbox;"), cookie);
        assertFalse(cookie.contains("Secure"), "plain http must not get a Secure cookie: " + cookie);
        assertEquals("Reader", http.get("/api/v1/auth/me").cookie(r.sessionToken()).send().json().get("username").asText());
    }

    @Test
    void cookieIsSecureWhenTheProxySaysHttps() {
        Http.Res r = http.post("/api/v1/auth/login").header("X-Forwarded-Proto", "https")
                .json(Map.of("username", "reader", "password", "secret")).send();
        assertTrue(r.setCookie().contains("; Secure"), r.setCookie());
        Http.Res forwarded = http.post("/api/v1/auth/login").header("Forwarded", "for=10.0.0.1;proto=https")
                .json(Map.of("username", "reader", "password", "secret")).send();
        assertTrue(forwarded.setCookie().contains("; Secure"), forwarded.setCookie());
    }

    @Test
    void tokenIsRandomAndOnlyItsHashIsStored() throws Exception {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            tokens.add(Accounts.login(http, "reader", "secret"));
        }
        assertEquals(5, tokens.size(), "every login issues a new token");
        for (String token : tokens) {
            byte[] raw = Base64.getUrlDecoder().decode(token);
            assertTrue(raw.length * 8 >= 128, "token has at least 128 bits");
            assertEquals(0, server.count("SELECT COUNT(*) FROM sessions WHERE token_hash = ? OR id = ?", token, token),
                    "the token itself is never stored");
            assertEquals(1, server.count("SELECT COUNT(*) FROM sessions WHERE token_hash = ?", sha256(token)));
        }
    }

    @Test
    void loginWithAnExistingCookieReplacesThatSession() throws Exception {
        String before = Accounts.login(http, "reader", "secret");
        Http.Res again = http.post("/api/v1/auth/login").cookie(before)
                .json(Map.of("username", "reader", "password", "secret")).send();
        assertEquals(200, again.status());
        String after = again.sessionToken();
        assertNotNull(after);
        assertNotEquals(before, after);
        assertEquals(401, http.get("/api/v1/auth/me").cookie(before).send().status(), "the planted/old token is dead");
        assertEquals(0, server.count("SELECT COUNT(*) FROM sessions WHERE token_hash = ?", sha256(before)));
        assertEquals(200, http.get("/api/v1/auth/me").cookie(after).send().status());
    }

    @Test
    void logoutDeletesTheSessionRowAndClearsTheCookie() throws Exception {
        String token = Accounts.login(http, "reader", "secret");
        Http.Res out = http.post("/api/v1/auth/logout").cookie(token).send();
        assertEquals(200, out.status());
        assertEquals(200, out.json().get("status").asInt());
        assertEquals("OK", out.json().get("message").asText());
        assertTrue(out.setCookie().contains("Max-Age=0"), out.setCookie());
        assertNull(out.sessionToken());
        assertEquals(0, server.count("SELECT COUNT(*) FROM sessions WHERE token_hash = ?", sha256(token)));
        assertEquals(401, http.get("/api/v1/auth/me").cookie(token).send().status());
    }

    @Test
    void every401ClearsTheCookie() {
        Http.Res anonymous = http.get("/api/v1/auth/me").send();
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.setCookie().contains("Max-Age=0"));
        Http.Res forged = http.get("/api/v1/auth/me").cookie("not-a-real-token").send();
        assertEquals(401, forged.status());
        assertTrue(forged.setCookie().startsWith("stump_session=;"), forged.setCookie());
        Http.Res badBearer = http.get("/api/v1/auth/me").bearer("nonsense").send();
        assertEquals(401, badBearer.status());
        assertTrue(badBearer.setCookie().contains("Max-Age=0"));
        JsonNode body = anonymous.json();
        assertEquals(401, body.get("status").asInt());
        assertTrue(body.get("message").asText().length() > 0);
    }

    @Test
    void aStaleCookieDoesNotBlockPublicEndpointsOrLogin() {
        assertEquals(200, http.get("/api/v1/ping").cookie("stale").send().status());
        Http.Res login = http.post("/api/v1/auth/login").cookie("stale")
                .json(Map.of("username", "reader", "password", "secret")).send();
        assertEquals(200, login.status());
        assertNotNull(login.sessionToken());
    }

    @Test
    void theContainersOwnSessionIsNeverUsed() {
        Http.Res r = http.post("/api/v1/auth/login").json(Map.of("username", "reader", "password", "secret")).send();
        for (String c : r.headers("Set-Cookie")) {
            assertFalse(c.startsWith("JSESSIONID"), c);
        }
    }

    @Test
    void maxSessionsAllowedDropsTheOldestSession() throws Exception {
        String owner = Accounts.login(http, "reader", "secret");
        String id = Accounts.createUser(http, owner, "limited", "pw").get("id").asText();
        Http.Res set = http.put("/api/v1/users/" + id).cookie(owner).json(Map.of("max_sessions_allowed", 2)).send();
        assertEquals(200, set.status(), set.toString());
        assertEquals(2, set.json().get("max_sessions_allowed").asInt());
        String first = Accounts.login(http, "limited", "pw");
        clock.advance(Duration.ofMillis(5));
        String second = Accounts.login(http, "limited", "pw");
        clock.advance(Duration.ofMillis(5));
        String third = Accounts.login(http, "limited", "pw");
        assertEquals(401, http.get("/api/v1/auth/me").cookie(first).send().status(), "oldest session dropped");
        assertEquals(200, http.get("/api/v1/auth/me").cookie(second).send().status());
        assertEquals(200, http.get("/api/v1/auth/me").cookie(third).send().status());
        assertEquals(2, server.count("SELECT COUNT(*) FROM sessions WHERE user_id = ?", id));
    }

    @Test
    void sessionsAreSharedThroughTheDatabaseAndSurviveARestart() throws Exception {
        String token = Accounts.login(http, "reader", "secret");
        server.restart();
        http = server.http();
        assertEquals(200, http.get("/api/v1/auth/me").cookie(token).send().status());
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

}
