package org.longbox.user;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Accounts;
import org.longbox.testing.Accounts.Account;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.TestClock;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Changing a password: only a password proves the right to change one, whatever credential carries
 * the request; what a change of your own ends, and what the owner's reset of someone else's ends.
 */
class PasswordChangeTest {
    static final TestClock clock = new TestClock();

    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().clock(clock).claimedBy("owner", "owner-pw").build();
    static Http http;
    static Account owner;

    @BeforeAll
    static void connect() {
        http = server.http();
        owner = Accounts.owner(server, "owner", "owner-pw");
    }

    static Account keyHolder() {
        return Accounts.newUser(http, owner, "changer", "feature:api_keys", "file:download");
    }

    static String jwt(Account user, String password) {
        Http.Res r = http.post("/api/v1/auth/login?generate_token=true&create_session=false")
                .json(Map.of("username", user.username(), "password", password)).send();
        assertEquals(200, r.status(), r.toString());
        return r.json().path("token").path("access_token").asText();
    }

    static String key(Account user, Object permissions) {
        Http.Res r = http.post("/api/v1/api-keys").cookie(user.session()).json(Map.of("name", "k", "permissions", permissions)).send();
        assertEquals(200, r.status(), r.toString());
        return r.json().path("api_key").asText();
    }

    static int login(Account user, String password) {
        return http.post("/api/v1/auth/login").json(Map.of("username", user.username(), "password", password)).send().status();
    }

    static void assertError(Http.Res r, int status, String mentions) {
        assertEquals(status, r.status(), r.toString());
        assertEquals(status, r.json().path("status").asInt(), r.toString());
        assertTrue(r.json().path("message").asText().contains(mentions), "mentions " + mentions + ": " + r);
    }

    /** Each way a request may prove who it is, as a function from the user to the request it sends. */
    static Map<String, Function<Account, Http.Request>> credentials() {
        return Map.of(
                "session cookie", u -> http.put("/api/v1/users/me").cookie(u.session()),
                "JWT", u -> http.put("/api/v1/users/me").bearer(jwt(u, u.password())),
                "inheriting API key", u -> http.put("/api/v1/users/me").bearer(key(u, "inherit")),
                "session cookie on /users/{own id}", u -> http.put("/api/v1/users/" + u.id()).cookie(u.session()));
    }

    @Test
    void changingYourOwnPasswordNeedsTheCurrentOneWhateverTheCredential() {
        credentials().forEach((how, request) -> {
            Account user = keyHolder();
            assertError(request.apply(user).json(Map.of("password", "taken-over")).send(), 400, "current_password");
            assertError(request.apply(user).json(Map.of("password", "taken-over", "current_password", "")).send(), 400,
                    "current_password");
            assertError(request.apply(user).json(Map.of("password", "taken-over", "current_password", "a guess")).send(), 403,
                    "current_password");
            assertEquals(401, login(user, "taken-over"), how + ": nothing changed");
            assertEquals(200, login(user, user.password()), how + ": nothing changed");

            Http.Res ok = request.apply(user).json(Map.of("password", "changed", "current_password", user.password())).send();
            assertEquals(200, ok.status(), how + ": " + ok);
            assertEquals(200, login(user, "changed"), how);
        });
    }

    @Test
    void theOwnerChangingTheirOwnPasswordNeedsItToo() {
        assertError(http.put("/api/v1/users/me").cookie(owner.session()).json(Map.of("password", "x")).send(), 400,
                "current_password");
        assertError(http.put("/api/v1/users/" + owner.id()).cookie(owner.session())
                .json(Map.of("password", "x", "current_password", "not-it")).send(), 403, "current_password");
        assertEquals(200, login(owner, owner.password()));
    }

    @Test
    void aWrongCurrentPasswordIsRecordedAsAFailedSignIn() throws Exception {
        Account user = keyHolder();
        long failures = server.count("SELECT COUNT(*) FROM login_activity WHERE user_id = ? AND authentication_successful = FALSE",
                user.id());
        http.put("/api/v1/users/me").cookie(user.session()).json(Map.of("password", "x", "current_password", "a guess")).send();
        assertEquals(failures + 1, server.count(
                "SELECT COUNT(*) FROM login_activity WHERE user_id = ? AND authentication_successful = FALSE", user.id()));
    }

    @Test
    void aRestrictedKeyCannotChangeThePasswordEvenWithTheCurrentOne() {
        Account user = keyHolder();
        String restricted = key(user, List.of("feature:api_keys"));
        assertError(http.put("/api/v1/users/me").bearer(restricted)
                .json(Map.of("password", "x", "current_password", user.password())).send(), 403, "restricted");
        assertEquals(200, login(user, user.password()));
    }

    @Test
    void yourOwnChangeEndsYourOtherSessionsAndTokensAndKeepsYourKeys() {
        Account user = keyHolder();
        String otherSession = Accounts.login(http, user.username(), user.password());
        String token = jwt(user, user.password());
        String inherit = key(user, "inherit");
        String custom = key(user, List.of("file:download"));

        Http.Res change = http.put("/api/v1/users/me").cookie(user.session())
                .json(Map.of("password", "mine-now", "current_password", user.password())).send();
        assertEquals(200, change.status(), change.toString());

        assertEquals(200, http.get("/api/v1/auth/me").cookie(user.session()).send().status(), "the session that changed it");
        assertEquals(401, http.get("/api/v1/auth/me").cookie(otherSession).send().status(), "another session");
        assertEquals(401, http.get("/api/v1/auth/me").bearer(token).send().status(), "a JWT");
        assertEquals(200, http.get("/api/v1/auth/me").bearer(inherit).send().status(), "an inheriting key");
        assertEquals(200, http.get("/api/v1/auth/me").bearer(custom).send().status(), "a key with its own permissions");
    }

    @Test
    void theOwnersResetNeedsNoCurrentPasswordAndEndsSessionsTokensAndEveryKey() {
        Account user = keyHolder();
        String token = jwt(user, user.password());
        String inherit = key(user, "inherit");
        String custom = key(user, List.of("file:download"));

        Http.Res reset = http.put("/api/v1/users/" + user.id()).cookie(owner.session()).json(Map.of("password", "from-owner")).send();
        assertEquals(200, reset.status(), reset.toString());

        assertEquals(401, http.get("/api/v1/auth/me").cookie(user.session()).send().status(), "the user's session");
        assertEquals(401, http.get("/api/v1/auth/me").bearer(token).send().status(), "a JWT");
        assertEquals(401, http.get("/api/v1/auth/me").bearer(inherit).send().status(), "an inheriting key");
        assertEquals(401, http.get("/api/v1/auth/me").bearer(custom).send().status(), "a key with its own permissions");
        assertEquals(401, http.get("/opds/" + custom + "/v1.2/catalog").send().status(), "a key in an OPDS path");
        assertEquals(200, http.get("/api/v1/auth/me").cookie(owner.session()).send().status(), "the owner's session");
        assertEquals(200, login(user, "from-owner"));
    }
}
