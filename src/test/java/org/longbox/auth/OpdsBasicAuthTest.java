package org.longbox.auth;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Accounts;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP Basic: accepted only under /opds (matched on the full path under any context path). */
class OpdsBasicAuthTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().contextPath("/longbox").claimedBy("owner", "owner-pw").build();
    static Http http;
    static String owner;

    @BeforeAll
    static void connect() {
        http = server.http();
        owner = server.ownerSession();
    }

    @Test
    void readerWithBasicGetsTheCatalogAndASessionCookie() {
        Accounts.createUser(http, owner, "ann", "ann-pw");
        Http.Res r = http.get("/opds/v1.2/catalog").basic("ann", "ann-pw").send();
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("application/atom+xml;profile=opds-catalog;kind=navigation"), r.contentType());
        assertTrue(r.text().contains("<feed"));
        String token = r.sessionToken();
        assertNotNull(token, "Basic creates a server-side session");
        assertEquals(200, http.get("/opds/v1.2/catalog").cookie(token).send().status());
        assertEquals("ann", http.get("/api/v1/auth/me").cookie(token).send().json().get("username").asText(),
                "the session works for the API too");
        assertEquals(200, http.get("/opds/v2.0/catalog").basic("ANN", "ann-pw").send().status(), "usernames are case-insensitive");
    }

    @Test
    void saveSessionFalseCreatesNoSession() throws Exception {
        Accounts.createUser(http, owner, "nosave", "pw");
        String id = userId("nosave");
        Http.Res r = http.get("/opds/v1.2/catalog").basic("nosave", "pw").header("X-Stump-Save-Session", "false").send();
        assertEquals(200, r.status());
        assertNull(r.setCookie());
        assertEquals(0, server.count("SELECT COUNT(*) FROM sessions WHERE user_id = ?", id));
    }

    @Test
    void aClientThatNeverReturnsTheCookieHoldsOneSessionAndIsNotReverified() throws Exception {
        Accounts.createUser(http, owner, "kobo", "pw");
        String id = userId("kobo");
        String firstToken = null;
        for (int i = 0; i < 25; i++) {
            Http.Res r = http.get("/opds/v1.2/catalog").basic("kobo", "pw").send();
            assertEquals(200, r.status());
            if (firstToken == null) {
                firstToken = r.sessionToken();
            }
            assertEquals(firstToken, r.sessionToken(), "the same session is handed back, not a new one per request");
        }
        assertEquals(1, server.count("SELECT COUNT(*) FROM sessions WHERE user_id = ?", id));
        // Each full password verification is recorded as a login attempt; cached ones are not.
        assertEquals(1, server.count("SELECT COUNT(*) FROM login_activity WHERE user_id = ?", id));
    }

    @Test
    void passwordsMayContainColons() {
        Accounts.createUser(http, owner, "colon", "a:b:c");
        assertEquals(200, http.get("/opds/v1.2/catalog").basic("colon", "a:b:c").send().status());
        assertEquals(401, http.get("/opds/v1.2/catalog").basic("colon", "a").send().status());
    }

    @Test
    void noOrBadCredentialsGetTheBasicChallenge() {
        Accounts.createUser(http, owner, "bob", "bob-pw");
        for (Http.Res r : new Http.Res[]{
                http.get("/opds/v1.2/catalog").send(),
                http.get("/opds/v1.2/catalog").basic("bob", "wrong").send(),
                http.get("/opds/v1.2/catalog").basic("nobody", "x").send(),
                http.get("/opds/v1.2/catalog").header("Authorization", "Basic !!!notbase64").send(),
                http.get("/opds/v1.2/catalog").header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("nocolon".getBytes())).send()}) {
            assertEquals(401, r.status(), r.toString());
            assertEquals("Basic realm=\"Longbox OPDS v1.2\", charset=\"UTF-8\"", r.header("WWW-Authenticate"));
            assertTrue(r.setCookie().contains("Max-Age=0"), "every 401 clears the cookie");
        }
    }

    @Test
    void opds2ChallengeCarriesTheAuthenticationDocument() {
        Http.Res r = http.get("/opds/v2.0/catalog").send();
        assertEquals(401, r.status());
        assertEquals("Basic realm=\"Longbox OPDS v2.0\", charset=\"UTF-8\"", r.header("WWW-Authenticate"));
        assertTrue(r.contentType().startsWith("application/opds-authentication+json"), r.contentType());
        String link = r.header("Link");
        assertNotNull(link);
        assertTrue(link.contains("/longbox/opds/v2.0/auth>"), link);
        assertTrue(link.contains("rel=\"http://opds-spec.org/auth/document\""), link);
        JsonNode doc = r.json();
        assertEquals("http://opds-spec.org/auth/basic", doc.get("authentication").get(0).get("type").asText());
        assertTrue(doc.get("id").asText().endsWith("/longbox/opds/v2.0/auth"));

        Http.Res bad = http.get("/opds/v2.0/catalog").basic("owner", "nope").send();
        assertEquals(401, bad.status());
        assertNotNull(bad.json().get("authentication"));
    }

    @Test
    void anonymousGetsTheOpds12ChallengeOnEveryOpdsPathKnownOrNot() {
        for (String path : new String[]{"/opds", "/opds/", "/opds/v1.2", "/opds/v1.2/nonexistent", "/opds/v3/catalog",
                "/opds/v1.2/books/no-such-book/file/x.cbz", "/opds/not-a-key/v1.2/catalog", "/opds/stump_bad_key/v1.2/nonexistent"}) {
            for (Http.Res r : new Http.Res[]{http.get(path).send(), http.method("HEAD", path).send(), http.post(path).send()}) {
                assertEquals(401, r.status(), path + " -> " + r);
                assertEquals("Basic realm=\"Longbox OPDS v1.2\", charset=\"UTF-8\"", r.header("WWW-Authenticate"), path);
                assertNull(r.header("Link"), path);
            }
            assertEquals(401, http.get(path).send().json().path("status").asInt(), path);
        }
    }

    @Test
    void anonymousGetsTheOpds2ChallengeWithTheDocumentOnEveryOpds2Path() {
        for (String path : new String[]{"/opds/v2.0", "/opds/v2.0/", "/opds/v2.0/nonexistent", "/opds/v2.0/books/no-such-book",
                "/opds/not-a-key/v2.0/catalog", "/opds/stump_bad_key/v2.0/nonexistent"}) {
            Http.Res r = http.get(path).send();
            assertEquals(401, r.status(), path + " -> " + r);
            assertEquals("Basic realm=\"Longbox OPDS v2.0\", charset=\"UTF-8\"", r.header("WWW-Authenticate"), path);
            assertTrue(r.header("Link").contains("/longbox/opds/v2.0/auth>"), path + ": " + r.header("Link"));
            assertTrue(r.contentType().startsWith("application/opds-authentication+json"), path + ": " + r.contentType());
            assertEquals("http://opds-spec.org/auth/basic", r.json().path("authentication").path(0).path("type").asText(), path);
        }
    }

    @Test
    void anAuthenticatedCallerStillGets404ForAnUnknownOpdsPath() {
        String key = http.post("/api/v1/api-keys").cookie(owner).json(Map.of("name", "reader app", "permissions", "inherit"))
                .send().json().path("api_key").asText();
        assertTrue(key.startsWith("stump_"), key);
        for (String path : new String[]{"/opds", "/opds/", "/opds/v1.2/nonexistent", "/opds/v3/catalog", "/opds/v2.0/nonexistent"}) {
            for (Http.Res r : new Http.Res[]{http.get(path).basic("owner", "owner-pw").send(), http.get(path).cookie(owner).send()}) {
                assertEquals(404, r.status(), path + " -> " + r);
                assertEquals(404, r.json().path("status").asInt(), path);
                assertNull(r.header("WWW-Authenticate"), path);
            }
        }
        assertEquals(404, http.get("/opds/" + key + "/v1.2/nonexistent").send().status());
        assertEquals(404, http.get("/opds/" + key + "/v2.0/nonexistent").send().status());
        assertEquals(200, http.get("/opds/" + key + "/v1.2/catalog").send().status());
    }

    @Test
    void theAuthenticationDocumentIsPublic() {
        Http.Res r = http.get("/opds/v2.0/auth").send();
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("application/opds-authentication+json"));
        assertEquals("Username", r.json().get("authentication").get(0).get("labels").get("login").asText());
    }

    @Test
    void basicIsRefusedEverywhereOutsideOpdsEvenWithTheRightPassword() {
        for (String path : new String[]{"/api/v1/auth/me", "/api/v1/ping", "/api/v1/users", "/api-doc/openapi.json", "/swagger-ui/", "/opdsx/v1.2/catalog"}) {
            Http.Res r = http.get(path).basic("owner", "owner-pw").send();
            assertEquals(401, r.status(), path + " -> " + r);
            assertEquals(401, r.json().get("status").asInt());
            assertNull(r.header("WWW-Authenticate"), "no Basic challenge outside /opds: " + path);
        }
    }

    @Test
    void theOpdsCheckUsesTheFullPathNotTheServletPath() {
        // Jersey is mapped on /* and the context path is /longbox: the filter still sees /opds/...
        Http.Res r = http.get("/opds/v1.2/catalog").basic("owner", "owner-pw").send();
        assertEquals(200, r.status());
        assertTrue(r.text().contains("href=\"http://127.0.0.1:"), r.text());
        assertTrue(r.text().contains("/longbox/opds/v1.2/catalog\""), r.text());
    }

    @Test
    void aPasswordChangeEndsTheRememberedCredentialAtOnce() {
        Accounts.createUser(http, owner, "carol", "old-pw");
        assertEquals(200, http.get("/opds/v1.2/catalog").basic("carol", "old-pw").header("X-Stump-Save-Session", "false").send().status());
        String carol = Accounts.login(http, "carol", "old-pw");
        assertEquals(200, http.put("/api/v1/users/me").cookie(carol).json(Map.of("password", "new-pw", "current_password", "old-pw")).send().status());
        assertEquals(401, http.get("/opds/v1.2/catalog").basic("carol", "old-pw").header("X-Stump-Save-Session", "false").send().status());
        assertEquals(401, http.get("/opds/v1.2/catalog").basic("carol", "old-pw").send().status());
        assertEquals(200, http.get("/opds/v1.2/catalog").basic("carol", "new-pw").send().status());
    }

    @Test
    void lockingOrDeletingEndsTheRememberedCredentialAtOnce() throws Exception {
        Accounts.createUser(http, owner, "dave", "pw");
        Accounts.createUser(http, owner, "erin", "pw");
        Http.Res warm = http.get("/opds/v1.2/catalog").basic("dave", "pw").send();
        assertEquals(200, warm.status());
        http.get("/opds/v1.2/catalog").basic("erin", "pw").send();

        assertEquals(200, http.put("/api/v1/users/" + userId("dave") + "/lock").cookie(owner).json(Map.of("lock", true)).send().status());
        Http.Res locked = http.get("/opds/v1.2/catalog").basic("dave", "pw").send();
        assertEquals(403, locked.status(), "locked user with the right password");
        assertEquals(401, http.get("/opds/v1.2/catalog").cookie(warm.sessionToken()).send().status(), "locking ended the session");

        assertEquals(200, http.delete("/api/v1/users/" + userId("erin")).cookie(owner).send().status());
        assertEquals(401, http.get("/opds/v1.2/catalog").basic("erin", "pw").send().status(), "soft-deleted user");
    }

    static String userId(String username) throws Exception {
        return server.string("SELECT id FROM users WHERE username_key = ?", username.toLowerCase());
    }
}
