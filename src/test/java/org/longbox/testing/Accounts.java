package org.longbox.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Small builders for the users and sessions a test needs, made through the API itself. */
public final class Accounts {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Accounts() {
    }

    /** A user as a test knows it: id, credentials and a live session token. */
    public record Account(String id, String username, String password, String session) {
    }

    /** The server's owner, logged in (see {@link LongboxServer.Builder#claimedBy}). */
    public static Account owner(LongboxServer server, String username, String password) {
        String session = server.ownerSession();
        String id = server.http().get("/api/v1/auth/me").cookie(session).send().json().path("id").asText();
        return new Account(id, username, password, session);
    }

    /** {@code stem} plus a number no other call in this JVM gives. */
    public static String uniqueName(String stem) {
        return stem + "-" + SEQ.incrementAndGet();
    }

    /** A user the owner creates with exactly {@code permissions}, named {@code stem} plus a unique number, logged in. */
    public static Account newUser(Http http, Account owner, String stem, String... permissions) {
        String name = uniqueName(stem);
        String id = createUser(http, owner.session(), name, "pass", permissions).path("id").asText();
        return new Account(id, name, "pass", login(http, name, "pass"));
    }

    /** Registers the server owner (the server must be unclaimed) and returns the user JSON. */
    public static JsonNode claim(Http http, String username, String password) {
        Http.Res r = http.post("/api/v1/auth/register").json(Map.of("username", username, "password", password)).send();
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    /** Logs in and returns the session token from the cookie. */
    public static String login(Http http, String username, String password) {
        Http.Res r = http.post("/api/v1/auth/login").json(Map.of("username", username, "password", password)).send();
        assertEquals(200, r.status(), r.toString());
        String token = r.sessionToken();
        assertNotNull(token, "login set no cookie");
        return token;
    }

    /** Creates a user as the owner (identified by their session token) and returns the user JSON. */
    public static JsonNode createUser(Http http, String ownerSession, String username, String password, String... permissions) {
        Http.Res r = http.post("/api/v1/users").cookie(ownerSession)
                .json(Map.of("username", username, "password", password, "permissions", List.of(permissions))).send();
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }
}
