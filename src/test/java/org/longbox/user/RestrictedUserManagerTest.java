package org.longbox.user;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.longbox.testing.Accounts;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.Scans;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user manager who is age-restricted and has a library hidden from them cannot make (or turn)
 * another user into one who sees more, then log in as them; the owner can.
 */
class RestrictedUserManagerTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw").build();
    @TempDir
    static Path root;
    static Http http;
    static String owner;
    static String hiddenLibrary;
    static String openLibrary;
    static String managerId;
    static String manager;

    @BeforeAll
    static void setUp() throws Exception {
        http = server.http();
        owner = server.ownerSession();
        openLibrary = Scans.library(http, owner, "Open", Files.createDirectories(root.resolve("open")), null);
        hiddenLibrary = Scans.library(http, owner, "Secret", Files.createDirectories(root.resolve("secret")), null);
        Http.Res made = http.post("/api/v1/users").cookie(owner).json(Map.of("username", "manager", "password", "pw",
                "permissions", List.of("user:manage", "library:manage"),
                "age_restriction", Map.of("age", 12, "restrict_on_unset", true))).send();
        assertEquals(200, made.status(), made.toString());
        managerId = made.json().get("id").asText();
        hide(hiddenLibrary, managerId);
        manager = Accounts.login(http, "manager", "pw");
        assertEquals(404, http.get("/api/v1/libraries/" + hiddenLibrary).cookie(manager).send().status());
    }

    @Test
    void aRestrictedManagerCannotCreateAUserWithALooserAgeRestriction() throws Exception {
        Map<String, Object> none = Map.of("username", "free", "password", "pw", "permissions", List.of("user:manage"));
        Http.Res unrestricted = http.post("/api/v1/users").cookie(manager).json(none).send();
        assertEquals(403, unrestricted.status(), unrestricted.toString());
        assertEquals(403, unrestricted.json().get("status").asInt());
        assertTrue(unrestricted.json().get("message").asText().contains("age_restriction of at most 12"), unrestricted.toString());

        Http.Res older = http.post("/api/v1/users").cookie(manager).json(Map.of("username", "free", "password", "pw",
                "age_restriction", Map.of("age", 18, "restrict_on_unset", true))).send();
        assertEquals(403, older.status(), older.toString());
        Http.Res unratedShown = http.post("/api/v1/users").cookie(manager).json(Map.of("username", "free", "password", "pw",
                "age_restriction", Map.of("age", 12, "restrict_on_unset", false))).send();
        assertEquals(403, unratedShown.status(), unratedShown.toString());
        assertTrue(unratedShown.json().get("message").asText().contains("restrict_on_unset"), unratedShown.toString());
        assertEquals(0, server.count("SELECT COUNT(*) FROM users WHERE username = ?", "free"), "nothing was created");
        assertEquals(401, http.post("/api/v1/auth/login").json(Map.of("username", "free", "password", "pw")).send().status());

        Http.Res same = http.post("/api/v1/users").cookie(manager).json(Map.of("username", "twelve", "password", "pw",
                "age_restriction", Map.of("age", 12, "restrict_on_unset", true))).send();
        assertEquals(200, same.status(), "as strict as the manager: " + same);
        Http.Res stricter = http.post("/api/v1/users").cookie(manager).json(Map.of("username", "nine", "password", "pw",
                "permissions", List.of("user:manage"), "age_restriction", Map.of("age", 9, "restrict_on_unset", true))).send();
        assertEquals(200, stricter.status(), stricter.toString());
        assertEquals(9, stricter.json().get("age_restriction").get("age").asInt());
    }

    @Test
    void librariesHiddenFromAManagerAreHiddenFromEveryUserTheyCreate() {
        Http.Res made = http.post("/api/v1/users").cookie(manager).json(Map.of("username", "helper", "password", "pw",
                "permissions", List.of("user:manage", "library:manage"), "age_restriction", Map.of("age", 10, "restrict_on_unset", true))).send();
        assertEquals(200, made.status(), made.toString());
        String helperId = made.json().get("id").asText();
        assertTrue(hiddenFrom(hiddenLibrary).contains(helperId), "the manager's exclusion is passed on");
        assertFalse(hiddenFrom(openLibrary).contains(helperId));

        String helper = Accounts.login(http, "helper", "pw");
        assertEquals(404, http.get("/api/v1/libraries/" + hiddenLibrary).cookie(helper).send().status());
        assertEquals(200, http.get("/api/v1/libraries/" + openLibrary).cookie(helper).send().status());
        // nor can either of them lift it: the library does not exist for them
        for (String who : new String[]{manager, helper}) {
            assertEquals(404, http.post("/api/v1/libraries/" + hiddenLibrary + "/excluded-users").cookie(who)
                    .json(Map.of("user_ids", List.of())).send().status());
        }
        assertTrue(hiddenFrom(hiddenLibrary).containsAll(Set.of(managerId, helperId)));
    }

    @Test
    void aRestrictedManagerCannotLiftRestrictionsByUpdatingAUser() throws Exception {
        Http.Res made = http.post("/api/v1/users").cookie(manager).json(Map.of("username", "puppet", "password", "pw",
                "permissions", List.of("user:manage"), "age_restriction", Map.of("age", 12, "restrict_on_unset", true))).send();
        assertEquals(200, made.status(), made.toString());
        String puppetId = made.json().get("id").asText();

        Http.Res lifted = http.put("/api/v1/users/" + puppetId).cookie(manager).json("{\"age_restriction\": null}").send();
        assertEquals(403, lifted.status(), lifted.toString());
        assertEquals(403, lifted.json().get("status").asInt());
        Http.Res older = http.put("/api/v1/users/" + puppetId).cookie(manager)
                .json(Map.of("age_restriction", Map.of("age", 18, "restrict_on_unset", false))).send();
        assertEquals(403, older.status(), older.toString());
        Http.Res ownerRights = http.put("/api/v1/users/" + puppetId).cookie(manager)
                .json(Map.of("permissions", List.of("user:manage", "server:manage"))).send();
        assertEquals(403, ownerRights.status(), ownerRights.toString());
        assertEquals(12, server.count("SELECT age_restriction FROM users WHERE id = ?", puppetId));

        String puppet = Accounts.login(http, "puppet", "pw");
        assertEquals(403, http.put("/api/v1/users/me").cookie(puppet).json("{\"age_restriction\": null}").send().status(),
                "nor by updating themselves");
        assertEquals(403, http.put("/api/v1/users/" + managerId).cookie(puppet).json("{\"age_restriction\": null}").send().status(),
                "nor the one who created them");
        assertEquals(12, http.get("/api/v1/auth/me").cookie(manager).send().json().get("age_restriction").get("age").asInt());
        assertEquals(404, http.get("/api/v1/libraries/" + hiddenLibrary).cookie(puppet).send().status());
    }

    @Test
    void aManagerCannotGrantPermissionsTheyLackEvenWhenUnrestricted() {
        Http.Res made = http.post("/api/v1/users").cookie(manager).json(Map.of("username", "admin2", "password", "pw",
                "permissions", List.of("server:manage"), "age_restriction", Map.of("age", 5, "restrict_on_unset", true))).send();
        assertEquals(403, made.status(), made.toString());
        assertTrue(made.json().get("message").asText().contains("server:manage"), made.toString());
    }

    @Test
    void theOwnerIsExempt() {
        Http.Res made = http.post("/api/v1/users").cookie(owner).json(Map.of("username", "deputy", "password", "pw",
                "permissions", List.of("user:manage", "server:manage"))).send();
        assertEquals(200, made.status(), made.toString());
        String id = made.json().get("id").asText();
        assertFalse(made.json().has("age_restriction"));
        assertFalse(hiddenFrom(hiddenLibrary).contains(id), "the owner passes on nothing");
        String deputy = Accounts.login(http, "deputy", "pw");
        assertEquals(200, http.get("/api/v1/libraries/" + hiddenLibrary).cookie(deputy).send().status());

        Http.Res freed = http.put("/api/v1/users/" + managerId).cookie(owner).json("{\"age_restriction\": null}").send();
        assertEquals(200, freed.status(), freed.toString());
        assertFalse(freed.json().has("age_restriction"));
        Http.Res restored = http.put("/api/v1/users/" + managerId).cookie(owner)
                .json(Map.of("age_restriction", Map.of("age", 12, "restrict_on_unset", true))).send();
        assertEquals(200, restored.status(), restored.toString());
    }

    private static void hide(String library, String userId) {
        Set<String> ids = hiddenFrom(library);
        ids.add(userId);
        Http.Res r = http.post("/api/v1/libraries/" + library + "/excluded-users").cookie(owner).json(Map.of("user_ids", List.copyOf(ids))).send();
        assertEquals(200, r.status(), r.toString());
    }

    private static Set<String> hiddenFrom(String library) {
        JsonNode users = http.get("/api/v1/libraries/" + library + "/excluded-users").cookie(owner).send().json();
        Set<String> ids = new HashSet<>();
        users.forEach(u -> ids.add(u.get("id").asText()));
        return ids;
    }
}
