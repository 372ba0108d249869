package org.longbox.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With ENABLE_SWAGGER_UI=false neither the UI nor the document is served, and nothing points at them. */
class SwaggerDisabledTest {
    @RegisterExtension
    static final LongboxServer server = LongboxServer.builder().setting("ENABLE_SWAGGER_UI", "false").build();

    @Test
    void swaggerUiAndTheDocumentAre404Json() {
        for (String path : List.of("/swagger-ui", "/swagger-ui/", "/swagger-ui/index.html", "/swagger-ui/swagger-ui-bundle.js",
                "/swagger-ui/swagger-initializer.js", "/api-doc/openapi.json")) {
            Http.Res r = server.http().get(path).send();
            assertEquals(404, r.status(), path + ": " + r);
            assertNotNull(r.contentType(), path);
            assertTrue(r.contentType().startsWith("application/json"), path + ": " + r.contentType());
            assertEquals(404, r.json().path("status").asInt(), path + ": " + r);
            assertTrue(r.json().path("message").isTextual(), path + ": " + r);
            assertFalse(r.text().contains("openapi"), path + " leaks the document: " + r);
        }
    }

    @Test
    void rootDoesNotAdvertiseSwaggerUi() {
        Http.Res r = server.http().get("/").send();
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.json().has("api"), r.toString());
        assertFalse(r.json().has("swagger_ui"), r.toString());
    }

    @Test
    void theApiItselfStillAnswers() {
        Http.Res r = server.http().get("/api/v1/ping").send();
        assertEquals(200, r.status());
        assertEquals("pong", r.text());
    }
}
