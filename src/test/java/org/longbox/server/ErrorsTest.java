package org.longbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way a request can be wrong, answered with Stump's one error body {@code {status, message}}
 * as application/json, a message that says what was wrong, and no internals.
 */
class ErrorsTest {
    private static final int LIMIT = 4096;

    @RegisterExtension
    static final LongboxServer server = LongboxServer.builder().claimedBy("owner", "owner-pass").setting("STUMP_MAX_REQUEST_BODY", Integer.toString(LIMIT)).build();

    static String owner;

    @BeforeAll
    static void connect() {
        owner = server.ownerSession();
    }

    private static Http http() {
        return server.http();
    }

    /** The one error shape: status, JSON content type, a message, nothing internal. */
    private static JsonNode assertError(Http.Res r, int status) {
        assertEquals(status, r.status(), r.toString());
        assertNotNull(r.contentType(), "Content-Type on " + r);
        assertTrue(r.contentType().startsWith("application/json"), r.contentType() + ": " + r);
        String text = r.text();
        for (String internal : new String[]{"Exception", "at org.", "<html", "jersey", "jackson", "Caused by"}) {
            assertFalse(text.toLowerCase().contains(internal.toLowerCase()), "'" + internal + "' in " + text);
        }
        JsonNode body = r.json();
        assertEquals(status, body.path("status").asInt(), text);
        assertTrue(body.path("message").isTextual() && !body.path("message").asText().isBlank(), text);
        return body;
    }

    private static Http.Request login() {
        return http().post("/api/v1/auth/login");
    }

    // ---- routing -----------------------------------------------------------------------------

    @Test
    void unknownApiRouteIs404NamingThePath() {
        JsonNode body = assertError(http().get("/api/v1/no-such-thing").send(), 404);
        assertTrue(body.path("message").asText().contains("/api/v1/no-such-thing"), body.toString());
        assertError(http().post("/api/v2/auth/login").json(Map.of()).send(), 404);
        assertError(http().get("/nowhere").send(), 404);
    }

    @Test
    void wrongMethodIs405() {
        Http.Res r = http().delete("/api/v1/ping").send();
        JsonNode body = assertError(r, 405);
        assertTrue(body.path("message").asText().contains("DELETE"), body.toString());
        assertNotNull(r.header("Allow"), "405 names the allowed methods");
        assertTrue(r.header("Allow").contains("GET"), r.header("Allow"));
        assertError(http().get("/api/v1/auth/login").send(), 405);
        assertError(http().method("PATCH", "/api/v1/auth/me").cookie(owner).send(), 405);
    }

    @Test
    void traceIs405JsonAndNeverEchoesTheRequest() {
        // Jetty's default descriptor forbids TRACE (403, empty body); web.xml lets it reach the webapp
        for (String path : new String[]{"/api/v1/ping", "/api/v1/users", "/", "/api-doc/openapi.json", "/swagger-ui/", "/swagger-ui"}) {
            Http.Res r = http().method("TRACE", path).cookie(owner).header("X-Probe", "echo-me").send();
            JsonNode body = assertError(r, 405);
            assertTrue(body.path("message").asText().contains("TRACE"), path + ": " + body);
            assertNotNull(r.header("Allow"), path);
            assertFalse(r.header("Allow").contains("TRACE"), path + ": " + r.header("Allow"));
            assertFalse(r.text().contains("echo-me") || r.text().contains(owner), path + " echoed the request: " + r.text());
        }
        assertTrue(http().method("TRACE", "/api/v1/ping").send().header("Allow").contains("GET"));
        assertError(http().method("TRACE", "/api/v1/no-such-thing").send(), 404);
    }

    @Test
    void anUnknownMethodIs405Json() {
        for (String path : new String[]{"/api/v1/ping", "/api/v1/auth/me", "/", "/swagger-ui/"}) {
            Http.Res r = http().method("FOO", path).cookie(owner).send();
            JsonNode body = assertError(r, 405);
            assertTrue(body.path("message").asText().contains("FOO"), path + ": " + body);
            assertNotNull(r.header("Allow"), path);
        }
        assertError(http().method("PROPFIND", "/api/v1/ping").send(), 405);
        assertError(http().method("FOO", "/api/v1/no-such-thing").send(), 404);
    }

    @Test
    void unknownOpdsPathIs404JsonWhenAuthenticated() {
        assertError(http().get("/opds/v1.2/nope").cookie(owner).send(), 404);
        assertError(http().get("/opds/v1.2/nope").basic("owner", "owner-pass").send(), 404);
        assertError(http().get("/opds/v2.0/nope").cookie(owner).send(), 404);
    }

    // ---- bodies ------------------------------------------------------------------------------

