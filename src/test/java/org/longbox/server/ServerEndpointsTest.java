package org.longbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Anonymous callers: ping, version, claim and the index, under a context path and behind a proxy. */
class ServerEndpointsTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().contextPath("/longbox").build();

    @Test
    void pingAnswersPongAsText() {
        Http.Res r = server.http().get("/api/v1/ping").send();
        assertEquals(200, r.status());
        assertEquals("pong", r.text());
        assertTrue(r.contentType().startsWith("text/plain"));
    }

    @Test
    void versionIsAPostAnsweringSemverRevAndCompileTime() {
        JsonNode v = server.http().post("/api/v1/version").send().json();
        assertTrue(v.get("semver").asText().matches("\\d+\\.\\d+\\.\\d+.*"), v.toString());
        assertTrue(v.has("rev"));
        assertTrue(v.get("compile_time").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*"), v.toString());
        Http.Res get = server.http().get("/api/v1/version").send();
        assertEquals(405, get.status());
        assertEquals(405, get.json().get("status").asInt());
    }

    @Test
    void theIndexLinksHonourContextPathAndProxyHeaders() {
        JsonNode direct = server.http().get("/").send().json();
        assertTrue(direct.get("opds_v1_2").asText().matches("http://127\\.0\\.0\\.1:\\d+/longbox/opds/v1\\.2/catalog"), direct.toString());
        JsonNode proxied = server.http().get("/").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "comics.example.org").header("X-Forwarded-Prefix", "/media").send().json();
        assertEquals("https://comics.example.org/media/longbox/opds/v1.2/catalog", proxied.get("opds_v1_2").asText());
        JsonNode forwarded = server.http().get("/").header("Forwarded", "for=1.2.3.4;proto=https;host=\"books.example\"").send().json();
        assertEquals("https://books.example/longbox/api/v1", forwarded.get("api").asText());
    }

    @Test
    void forgedProxyHeadersCannotInjectIntoLinks() {
        JsonNode r = server.http().get("/").header("X-Forwarded-Host", "evil.example/<script>")
                .header("X-Forwarded-Proto", "javascript").header("X-Forwarded-Prefix", "\"><x").send().json();
        String api = r.get("api").asText();
        assertTrue(api.startsWith("http://127.0.0.1:"), api);
        assertFalse(api.contains("<"), api);
    }
}
