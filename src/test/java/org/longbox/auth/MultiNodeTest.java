package org.longbox.auth;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Accounts;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two deployments on one database, as behind a load balancer: sessions, tokens and keys made on
 * one node work on the other, and ending them on one node ends them on the other within the
 * 2 s a node may remember a session.
 */
class MultiNodeTest {
    @RegisterExtension
    static LongboxServer nodeA = LongboxServer.builder().contextPath("/a").claimedBy("owner", "pw").build();
    @RegisterExtension
    static LongboxServer nodeB = LongboxServer.builder().contextPath("/b").sharingDatabaseWith(nodeA).build();
    static Http a;
    static Http b;

    @BeforeAll
    static void connect() {
        a = nodeA.http();
        b = nodeB.http();
    }

    @Test
    void aSessionMadeOnOneNodeWorksOnTheOther() {
        String token = Accounts.login(a, "owner", "pw");
        assertEquals(200, b.get("/api/v1/auth/me").cookie(token).send().status());
    }

    @Test
    void aTokenSignedOnOneNodeVerifiesOnTheOther() {
        String jwt = b.post("/api/v1/auth/login?generate_token=true&create_session=false")
                .json(Map.of("username", "owner", "password", "pw")).send().json().get("token").get("access_token").asText();
        assertEquals(200, a.get("/api/v1/auth/me").bearer(jwt).send().status());
    }

    @Test
    void anApiKeyMadeOnOneNodeWorksOnTheOther() {
        String key = a.post("/api/v1/api-keys").cookie(nodeA.ownerSession()).json(Map.of("name", "k", "permissions", "inherit"))
                .send().json().get("api_key").asText();
        assertEquals(200, b.get("/opds/" + key + "/v1.2/catalog").send().status());
    }

    @Test
    void logoutOnOneNodeEndsTheSessionOnTheOtherWithinTwoSeconds() throws Exception {
        String token = Accounts.login(a, "owner", "pw");
        assertEquals(200, b.get("/api/v1/auth/me").cookie(token).send().status(), "node B now remembers it");
        assertEquals(200, a.post("/api/v1/auth/logout").cookie(token).send().status());
        assertEquals(401, a.get("/api/v1/auth/me").cookie(token).send().status(), "at once on the node that ended it");
        assertRefusedWithin(2500, () -> b.get("/api/v1/auth/me").cookie(token).send().status());
    }

    @Test
    void lockingOnOneNodeEndsSessionsOnTheOtherAndTokensAtOnce() throws Exception {
        Accounts.createUser(a, nodeA.ownerSession(), "reader", "pw");
        String id = nodeA.string("SELECT id FROM users WHERE username_key = 'reader'");
        String token = Accounts.login(b, "reader", "pw");
        String jwt = b.post("/api/v1/auth/login?generate_token=true&create_session=false")
                .json(Map.of("username", "reader", "password", "pw")).send().json().get("token").get("access_token").asText();
        assertEquals(200, b.get("/api/v1/auth/me").cookie(token).send().status());
        assertEquals(200, a.put("/api/v1/users/" + id + "/lock").cookie(nodeA.ownerSession()).json(Map.of("lock", true)).send().status());
        assertEquals(403, b.get("/api/v1/auth/me").bearer(jwt).send().status(), "tokens are checked against the database every time");
        assertRefusedWithin(2500, () -> b.get("/api/v1/auth/me").cookie(token).send().status());
    }

    private static void assertRefusedWithin(long millis, java.util.function.IntSupplier status) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (status.getAsInt() != 401) {
            assertTrue(System.currentTimeMillis() < deadline, "still accepted after " + millis + " ms");
            Thread.sleep(100);
        }
    }
}
