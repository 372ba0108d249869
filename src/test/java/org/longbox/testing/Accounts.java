package org.longbox.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Small builders for the users and sessions a test needs, made through the API itself. */
public final class Accounts {
    private Accounts() {
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
