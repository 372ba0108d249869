package org.longbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authentication filter and the router must decide on the same path. The container hands
 * filters a decoded, normalised path (path parameters cut, {@code ..} resolved) while JAX-RS routes
 * the raw one, so a path the two read differently (say {@code /opds/v1.2/../../api/...}, which the
 * filter takes for the API and the router for OPDS, or the other way round) is refused with a JSON
 * 400 before anything authenticates it: {@code ;} path parameters, encoded {@code /}, {@code \} or
 * NUL, {@code .} and {@code ..} segments, empty segments.
 *
 * <p>Jetty refuses some of these itself, with its own 400, before the webapp sees them (Tomcat
 * too: see webapp-config/tomcat for the settings that make its answer JSON); the second deployment
 * lets them through, as a more lenient container or connector would, to show the webapp refuses
 * them on its own.
 */
class AmbiguousPathTest {
    @RegisterExtension
    static final LongboxServer server = LongboxServer.builder().claimedBy("owner", "owner-pass").build();

    @RegisterExtension
    static final LongboxServer lenient = LongboxServer.builder().claimedBy("owner", "owner-pass").lenientUris().build();

    static String owner;

    @BeforeAll
    static void connect() {
        owner = server.ownerSession();
    }

    private static JsonNode assertBadPath(Http.Res r, String what) {
        assertEquals(400, r.status(), what + ": " + r);
        assertNotNull(r.contentType(), what);
        assertTrue(r.contentType().startsWith("application/json"), what + ": " + r.contentType() + " " + r.text());
        JsonNode body = r.json();
        assertEquals(400, body.path("status").asInt(), what + ": " + r);
        assertTrue(body.path("message").asText().startsWith("Malformed request path"), what + ": " + r);
        assertFalse(r.text().contains("<"), what);
        assertTrue(r.headers("WWW-Authenticate").isEmpty(), what + ": refused before authentication, no challenge");
        return body;
    }

    @Test
    void pathParametersAreRefused() {
        for (String target : List.of("/api;x/v1/ping", "/api/v1/ping;jsessionid=abc", "/opds;/v1.2/catalog", "/api/v1/%3B/ping")) {
            assertBadPath(server.http().raw("GET", target), target);
        }
        // Jetty refuses ..; itself; what lets it through meets the webapp's refusal
        for (String target : List.of("/api/v1/users/..;/..;/..;/opds/v1.2/catalog", "/opds/v1.2/..;/..;/api/v1/auth/me")) {
            assertBadPath(lenient.http().raw("GET", target), target);
            assertEquals(400, server.http().raw("GET", target).status(), target);
        }
    }

    @Test
    void dotSegmentsAreRefused() {
        for (String target : List.of("/opds/v1.2/../../api/v1/auth/me", "/api/v1/../v1/ping", "/api/v1/./ping",
                "/api/v1/ping/..", "/api/v1/ping/.")) {
            assertBadPath(server.http().raw("GET", target), target);
        }
        for (String target : List.of("/api/v1/.%2e/v1/ping", "/api/v1/%2E/ping", "/api/v1/%2e%2e/v1/ping")) {
            assertBadPath(lenient.http().raw("GET", target), target);
            assertEquals(400, server.http().raw("GET", target).status(), target);
        }
    }

    @Test
    void encodedSeparatorsBackslashesControlCharactersAndEmptySegmentsAreRefused() {
        for (String target : List.of("/api/v1/media%2F1", "/api/v1/media%2f1", "/api%5Cv1/ping", "/api/v1\\ping",
                "/api/v1/ping%0a", "/api/v1/ping%7F", "//api/v1/ping", "/api//v1/ping", "//opds/v1.2/catalog")) {
            assertBadPath(lenient.http().raw("GET", target), target);
            Http.Res stock = server.http().raw("GET", target);
            assertEquals(400, stock.status(), target + " on stock Jetty: " + stock);
        }
    }

    @Test
    void whatNoContainerPassesOnIsA400AllTheSame() {
        // NUL, malformed percent-encoding, a path above the root: Jetty (and Tomcat) refuse them
        // while parsing, whatever their settings; the answer is theirs, the status is 400
        for (String target : List.of("/api/v1/ping%00", "/api/v1/ping%zz", "/api/v1/ping%", "/..", "/../api/v1/ping")) {
            assertEquals(400, server.http().raw("GET", target).status(), target);
            assertEquals(400, lenient.http().raw("GET", target).status(), target);
        }
    }

    @Test
    void theyAreRefusedBeforeCredentialsAreLookedAt() {
        // Basic is accepted only under /opds: a path the filter would take for /opds must not let
        // Basic reach an API route, whatever the credentials
        for (LongboxServer s : List.of(server, lenient)) {
            for (String target : s == server ? List.of("/opds/v1.2/../../api/v1/auth/me", "/opds/v1.2/x/../../../api/v1/auth/me")
                    : List.of("/opds/v1.2/..;/..;/api/v1/auth/me", "/opds%2Fv1.2%2F..%2F..%2Fapi/v1/auth/me")) {
                Http.Res basic = s.http().raw("GET", target, "Authorization: " + Http.basic("owner", "owner-pass"));
                assertBadPath(basic, "Basic through " + target);
                assertTrue(basic.headers("Set-Cookie").isEmpty(), "no session was made");
            }
        }
        Http.Res cookie = server.http().raw("DELETE", "/api/v1/api-keys/1;x", "Cookie: stump_session=" + owner);
        assertBadPath(cookie, "cookie");
    }

    @Test
    void ordinaryPathsStillWork() {
        // the control: percent-encoding as such, trailing slashes and queries with odd characters are fine
        assertEquals("pong", server.http().raw("GET", "/api/v1/ping").text());
        assertEquals("pong", server.http().raw("GET", "/api/v1/ping/").text());
        assertEquals(200, server.http().raw("GET", "/api/v1/ping?x=a;b&y=..&z=%2F&w=a//b").status());
        Http.Res encoded = server.http().raw("GET", "/api/v1/series?search=%C3%A9t%C3%A9", "Cookie: stump_session=" + owner);
        assertEquals(200, encoded.status(), encoded.toString());
        assertEquals(200, server.http().raw("GET", "/swagger-ui/").status());
        Http.Res dots = server.http().raw("GET", "/api/v1/media/...x", "Cookie: stump_session=" + owner);
        assertEquals(404, dots.status(), "a segment that merely starts with dots is a name: " + dots);
    }

    @Test
    void stumpsBracketQueriesAreAccepted() {
        // Stump's web client sends filters as library[id][]=... without encoding the brackets
        Http.Res r = server.http().raw("GET", "/api/v1/series?library[id][]=nope&count_media=true", "Cookie: stump_session=" + owner);
        assertEquals(200, r.status(), r.toString());
        assertEquals(0, r.json().path("data").size(), r.toString());
        // and search words as typed: decodeURIComponent leaves " < > \\ ^ ` { | } raw
        Http.Res search = server.http().raw("GET", "/api/v1/media?search=\"a\"<b>{c}|d^e`f\\g", "Cookie: stump_session=" + owner);
        assertEquals(200, search.status(), search.toString());
    }
}
