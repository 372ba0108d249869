package org.longbox.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CORS with STUMP_ALLOWED_ORIGINS: a listed origin gets credentialed CORS (a web reader on another
 * host), any other origin gets no CORS headers at all, so the browser keeps it same-origin.
 */
class CorsTest {
    private static final String READER = "https://reader.example";

    @RegisterExtension
    static final LongboxServer server = LongboxServer.builder().claimedBy("owner", "owner-pass")
            .setting("STUMP_ALLOWED_ORIGINS", READER + ", https://other.example").build();

    static String owner;

    @BeforeAll
    static void connect() {
        owner = server.ownerSession();
    }

    private static Http.Res preflight(String path, String origin, String method, String headers) {
        Http.Request r = server.http().method("OPTIONS", path).header("Origin", origin).header("Access-Control-Request-Method", method);
        if (headers != null) r.header("Access-Control-Request-Headers", headers);
        return r.send();
    }

    private static Set<String> listed(String header) {
        return header == null ? Set.of() : Arrays.stream(header.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    // ---- a listed origin ---------------------------------------------------------------------

    @Test
    void preflightFromAListedOriginIsAllowedWithCredentials() {
        Http.Res r = preflight("/api/v1/auth/login", READER, "POST", "content-type, x-stump-save-session, authorization");
        assertEquals(204, r.status(), r.toString());
        assertEquals(READER, r.header("Access-Control-Allow-Origin"));
        assertEquals("true", r.header("Access-Control-Allow-Credentials"));
        Set<String> headers = listed(r.header("Access-Control-Allow-Headers"));
        assertTrue(headers.containsAll(Set.of("x-stump-save-session", "authorization", "content-type")), headers.toString());
        assertTrue(listed(r.header("Access-Control-Allow-Methods")).containsAll(Set.of("get", "post", "put", "delete")),
                r.header("Access-Control-Allow-Methods"));
        assertTrue(r.headers("Vary").stream().anyMatch(v -> v.contains("Origin")), "Vary: Origin, for caches");
    }

    @Test
    void preflightNeedsNoCredentialsEvenForProtectedPaths() {
        // Browsers never send credentials with a preflight.
        for (String path : List.of("/api/v1/auth/me", "/api/v1/api-keys", "/opds/v1.2/catalog", "/opds/v2.0/catalog")) {
            Http.Res r = preflight(path, READER, "GET", "authorization");
            assertEquals(204, r.status(), path + ": " + r);
            assertEquals(READER, r.header("Access-Control-Allow-Origin"), path);
            assertNull(r.header("WWW-Authenticate"), path);
        }
    }

    @Test
    void everyListedOriginIsEchoed() {
        Http.Res r = preflight("/api/v1/ping", "https://other.example", "GET", null);
        assertEquals(204, r.status(), r.toString());
        assertEquals("https://other.example", r.header("Access-Control-Allow-Origin"));
    }

    @Test
    void actualRequestFromAListedOriginGetsTheHeaders() {
        Http.Res r = server.http().get("/api/v1/auth/me").header("Origin", READER).cookie(owner).send();
        assertEquals(200, r.status(), r.toString());
        assertEquals(READER, r.header("Access-Control-Allow-Origin"));
        assertEquals("true", r.header("Access-Control-Allow-Credentials"));
        Http.Res ping = server.http().get("/api/v1/ping").header("Origin", READER).send();
        assertEquals("pong", ping.text());
        assertEquals(READER, ping.header("Access-Control-Allow-Origin"));
    }

    @Test
    void errorResponsesToAListedOriginCarryTheHeadersToo() {
        // else the web reader cannot read why a request failed
        Http.Res r = server.http().get("/api/v1/auth/me").header("Origin", READER).send();
        assertEquals(401, r.status(), r.toString());
        assertEquals(READER, r.header("Access-Control-Allow-Origin"));
    }

    // ---- any other origin --------------------------------------------------------------------

    @Test
    void originNotInTheListGetsNoCorsHeaders() {
        for (String origin : List.of("https://evil.example", "https://reader.example.evil.example", "http://reader.example",
                "https://reader.example:8443", "null", "*")) {
            Http.Res get = server.http().get("/api/v1/auth/me").header("Origin", origin).cookie(owner).send();
            assertNull(get.header("Access-Control-Allow-Origin"), origin + ": " + get.header("Access-Control-Allow-Origin"));
            assertNull(get.header("Access-Control-Allow-Credentials"), origin);
            Http.Res pre = preflight("/api/v1/auth/login", origin, "POST", "content-type");
            assertNull(pre.header("Access-Control-Allow-Origin"), origin + " preflight");
            assertNull(pre.header("Access-Control-Allow-Headers"), origin + " preflight");
        }
    }

    @Test
    void requestWithoutOriginGetsNoCorsHeaders() {
        Http.Res r = server.http().get("/api/v1/ping").send();
        assertEquals(200, r.status());
        assertNull(r.header("Access-Control-Allow-Origin"));
    }
}
