package org.longbox.user;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Accounts;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /api/v1/users, by persona: owner, a user manager, a plain reader. */
class UserManagementTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw").build();
    static Http http;
    static String owner;

    @BeforeAll
    static void connect() {
        http = server.http();
        owner = server.ownerSession();
    }

    @Test
    void impliedPermissionsAppearInUserJson() {
        JsonNode u = Accounts.createUser(http, owner, "librarian", "pw", "library:manage", "user:manage");
        Set<String> perms = new HashSet<>();
        u.get("permissions").forEach(p -> perms.add(p.asText()));
        assertTrue(perms.containsAll(Set.of("library:manage", "library:scan", "library:delete", "library:edit", "user:manage", "user:read")), perms.toString());
    }

    @Test
    void unknownPermissionsAreRejectedByName() {
        Http.Res r = http.post("/api/v1/users").cookie(owner)
                .json(Map.of("username", "x1", "password", "pw", "permissions", List.of("library:own"))).send();
        assertEquals(400, r.status());
        assertTrue(r.json().get("message").asText().contains("library:own"));
    }

    @Test
    void aReaderCannotGrantThemselvesPermissionsOrLiftTheirLimits() throws Exception {
        String id = Accounts.createUser(http, owner, "mallory", "pw", "file:download").get("id").asText();
        assertEquals(200, http.put("/api/v1/users/" + id).cookie(owner).json(Map.of("max_sessions_allowed", 3)).send().status());
        String me = Accounts.login(http, "mallory", "pw");

        Http.Res escalate = http.put("/api/v1/users/me").cookie(me)
                .json(Map.of("permissions", List.of("file:download", "server:manage", "user:manage"))).send();
        assertEquals(403, escalate.status());
        Http.Res byId = http.put("/api/v1/users/" + id).cookie(me).json(Map.of("permissions", List.of("user:manage"))).send();
        assertEquals(403, byId.status());
        Http.Res unlimited = http.put("/api/v1/users/me").cookie(me).json("{\"max_sessions_allowed\": null}").send();
        assertEquals(403, unlimited.status());
        Http.Res more = http.put("/api/v1/users/me").cookie(me).json(Map.of("max_sessions_allowed", 99)).send();
        assertEquals(403, more.status());
        assertEquals("file:download", server.string("SELECT permissions FROM users WHERE id = ?", id));

        // Re-sending what they already have is fine, as is changing their own name and avatar.
        Http.Res same = http.put("/api/v1/users/me").cookie(me)
                .json(Map.of("username", "Mallory2", "avatar_url", "https://example.org/a.png", "permissions", List.of("file:download"))).send();
        assertEquals(200, same.status(), same.toString());
        assertEquals("Mallory2", same.json().get("username").asText());
    }

    @Test
    void theOwnerSetsAgeRestrictionsAndNobodyLiftsTheirOwn() {
        Http.Res made = http.post("/api/v1/users").cookie(owner).json(Map.of("username", "kid", "password", "pw",
                "age_restriction", Map.of("age", 12, "restrict_on_unset", true))).send();
        assertEquals(200, made.status(), made.toString());
        assertEquals(12, made.json().get("age_restriction").get("age").asInt());
        assertTrue(made.json().get("age_restriction").get("restrict_on_unset").asBoolean());
        String id = made.json().get("id").asText();
        String kid = Accounts.login(http, "kid", "pw");

        assertEquals(403, http.put("/api/v1/users/me").cookie(kid).json("{\"age_restriction\": null}").send().status());
        assertEquals(403, http.put("/api/v1/users/me").cookie(kid).json(Map.of("age_restriction", Map.of("age", 18))).send().status());
        assertEquals(12, http.get("/api/v1/auth/me").cookie(kid).send().json().get("age_restriction").get("age").asInt());
        assertEquals(400, http.put("/api/v1/users/" + id).cookie(owner).json(Map.of("age_restriction", Map.of("age", -1))).send().status());

        Http.Res lifted = http.put("/api/v1/users/" + id).cookie(owner).json("{\"age_restriction\": null}").send();
        assertEquals(200, lifted.status());
        assertFalse(lifted.json().has("age_restriction"));
    }

    @Test
    void aUserManagerCannotHandOutPermissionsTheyDoNotHold() {
        Accounts.createUser(http, owner, "manager", "pw", "user:manage");
        String manager = Accounts.login(http, "manager", "pw");
        Http.Res tooMuch = http.post("/api/v1/users").cookie(manager)
                .json(Map.of("username", "minion", "password", "pw", "permissions", List.of("server:manage"))).send();
        assertEquals(403, tooMuch.status());
        Http.Res fine = http.post("/api/v1/users").cookie(manager)
                .json(Map.of("username", "minion", "password", "pw", "permissions", List.of("user:read"))).send();
        assertEquals(200, fine.status(), fine.toString());
        assertEquals(403, http.put("/api/v1/users/" + fine.json().get("id").asText()).cookie(manager)
                .json(Map.of("username", "renamed")).send().status(), "only the owner changes other users");
    }

    @Test
    void onlyTheOwnerLocksDeletesAndSignsOthersOut() throws Exception {
        String id = Accounts.createUser(http, owner, "target", "pw").get("id").asText();
        Accounts.createUser(http, owner, "nosy", "pw", "user:manage");
        String nosy = Accounts.login(http, "nosy", "pw");
        String target = Accounts.login(http, "target", "pw");
        assertEquals(403, http.put("/api/v1/users/" + id + "/lock").cookie(nosy).json(Map.of("lock", true)).send().status());
        assertEquals(403, http.delete("/api/v1/users/" + id).cookie(nosy).send().status());
        assertEquals(403, http.delete("/api/v1/users/" + id + "/sessions").cookie(nosy).send().status());
        assertEquals(403, http.get("/api/v1/users/login-activity").cookie(nosy).send().status());
        assertEquals(403, http.get("/api/v1/users/" + id + "/login-activity").cookie(nosy).send().status());

        Http.Res out = http.delete("/api/v1/users/" + id + "/sessions").cookie(owner).send();
        assertEquals(200, out.status());
        assertEquals(1, out.json().get("deleted").asInt());
        assertEquals(401, http.get("/api/v1/auth/me").cookie(target).send().status());

        assertEquals(400, http.put("/api/v1/users/" + ownerId() + "/lock").cookie(owner).json(Map.of("lock", true)).send().status(), "not yourself");
        assertEquals(400, http.delete("/api/v1/users/" + ownerId()).cookie(owner).send().status(), "not yourself");
        assertEquals(400, http.put("/api/v1/users/" + id + "/lock").cookie(owner).json("{}").send().status());
        assertEquals(404, http.put("/api/v1/users/no-such-id/lock").cookie(owner).json(Map.of("lock", true)).send().status());

        Http.Res hard = http.delete("/api/v1/users/" + id + "?hard_delete=true").cookie(owner).send();
        assertEquals(200, hard.status());
        assertEquals(0, server.count("SELECT COUNT(*) FROM users WHERE id = ?", id));
        assertEquals(0, server.count("SELECT COUNT(*) FROM login_activity WHERE user_id = ?", id));
        assertEquals(404, http.get("/api/v1/users/" + id).cookie(owner).send().status());
    }

    @Test
    void passwordChangeKeepsTheCurrentSessionAndEndsTheOthers() {
        Accounts.createUser(http, owner, "pat", "old");
        String phone = Accounts.login(http, "pat", "old");
        String laptop = Accounts.login(http, "pat", "old");
        assertEquals(200, http.put("/api/v1/users/me").cookie(laptop).json(Map.of("password", "new", "current_password", "old")).send().status());
        assertEquals(200, http.get("/api/v1/auth/me").cookie(laptop).send().status());
        assertEquals(401, http.get("/api/v1/auth/me").cookie(phone).send().status());
        assertEquals(401, http.post("/api/v1/auth/login").json(Map.of("username", "pat", "password", "old")).send().status());
        assertEquals(200, http.post("/api/v1/auth/login").json(Map.of("username", "pat", "password", "new")).send().status());
    }

    @Test
    void listsArePagedInStumpsEnvelope() {
        for (int i = 0; i < 4; i++) {
            Accounts.createUser(http, owner, "paged" + i, "pw");
        }
        JsonNode first = http.get("/api/v1/users?page_size=2").cookie(owner).send().json();
        assertEquals(2, first.get("data").size());
        JsonNode page = first.get("_page");
        assertEquals(1, page.get("current_page").asInt());
        assertEquals(2, page.get("page_size").asInt());
        assertFalse(page.get("zero_based").asBoolean());
        assertTrue(first.get("_cursor").isNull());
        long users = first.get("_page").get("total_pages").asLong();
        assertTrue(users >= 3);

        JsonNode zero = http.get("/api/v1/users?page=0&page_size=2&zero_based=true").cookie(owner).send().json();
        assertEquals(first.get("data").get(0).get("id"), zero.get("data").get(0).get("id"));

        JsonNode cursor1 = http.get("/api/v1/users?limit=2").cookie(owner).send().json();
        assertNull(cursor1.get("_page").textValue());
        String next = cursor1.get("_cursor").get("next_cursor").asText();
        JsonNode cursor2 = http.get("/api/v1/users?limit=2&cursor=" + next).cookie(owner).send().json();
        assertFalse(cursor2.get("data").get(0).get("id").asText().equals(cursor1.get("data").get(1).get("id").asText()));

        JsonNode unpagedRequest = http.get("/api/v1/users").cookie(owner).send().json();
        assertTrue(unpagedRequest.get("data").size() <= 20, "no list answers with everything at once");

        assertEquals(400, http.get("/api/v1/users?page_size=0").cookie(owner).send().status());
        assertEquals(400, http.get("/api/v1/users?page_size=100000").cookie(owner).send().status());
        assertEquals(400, http.get("/api/v1/users?page=-1").cookie(owner).send().status());
        Http.Res notNumber = http.get("/api/v1/users?page=two").cookie(owner).send();
        assertEquals(400, notNumber.status());
        assertTrue(notNumber.json().get("message").asText().contains("page"));
    }

    @Test
    void aReaderWithoutUserReadSeesOnlyThemselves() {
        String id = Accounts.createUser(http, owner, "quiet", "pw").get("id").asText();
        String quiet = Accounts.login(http, "quiet", "pw");
        assertEquals(403, http.get("/api/v1/users").cookie(quiet).send().status());
        assertEquals(200, http.get("/api/v1/users/" + id).cookie(quiet).send().status());
        assertEquals(403, http.get("/api/v1/users/" + ownerId()).cookie(quiet).send().status());
    }

    @Test
    void preferencesAreEachUsersOwnJson() {
        Accounts.createUser(http, owner, "prefs", "pw");
        String me = Accounts.login(http, "prefs", "pw");
        String id = http.get("/api/v1/auth/me").cookie(me).send().json().get("id").asText();
        assertEquals("{}", http.get("/api/v1/users/me/preferences").cookie(me).send().text());
        assertEquals(200, http.put("/api/v1/users/me/preferences").cookie(me).json(Map.of("app_theme", "dark", "locale", "fr")).send().status());
        assertEquals("dark", http.get("/api/v1/users/" + id + "/preferences").cookie(me).send().json().get("app_theme").asText());
        assertEquals("{}", http.get("/api/v1/users/me/preferences").cookie(owner).send().text(), "the owner's are separate");
        assertEquals(403, http.get("/api/v1/users/" + id + "/preferences").cookie(owner).send().status());
        assertEquals(400, http.put("/api/v1/users/me/preferences").cookie(me).json("[1, 2]").send().status());
        assertEquals(400, http.put("/api/v1/users/me/preferences").cookie(me).json(Map.of("x", "y".repeat(20000))).send().status());
        assertEquals(200, http.put("/api/v1/users/me/navigation-arrangement").cookie(me).json(Map.of("sections", List.of("home"))).send().status());
        assertEquals("home", http.get("/api/v1/users/me/navigation-arrangement").cookie(me).send().json().get("sections").get(0).asText());
        JsonNode listed = http.get("/api/v1/users?include_session_count=true&page_size=100").cookie(owner).send().json();
        assertTrue(listed.get("data").get(0).has("login_sessions_count"));
    }

    private static String ownerId() {
        return http.get("/api/v1/auth/me").cookie(owner).send().json().get("id").asText();
    }
}
