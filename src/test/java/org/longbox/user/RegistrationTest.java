package org.longbox.user;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Accounts;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Claiming the server and registering users, in order: anonymous, owner, reader. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistrationTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().build();

    @Test
    @Order(1)
    void badRegistrationsOnAnUnclaimedServerClaimNothing() throws Exception {
        Http http = server.http();
        assertEquals(400, http.post("/api/v1/auth/register").json(Map.of("username", "", "password", "pw")).send().status());
        assertEquals(400, http.post("/api/v1/auth/register").json(Map.of("username", "   ", "password", "pw")).send().status());
        assertEquals(400, http.post("/api/v1/auth/register").json(Map.of("username", "a:b", "password", "pw")).send().status());
        assertEquals(400, http.post("/api/v1/auth/register").json(Map.of("username", "ok", "password", "")).send().status());
        assertEquals(400, http.post("/api/v1/auth/register").json(Map.of("username", "ok", "password", "p".repeat(73))).send().status());
        assertEquals(400, http.post("/api/v1/auth/register").json(Map.of("username", "x".repeat(256), "password", "pw")).send().status());
        assertEquals(400, http.post("/api/v1/auth/register").json("{\"username\":\"ok\"").send().status());
        assertEquals(0, server.count("SELECT COUNT(*) FROM users"));
        assertFalse(http.get("/api/v1/claim").send().json().get("is_claimed").asBoolean());
    }

    @Test
    @Order(2)
    void theFirstUserBecomesOwnerAndOnlyOneWinsARace() throws Exception {
        Http http = server.http();
        List<CompletableFuture<Http.Res>> racers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String name = "racer" + i;
            racers.add(CompletableFuture.supplyAsync(() -> http.post("/api/v1/auth/register")
                    .json(Map.of("username", name, "password", "pw")).send()));
        }
        long owners = 0;
        for (CompletableFuture<Http.Res> f : racers) {
            Http.Res r = f.join();
            if (r.status() == 200) {
                owners++;
                JsonNode u = r.json();
                assertTrue(u.get("is_server_owner").asBoolean());
                assertNull(r.sessionToken(), "register does not log in");
            } else {
                assertEquals(401, r.status(), r.toString());
            }
        }
        assertEquals(1, owners);
        assertEquals(1, server.count("SELECT COUNT(*) FROM users WHERE is_server_owner = TRUE"));
        assertEquals(1, server.count("SELECT COUNT(*) FROM users"));
        assertTrue(http.get("/api/v1/claim").send().json().get("is_claimed").asBoolean());
    }

    @Test
    @Order(3)
    void afterTheClaimOnlyTheOwnerMayRegister() throws Exception {
        Http http = server.http();
        String ownerName = "racer" + findOwnerSuffix();
        String owner = Accounts.login(http, ownerName, "pw");

        Http.Res anonymous = http.post("/api/v1/auth/register").json(Map.of("username", "anon", "password", "pw")).send();
        assertEquals(401, anonymous.status());

        Http.Res byOwner = http.post("/api/v1/auth/register").cookie(owner).json(Map.of("username", "Reader", "password", "pw")).send();
        assertEquals(200, byOwner.status());
        JsonNode reader = byOwner.json();
        assertFalse(reader.get("is_server_owner").asBoolean());
        assertEquals("Reader", reader.get("username").asText());
        assertTrue(reader.has("avatar_url") && reader.get("avatar_url").isNull());
        assertTrue(reader.has("last_login"));
        assertFalse(reader.get("is_locked").asBoolean());
        assertTrue(reader.get("permissions").isArray());
        assertTrue(reader.get("created_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
        assertFalse(reader.toString().contains("password"), "no password or hash in user JSON");

        String readerSession = Accounts.login(http, "reader", "pw");
        assertEquals(403, http.post("/api/v1/auth/register").cookie(readerSession)
                .json(Map.of("username", "other", "password", "pw")).send().status());

        Http.Res duplicate = http.post("/api/v1/auth/register").cookie(owner).json(Map.of("username", "READER", "password", "pw")).send();
        assertEquals(422, duplicate.status(), "usernames are unique case-insensitively");
        assertEquals(422, duplicate.json().get("status").asInt());
    }

    private static String findOwnerSuffix() throws Exception {
        try (var c = server.sql(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT username FROM users WHERE is_server_owner = TRUE")) {
            rs.next();
            return rs.getString(1).substring("racer".length());
        }
    }
}
