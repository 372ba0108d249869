package org.longbox.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * STUMP_ALLOWED_ORIGINS with {@code *}: any origin may read answers, but never with credentials
 * (a page anywhere could otherwise act with a signed-in visitor's cookie), and the {@code null}
 * origin (sandboxed frames, file: pages) gets no CORS at all. An origin listed by name next to
 * {@code *} keeps its credentials.
 */
class CorsAnyOriginTest {
    private static final String READER = "https://reader.example";

    @RegisterExtension
    static final LongboxServer server = LongboxServer.builder().claimedBy("owner", "owner-pass")
            .setting("STUMP_ALLOWED_ORIGINS", "*, " + READER).build();

    static String owner;

    @BeforeAll
    static void connect() {
        owner = server.ownerSession();
    }

    private static Http.Res preflight(String path, String origin, String method, String headers) {
        return server.http().method("OPTIONS", path).header("Origin", origin)
                .header("Access-Control-Request-Method", method).header("Access-Control-Request-Headers", headers).send();
    }

    @Test
    void anyOriginMayReadWithoutCredentials() {
        for (String origin : List.of("https://evil.example", "http://localhost:3000", "tauri://localhost")) {
            Http.Res r = server.http().get("/api/v1/ping").header("Origin", origin).send();
            assertEquals(200, r.status(), r.toString());
            assertEquals("*", r.header("Access-Control-Allow-Origin"), origin);
            assertNull(r.header("Access-Control-Allow-Credentials"), origin + " must not be allowed credentials");
        }
    }

    @Test
    void anyOriginIsNeverToldItMaySendTheCookie() {
        // the browser would send the visitor's cookie and let the page read /auth/me
        Http.Res r = server.http().get("/api/v1/auth/me").header("Origin", "https://evil.example").cookie(owner).send();
        assertNotEquals("https://evil.example", r.header("Access-Control-Allow-Origin"));
        assertNull(r.header("Access-Control-Allow-Credentials"));
    }

    @Test
    void preflightFromAnyOriginAllowsBearerButNotCredentials() {
        Http.Res r = preflight("/api/v1/libraries", "https://evil.example", "POST", "authorization, content-type");
        assertEquals(204, r.status(), r.toString());
        assertEquals("*", r.header("Access-Control-Allow-Origin"));
        assertNull(r.header("Access-Control-Allow-Credentials"), "a credentialed request fails the browser's check");
        assertTrue(r.header("Access-Control-Allow-Headers").toLowerCase().contains("authorization"), r.header("Access-Control-Allow-Headers"));
    }

    @Test
    void theNullOriginGetsNoCorsHeaders() {
        Http.Res get = server.http().get("/api/v1/auth/me").header("Origin", "null").cookie(owner).send();
        assertNull(get.header("Access-Control-Allow-Origin"), get.header("Access-Control-Allow-Origin"));
        assertNull(get.header("Access-Control-Allow-Credentials"));
        Http.Res pre = preflight("/api/v1/libraries", "null", "POST", "content-type");
        assertNull(pre.header("Access-Control-Allow-Origin"));
        assertNull(pre.header("Access-Control-Allow-Methods"));
        assertNull(pre.header("Access-Control-Allow-Credentials"));
    }

    @Test
    void anOriginListedByNameNextToTheWildcardKeepsItsCredentials() {
        Http.Res r = server.http().get("/api/v1/auth/me").header("Origin", READER).cookie(owner).send();
        assertEquals(200, r.status(), r.toString());
        assertEquals(READER, r.header("Access-Control-Allow-Origin"));
        assertEquals("true", r.header("Access-Control-Allow-Credentials"));
        assertTrue(r.headers("Vary").stream().anyMatch(v -> v.contains("Origin")), "Vary: Origin");
    }

    @Test
    void answersToOriginsVaryByOrigin() {
        // a cache must not hand the reader's credentialed answer, or a '*' one, to another origin
        Http.Res r = server.http().get("/api/v1/ping").header("Origin", "https://evil.example").send();
        assertTrue(r.headers("Vary").stream().anyMatch(v -> v.contains("Origin")), r.headers("Vary").toString());
    }
}