    @Test
    void textPlainBodyIs415() {
        Http.Res r = login().body("text/plain", "username=owner&password=owner-pass".getBytes(StandardCharsets.UTF_8)).send();
        JsonNode body = assertError(r, 415);
        assertTrue(body.path("message").asText().contains("text/plain"), body.toString());
        assertError(login().body("application/x-www-form-urlencoded", "username=owner".getBytes(StandardCharsets.UTF_8)).send(), 415);
        assertError(login().body("application/xml", "<u/>".getBytes(StandardCharsets.UTF_8)).send(), 415);
    }

    @Test
    void malformedJsonIs400() {
        for (String bad : new String[]{"{", "{\"username\": \"owner\", ", "not json", "{'username': 'owner'}", "{\"username\": owner}"}) {
            JsonNode body = assertError(login().json(bad).send(), 400);
            assertFalse(body.path("message").asText().contains("owner-pass"), body.toString());
        }
    }

    @Test
    void jsonOfTheWrongShapeIs400NamingTheField() {
        JsonNode body = assertError(login().json("{\"username\": [], \"password\": \"x\"}").send(), 400);
        assertTrue(body.path("message").asText().contains("username"), body.toString());
        JsonNode pw = assertError(login().json("{\"username\": \"owner\", \"password\": {\"a\": 1}}").send(), 400);
        assertTrue(pw.path("message").asText().contains("password"), pw.toString());
        assertError(login().json("[]").send(), 400);
        assertError(login().json("\"owner\"").send(), 400);
    }

    @Test
    void emptyBodyIs400() {
        assertError(login().json("").send(), 400);
        assertError(login().json("null").send(), 400);
        assertError(login().body("application/json", HttpRequest.BodyPublishers.noBody()).send(), 400);
    }

    @Test
    void bodyOverTheLimitIs413WithContentLength() {
        Http.Res r = login().body("application/json", bigJson()).send();
        JsonNode body = assertError(r, 413);
        assertTrue(body.path("message").asText().contains(Integer.toString(LIMIT)), body.toString());
    }

    @Test
    void chunkedBodyOverTheLimitIs413() {
        byte[] big = bigJson();
        Http.Res r = login().body("application/json", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).send();
        assertError(r, 413);
    }

    @Test
    void bodyJustUnderTheLimitIsRead() {
        // The control for the two above: the limit is the limit, not a blanket refusal.
        String padding = "x".repeat(LIMIT - 200);
        String json = "{\"username\": \"owner\", \"password\": \"owner-pass\", \"pad\": \"" + padding + "\"}";
        assertTrue(json.length() < LIMIT);
        Http.Res r = login().json(json).send();
        assertEquals(200, r.status(), r.toString());
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Http.Res chunked = login().body("application/json", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).send();
        assertEquals(200, chunked.status(), chunked.toString());
    }

    private static byte[] bigJson() {
        char[] pad = new char[LIMIT * 4];
        Arrays.fill(pad, 'x');
        return ("{\"username\": \"owner\", \"password\": \"owner-pass\", \"pad\": \"" + new String(pad) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    // ---- parameters --------------------------------------------------------------------------

    @Test
    void badBooleanQueryParameterIs400NamingIt() {
        Map<String, String> credentials = Map.of("username", "owner", "password", "owner-pass");
        JsonNode body = assertError(http().post("/api/v1/auth/login?generate_token=maybe").json(credentials).send(), 400);
        assertTrue(body.path("message").asText().contains("generate_token"), body.toString());
        JsonNode other = assertError(http().post("/api/v1/auth/login?create_session=2").json(credentials).send(), 400);
        assertTrue(other.path("message").asText().contains("create_session"), other.toString());
    }

    @Test
    void refusedLoginStartsNoSession() {
        Http.Res r = http().post("/api/v1/auth/login?generate_token=maybe")
                .json(Map.of("username", "owner", "password", "owner-pass")).send();
        assertEquals(400, r.status());
        assertNull(r.sessionToken(), "a 400 must not log anyone in");
    }

    // ---- credentials -------------------------------------------------------------------------

    @Test
    void basicAuthOutsideOpdsIs401() {
        assertError(http().get("/api/v1/auth/me").basic("owner", "owner-pass").send(), 401);
    }

    @Test
    void unknownAuthorizationSchemeIs401() {
        assertError(http().get("/api/v1/auth/me").header("Authorization", "Digest username=\"owner\"").send(), 401);
    }

    @Test
    void wrongBasicCredentialsOnOpdsAre401WithAChallenge() {
        Http.Res r = http().get("/opds/v1.2/catalog").basic("owner", "wrong").send();
        assertError(r, 401);
        assertNotNull(r.header("WWW-Authenticate"));
        assertError(http().get("/opds/v1.2/catalog").header("Authorization", "Basic !!!not-base64").send(), 401);
    }
}
