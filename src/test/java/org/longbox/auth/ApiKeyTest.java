package org.longbox.auth;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Accounts.Account;
import org.longbox.testing.Accounts;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.TestClock;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Stump's prefixed API keys (stump-api.md §1.6) over HTTP: creation, storage (hash only), use as a
 * bearer token and in OPDS paths, expiry, regeneration, deletion, and permissions, with the keys'
 * rows checked in the database.
 */
class ApiKeyTest {
    private static final Pattern KEY = Pattern.compile("^stump_([1-9A-HJ-NP-Za-km-z]+)_([1-9A-HJ-NP-Za-km-z]+)$");

    /** Stands still unless a test moves it (only the expiry test does, and only forward). */
    static final TestClock clock = new TestClock();

    @RegisterExtension
    static final LongboxServer server = LongboxServer.builder().clock(clock).claimedBy("owner", "owner-pass").build();

    static Account owner;

    @BeforeAll
    static void claim() {
        owner = Accounts.owner(server, "owner", "owner-pass");
    }

    private static Http http() {
        return server.http();
    }

    private static Account newUser(String stem, String... permissions) {
        return Accounts.newUser(http(), owner, stem, permissions);
    }

    private static Account keyUser(String... extra) {
        String[] perms = new String[extra.length + 1];
        perms[0] = "feature:api_keys";
        System.arraycopy(extra, 0, perms, 1, extra.length);
        return newUser("keyholder", perms);
    }

    // ---- creating and storing ----------------------------------------------------------------

    @Test
    void ownerCreatesAKeyInStumpsFormat() {
        String key = createKey(owner, "inherit");
        assertTrue(KEY.matcher(key).matches(), key);
    }

    @Test
    void databaseStoresOnlyTheSha256OfTheLongToken() throws Exception {
        String key = createKey(owner, "inherit");
        Matcher m = KEY.matcher(key);
        assertTrue(m.matches(), key);
        String shortToken = m.group(1);
        String longToken = m.group(2);

        Map<String, String> row = keyRow(shortToken);
        assertEquals(sha256Hex(longToken), row.get("LONG_TOKEN_HASH").trim());
        for (Map.Entry<String, String> column : row.entrySet()) {
            String value = column.getValue() == null ? "" : column.getValue();
            assertFalse(value.contains(longToken), "column " + column.getKey() + " holds the long token");
            assertFalse(value.contains(key), "column " + column.getKey() + " holds the key");
        }
        assertEquals(owner.id(), row.get("USER_ID"));
    }

    @Test
    void listAndGetNeverShowTheSecretOrItsHash() throws Exception {
        Account user = keyUser();
        String key = createKey(user, "inherit");
        Matcher m = KEY.matcher(key);
        assertTrue(m.matches());
        String hash = sha256Hex(m.group(2));

        Http.Res list = http().get("/api/v1/api-keys").cookie(user.session()).send();
        assertEquals(200, list.status(), list.toString());
        assertEquals(1, list.json().size(), list.toString());
        JsonNode item = list.json().get(0);
        assertEquals(Set.of("id", "name", "permissions", "created_at", "last_used_at", "expires_at"), fieldNames(item));
        assertEquals("inherit", item.path("permissions").asText());

        Http.Res one = http().get("/api/v1/api-keys/" + item.path("id").asLong()).cookie(user.session()).send();
        assertEquals(200, one.status(), one.toString());
        assertEquals(fieldNames(item), fieldNames(one.json()));
        for (Http.Res r : List.of(list, one)) {
            assertFalse(r.text().contains(m.group(2)), "long token shown: " + r);
            assertFalse(r.text().contains(hash), "hash shown: " + r);
            assertFalse(r.text().toLowerCase().contains("hash"), "a hash field: " + r);
        }
    }

    @Test
    void listShowsOnlyTheCallersOwnKeys() {
        Account a = keyUser();
        Account b = keyUser();
        createKey(a, "inherit", "a's key");
        createKey(b, "inherit", "b's key");
        Http.Res list = http().get("/api/v1/api-keys").cookie(a.session()).send();
        assertEquals(200, list.status(), list.toString());
        assertEquals(1, list.json().size(), list.toString());
        assertEquals("a's key", list.json().get(0).path("name").asText());
    }

    // ---- a key holder ------------------------------------------------------------------------

    @Test
    void keyWorksAsBearerOnTheApi() {
        Account user = keyUser();
        String key = createKey(user, "inherit");
        Http.Res r = http().get("/api/v1/auth/me").bearer(key).send();
        assertEquals(200, r.status(), r.toString());
        assertEquals(user.id(), r.json().path("id").asText());
    }

    @Test
    void keyInTheOpdsPathOpensBothCatalogsAndSelfLinksKeepIt() throws Exception {
        Account user = keyUser();
        String key = createKey(user, "inherit");

        Http.Res v12 = http().get("/opds/" + key + "/v1.2/catalog").send();
        assertEquals(200, v12.status(), v12.toString());
        String self12 = atomLink(v12.bytes(), "self");
        assertNotNull(self12, v12.text());
        assertTrue(self12.endsWith("/opds/" + key + "/v1.2/catalog"), self12);

        Http.Res v2 = http().get("/opds/" + key + "/v2.0/catalog").send();
        assertEquals(200, v2.status(), v2.toString());
        String self2 = null;
        for (JsonNode link : v2.json().path("links")) {
            if (link.path("rel").asText().equals("self")) self2 = link.path("href").asText();
        }
        assertNotNull(self2, v2.text());
        assertTrue(self2.endsWith("/opds/" + key + "/v2.0/catalog"), self2);
    }

    @Test
    void invalidKeyInTheOpdsPathIs401WithAChallenge() {
        Account user = keyUser();
        String key = createKey(user, "inherit");
        Matcher m = KEY.matcher(key);
        assertTrue(m.matches());
        String wrongSecret = "stump_" + m.group(1) + "_" + flip(m.group(2));
        String unknown = "stump_" + flip(m.group(1)) + "_" + m.group(2);
        for (String bad : List.of(wrongSecret, unknown, "stump_nope", "stump_abc_def")) {
            Http.Res v12 = http().get("/opds/" + bad + "/v1.2/catalog").send();
            assertError(v12, 401);
            assertTrue(v12.header("WWW-Authenticate") != null && v12.header("WWW-Authenticate").startsWith("Basic"), v12.toString());
            // OPDS 2.0 answers a 401 with the Authentication for OPDS document (stump-api.md §1.4), not {status, message}
            Http.Res v2 = http().get("/opds/" + bad + "/v2.0/catalog").send();
            assertEquals(401, v2.status(), v2.toString());
            assertTrue(v2.header("WWW-Authenticate") != null && v2.header("WWW-Authenticate").startsWith("Basic"), v2.toString());
            assertTrue(v2.contentType().startsWith("application/opds-authentication+json"), v2.contentType());
            assertTrue(v2.json().path("authentication").isArray(), v2.toString());
            assertError(http().get("/api/v1/auth/me").bearer(bad).send(), 401);
        }
    }

    @Test
    void wrongKeyInThePathIsRefusedEvenWithAGoodSession() {
        Account user = keyUser();
        Http.Res r = http().get("/opds/stump_AAAAAAAA_BBBBBBBBBBBBBBBBBBBBBBBB/v1.2/catalog").cookie(user.session()).send();
        assertError(r, 401);
    }

    @Test
    void useSetsLastUsedAt() throws Exception {
        Account user = keyUser();
        String key = createKey(user, "inherit");
        long id = onlyKeyId(user);
        assertTrue(http().get("/api/v1/api-keys/" + id).cookie(user.session()).send().json().path("last_used_at").isNull(),
                "a new key has not been used");

        long before = clock.millis();
        assertEquals(200, http().get("/api/v1/auth/me").bearer(key).send().status());

        JsonNode after = http().get("/api/v1/api-keys/" + id).cookie(user.session()).send().json();
        assertTrue(after.path("last_used_at").isTextual(), after.toString());
        long used = Instant.parse(after.path("last_used_at").asText()).toEpochMilli();
        assertTrue(used >= before - 1000 && used <= clock.millis() + 1000, after.toString());
        assertEquals(1, server.count("SELECT COUNT(*) FROM api_keys WHERE id = ? AND last_used_at IS NOT NULL", id));
    }

    @Test
    void regeneratingTheSecretRetiresTheOldKey() {
        Account user = keyUser();
        String old = createKey(user, "inherit");
        long id = onlyKeyId(user);
        Http.Res r = http().post("/api/v1/api-keys/" + id + "/regenerate-secret").cookie(user.session()).send();
        assertEquals(200, r.status(), r.toString());
        String fresh = r.json().path("api_key").asText();
        assertTrue(KEY.matcher(fresh).matches(), fresh);
        assertNotEquals(old, fresh);

        assertError(http().get("/api/v1/auth/me").bearer(old).send(), 401);
        assertError(http().get("/opds/" + old + "/v1.2/catalog").send(), 401);
        Http.Res me = http().get("/api/v1/auth/me").bearer(fresh).send();
        assertEquals(200, me.status(), me.toString());
        assertEquals(user.id(), me.json().path("id").asText());
        assertEquals(id, onlyKeyId(user), "the same key, with a new secret");
    }

    @Test
    void deletingAKeyRetiresIt() throws Exception {
        Account user = keyUser();
        String key = createKey(user, "inherit");
        long id = onlyKeyId(user);
        assertEquals(200, http().get("/api/v1/auth/me").bearer(key).send().status());
        Http.Res del = http().delete("/api/v1/api-keys/" + id).cookie(user.session()).send();
        assertEquals(200, del.status(), del.toString());
        assertEquals(id, del.json().path("id").asLong());
        assertEquals(0, server.count("SELECT COUNT(*) FROM api_keys WHERE id = ?", id));
        assertError(http().get("/api/v1/auth/me").bearer(key).send(), 401);
        assertError(http().get("/api/v1/api-keys/" + id).cookie(user.session()).send(), 404);
    }

    // ---- expiry ------------------------------------------------------------------------------

    @Test
    void expiresAtInThePastIsRefusedOnCreate() throws Exception {
        Account user = keyUser();
        long before = server.count("SELECT COUNT(*) FROM api_keys WHERE user_id = ?", user.id());
        Http.Res r = http().post("/api/v1/api-keys").cookie(user.session())
                .json(body("old", "inherit", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).toString())).send();
        assertError(r, 400);
        assertTrue(r.json().path("message").asText().contains("expires_at"), r.toString());
        assertEquals(before, server.count("SELECT COUNT(*) FROM api_keys WHERE user_id = ?", user.id()), "nothing stored");
    }

    @Test
    void keyStopsWorkingOnceItExpires() throws Exception {
        Account user = keyUser();
        OffsetDateTime expiry = OffsetDateTime.now(ZoneOffset.ofHours(2)).plusSeconds(3);
        Http.Res created = http().post("/api/v1/api-keys").cookie(user.session()).json(body("brief", "inherit", expiry.toString())).send();
        assertEquals(200, created.status(), created.toString());
        String key = created.json().path("api_key").asText();
        assertEquals(200, http().get("/api/v1/auth/me").bearer(key).send().status(), "works before it expires");

        JsonNode listed = http().get("/api/v1/api-keys/" + onlyKeyId(user)).cookie(user.session()).send().json();
        assertEquals(expiry.toInstant().toEpochMilli(), Instant.parse(listed.path("expires_at").asText()).toEpochMilli(),
                "expires_at kept, whatever the offset it was sent with");
        clock.set(expiry.toInstant().plusMillis(300));
        assertError(http().get("/api/v1/auth/me").bearer(key).send(), 401);
        assertError(http().get("/opds/" + key + "/v1.2/catalog").send(), 401);
    }

    // ---- permissions -------------------------------------------------------------------------

    @Test
    void customPermissionsWithinTheUsersOwnAreAllowed() {
        Account user = keyUser("file:download");
        String key = createKey(user, List.of("file:download"));
        Http.Res list = http().get("/api/v1/api-keys").cookie(user.session()).send();
        assertEquals(List.of("file:download"), List.of(list.json().get(0).path("permissions").get(0).asText()));
        assertEquals(1, list.json().get(0).path("permissions").size());
        Http.Res me = http().get("/api/v1/auth/me").bearer(key).send();
        assertEquals(200, me.status(), me.toString());
    }

    @Test
    void customPermissionTheUserLacksIs403() throws Exception {
        Account user = keyUser("file:download");
        Http.Res r = http().post("/api/v1/api-keys").cookie(user.session()).json(body("too much", List.of("user:manage"), null)).send();
        assertError(r, 403);
        assertTrue(r.json().path("message").asText().contains("user:manage"), r.toString());
        assertEquals(0, server.count("SELECT COUNT(*) FROM api_keys WHERE user_id = ?", user.id()));
    }

    @Test
    void ownersRestrictedKeyDoesNotGetOwnerPowers() throws Exception {
        String restricted = createKey(owner, List.of("feature:api_keys"));
        String name = Accounts.uniqueName("via-restricted-key");
        Http.Res r = http().post("/api/v1/users").bearer(restricted)
                .json(Map.of("username", name, "password", "x", "permissions", List.of())).send();
        assertError(r, 403);
        assertEquals(0, server.count("SELECT COUNT(*) FROM users WHERE username = ?", name));
        // the key itself works, within its permissions
        assertEquals(200, http().get("/api/v1/api-keys").bearer(restricted).send().status());
        assertEquals(200, http().get("/api/v1/auth/me").bearer(restricted).send().status());
    }

    @Test
    void ownersInheritingKeyActsAsTheOwner() throws Exception {
        String key = createKey(owner, "inherit");
        String name = Accounts.uniqueName("via-inherit-key");
        Http.Res r = http().post("/api/v1/users").bearer(key)
                .json(Map.of("username", name, "password", "x", "permissions", List.of())).send();
        assertEquals(200, r.status(), r.toString());
        assertEquals(1, server.count("SELECT COUNT(*) FROM users WHERE username = ?", name));
    }

    @Test
    void restrictedKeyCannotMintABroaderKey() {
        Account user = keyUser("file:download", "user:read");
        String restricted = createKey(user, List.of("feature:api_keys"));
        Http.Res inherit = http().post("/api/v1/api-keys").bearer(restricted).json(body("wider", List.of("user:read"), null)).send();
        assertError(inherit, 403);
    }

    @Test
    void ownersRestrictedKeyCannotMintAnInheritingKey() throws Exception {
        // "inherit" on the owner's account means owner powers: a restricted key must not reach them this way.
        String restricted = createKey(owner, List.of("feature:api_keys"));
        long before = server.count("SELECT COUNT(*) FROM api_keys WHERE user_id = ?", owner.id());
        Http.Res r = http().post("/api/v1/api-keys").bearer(restricted).json(body("escalated", "inherit", null)).send();
        assertError(r, 403);
        assertEquals(before, server.count("SELECT COUNT(*) FROM api_keys WHERE user_id = ?", owner.id()));
    }

    @Test
    void restrictedKeyCannotWidenItselfToInherit() throws Exception {
        Account user = keyUser("user:read");
        String restricted = createKey(user, List.of("feature:api_keys"));
        long id = onlyKeyId(user);
        Http.Res r = http().put("/api/v1/api-keys/" + id).bearer(restricted).json(body("key", "inherit", null)).send();
        assertError(r, 403);
        assertEquals(1, server.count("SELECT COUNT(*) FROM api_keys WHERE id = ? AND permissions <> 'inherit'", id));
        assertError(http().get("/api/v1/users").bearer(restricted).send(), 403);
    }

    @Test
    void restrictedKeyCannotRegenerateTheSecretOfABroaderKey() {
        String broad = createKey(owner, "inherit", "broad");
        String restricted = createKey(owner, List.of("feature:api_keys"), "restricted");
        long broadId = -1;
        for (JsonNode k : http().get("/api/v1/api-keys").cookie(owner.session()).send().json()) {
            if (k.path("name").asText().equals("broad")) broadId = k.path("id").asLong();
        }
        assertTrue(broadId > 0);
        Http.Res r = http().post("/api/v1/api-keys/" + broadId + "/regenerate-secret").bearer(restricted).send();
        assertError(r, 403);
        assertEquals(200, http().get("/api/v1/auth/me").bearer(broad).send().status(), "the broad key keeps its secret");
    }

    @Test
    void restrictedKeyMayStillManageKeysWithinItsOwnPermissions() {
        Account user = keyUser("file:download");
        String restricted = createKey(user, List.of("feature:api_keys", "file:download"));
        Http.Res r = http().post("/api/v1/api-keys").bearer(restricted).json(body("narrower", List.of("file:download"), null)).send();
        assertEquals(200, r.status(), r.toString());
    }

    @Test
    void restrictedKeyCannotChangeTheAccountPassword() {
        // Changing the password and logging in with it would shed the key's restrictions.
        Account user = keyUser("file:download");
        String restricted = createKey(user, List.of("file:download"));
        Http.Res r = http().put("/api/v1/users/me").bearer(restricted)
                .json(Map.of("password", "taken-over", "current_password", user.password())).send();
        assertError(r, 403);
        Accounts.login(http(), user.username(), user.password());

        String ownersRestricted = createKey(owner, List.of("feature:api_keys"));
        assertError(http().put("/api/v1/users/me").bearer(ownersRestricted)
                .json(Map.of("password", "taken-over", "current_password", owner.password())).send(), 403);
        Accounts.login(http(), owner.username(), owner.password());
    }

    @Test
    void inheritingKeyChangesThePasswordOnlyWithTheCurrentOne() {
        // Issue 9: no credential but a password changes a password.
        Account user = keyUser();
        String key = createKey(user, "inherit");
        assertError(http().put("/api/v1/users/me").bearer(key).json(Map.of("password", "changed")).send(), 400);
        Accounts.login(http(), user.username(), user.password());
        Http.Res r = http().put("/api/v1/users/me").bearer(key)
                .json(Map.of("password", "changed", "current_password", user.password())).send();
        assertEquals(200, r.status(), r.toString());
        Accounts.login(http(), user.username(), "changed");
    }

    @Test
    void userWithoutTheApiKeysFeatureIsRefused() {
        Account plain = newUser("plain", "file:download");
        assertError(http().get("/api/v1/api-keys").cookie(plain.session()).send(), 403);
        assertError(http().post("/api/v1/api-keys").cookie(plain.session()).json(body("k", "inherit", null)).send(), 403);
    }

    @Test
    void existingKeyStopsWorkingWhenTheFeatureIsTakenAway() {
        Account user = keyUser();
        String key = createKey(user, "inherit");
        assertEquals(200, http().get("/api/v1/auth/me").bearer(key).send().status());

        Http.Res change = http().put("/api/v1/users/" + user.id()).cookie(owner.session()).json(Map.of("permissions", List.of())).send();
        assertEquals(200, change.status(), change.toString());

        assertError(http().get("/api/v1/auth/me").bearer(key).send(), 401);
        assertError(http().get("/opds/" + key + "/v1.2/catalog").send(), 401);
        assertError(http().get("/api/v1/api-keys").cookie(user.session()).send(), 403);
    }

    @Test
    void lockedUsersKeyIsRefused() {
        Account user = keyUser();
        String key = createKey(user, "inherit");
        Http.Res lock = http().put("/api/v1/users/" + user.id() + "/lock").cookie(owner.session()).json(Map.of("lock", true)).send();
        assertEquals(200, lock.status(), lock.toString());
        assertError(http().get("/api/v1/auth/me").bearer(key).send(), 403);
    }

    @Test
    void softDeletedUsersKeyIsRefused() {
        Account user = keyUser();
        String key = createKey(user, "inherit");
        assertEquals(200, http().delete("/api/v1/users/" + user.id()).cookie(owner.session()).send().status());
        assertError(http().get("/api/v1/auth/me").bearer(key).send(), 401);
    }

    // ---- bad input ---------------------------------------------------------------------------

    @Test
    void missingNameIs400() {
        Map<String, Object> noName = new LinkedHashMap<>();
        noName.put("permissions", "inherit");
        assertError(http().post("/api/v1/api-keys").cookie(owner.session()).json(noName).send(), 400);
        assertError(http().post("/api/v1/api-keys").cookie(owner.session()).json(body("   ", "inherit", null)).send(), 400);
    }

    @Test
    void missingPermissionsIs400() {
        assertError(http().post("/api/v1/api-keys").cookie(owner.session()).json(Map.of("name", "k")).send(), 400);
    }

    @Test
    void permissionsAllIs400() {
        Http.Res r = http().post("/api/v1/api-keys").cookie(owner.session()).json(body("k", "all", null)).send();
        assertError(r, 400);
        assertTrue(r.json().path("message").asText().contains("permissions"), r.toString());
        assertError(http().post("/api/v1/api-keys").cookie(owner.session()).json(body("k", 42, null)).send(), 400);
    }

    @Test
    void unknownPermissionIs400NamingIt() throws Exception {
        long before = server.count("SELECT COUNT(*) FROM api_keys");
        Http.Res r = http().post("/api/v1/api-keys").cookie(owner.session()).json(body("k", List.of("file:download", "nope"), null)).send();
        assertError(r, 400);
        assertTrue(r.json().path("message").asText().contains("nope"), r.toString());
        assertEquals(before, server.count("SELECT COUNT(*) FROM api_keys"));
    }

    @Test
    void malformedJsonIs400() {
        Http.Res r = http().post("/api/v1/api-keys").cookie(owner.session()).json("{\"name\": \"k\", \"permissions\": ").send();
        assertError(r, 400);
        assertError(http().post("/api/v1/api-keys").cookie(owner.session()).json("not json").send(), 400);
    }

    @Test
    void badExpiresAtIs400NamingTheField() {
        Http.Res r = http().post("/api/v1/api-keys").cookie(owner.session()).json(body("k", "inherit", "tomorrow")).send();
        assertError(r, 400);
        assertTrue(r.json().path("message").asText().contains("expires_at"), r.toString());
    }

    @Test
    void nonNumericIdIs400NamingThePathParameter() {
        Http.Res r = http().get("/api/v1/api-keys/abc").cookie(owner.session()).send();
        assertError(r, 400);
        String message = r.json().path("message").asText();
        assertTrue(message.contains("path parameter") && message.contains("id"), r.toString());
        assertError(http().get("/api/v1/api-keys/99999999999999999999").cookie(owner.session()).send(), 400);
        assertError(http().get("/api/v1/api-keys/1.5").cookie(owner.session()).send(), 400);
        assertError(http().get("/api/v1/api-keys/-1").cookie(owner.session()).send(), 404);
    }

    @Test
    void anotherUsersKeyIs404AndUntouched() {
        Account a = keyUser();
        Account b = keyUser();
        String bKey = createKey(b, "inherit");
        long bId = onlyKeyId(b);
        assertError(http().get("/api/v1/api-keys/" + bId).cookie(a.session()).send(), 404);
        assertError(http().put("/api/v1/api-keys/" + bId).cookie(a.session()).json(body("mine now", "inherit", null)).send(), 404);
        assertError(http().post("/api/v1/api-keys/" + bId + "/regenerate-secret").cookie(a.session()).send(), 404);
        assertError(http().delete("/api/v1/api-keys/" + bId).cookie(a.session()).send(), 404);
        // the owner's powers do not reach into other users' keys either
        assertError(http().get("/api/v1/api-keys/" + bId).cookie(owner.session()).send(), 404);

        assertEquals(200, http().get("/api/v1/auth/me").bearer(bKey).send().status(), "b's key still works");
        assertEquals("key", http().get("/api/v1/api-keys/" + bId).cookie(b.session()).send().json().path("name").asText());
    }

    // ---- the owner and other users' keys -------------------------------------------------------

    @Test
    void theOwnerListsAnotherUsersKeysWithoutTheirSecrets() throws Exception {
        Account user = keyUser("file:download");
        String first = createKey(user, "inherit", "phone");
        createKey(user, List.of("file:download"), "reader app");
        Http.Res r = http().get("/api/v1/users/" + user.id() + "/api-keys").cookie(owner.session()).send();
        assertEquals(200, r.status(), r.toString());
        assertEquals(2, r.json().size(), r.toString());
        assertEquals(Set.of("reader app", "phone"), Set.of(r.json().get(0).path("name").asText(), r.json().get(1).path("name").asText()));
        assertEquals(Set.of("id", "name", "permissions", "created_at", "last_used_at", "expires_at"), fieldNames(r.json().get(0)));
        String shortToken = first.split("_")[1];
        assertFalse(r.text().contains(shortToken), "no part of a secret");
        assertFalse(r.text().contains(keyRow(shortToken).get("LONG_TOKEN_HASH")), "no hash");
        assertEquals("[]", http().get("/api/v1/users/" + keyUser().id() + "/api-keys").cookie(owner.session()).send().text().trim());
    }

    @Test
    void theOwnerRevokesOneOfAnotherUsersKeysOrAllOfThem() {
        Account user = keyUser("file:download");
        String phone = createKey(user, "inherit", "phone");
        String tablet = createKey(user, "inherit", "tablet");
        String app = createKey(user, List.of("file:download"), "app");
        long phoneId = keyId(user, "phone");

        Http.Res one = http().delete("/api/v1/users/" + user.id() + "/api-keys/" + phoneId).cookie(owner.session()).send();
        assertEquals(200, one.status(), one.toString());
        assertEquals("phone", one.json().path("name").asText());
        assertError(http().get("/api/v1/auth/me").bearer(phone).send(), 401);
        assertEquals(200, http().get("/api/v1/auth/me").bearer(tablet).send().status(), "the others still work");
        assertError(http().delete("/api/v1/users/" + user.id() + "/api-keys/" + phoneId).cookie(owner.session()).send(), 404);

        Http.Res all = http().delete("/api/v1/users/" + user.id() + "/api-keys").cookie(owner.session()).send();
        assertEquals(200, all.status(), all.toString());
        assertEquals(2, all.json().path("deleted").asInt());
        assertError(http().get("/api/v1/auth/me").bearer(tablet).send(), 401);
        assertError(http().get("/opds/" + app + "/v1.2/catalog").send(), 401);
        assertEquals("[]", http().get("/api/v1/api-keys").cookie(user.session()).send().text().trim());
        assertEquals(200, http().get("/api/v1/auth/me").cookie(user.session()).send().status(), "the user is still signed in");
    }

    @Test
    void onlyTheOwnerSeesOrRevokesOtherUsersKeys() {
        Account user = keyUser();
        String key = createKey(user, "inherit");
        long id = onlyKeyId(user);
        Account manager = keyUser("user:manage", "user:read");
        String ownersRestricted = createKey(owner, List.of("feature:api_keys", "user:manage"));
        for (Http.Request asOther : List.of(
                http().get("/api/v1/users/" + user.id() + "/api-keys").cookie(manager.session()),
                http().delete("/api/v1/users/" + user.id() + "/api-keys/" + id).cookie(manager.session()),
                http().delete("/api/v1/users/" + user.id() + "/api-keys").cookie(manager.session()),
                http().get("/api/v1/users/" + user.id() + "/api-keys").cookie(user.session()),
                http().delete("/api/v1/users/" + user.id() + "/api-keys/" + id).bearer(key),
                http().get("/api/v1/users/" + user.id() + "/api-keys").bearer(ownersRestricted),
                http().delete("/api/v1/users/" + user.id() + "/api-keys").bearer(ownersRestricted))) {
            assertError(asOther.send(), 403);
        }
        assertEquals(200, http().get("/api/v1/auth/me").bearer(key).send().status(), "untouched");
    }

    @Test
    void revokingNeedsAUserAndAKeyOfTheirs() {
        Account a = keyUser();
        Account b = keyUser();
        createKey(a, "inherit");
        String bKey = createKey(b, "inherit");
        long bId = onlyKeyId(b);
        assertError(http().get("/api/v1/users/no-such-user/api-keys").cookie(owner.session()).send(), 404);
        assertError(http().delete("/api/v1/users/no-such-user/api-keys").cookie(owner.session()).send(), 404);
        assertError(http().delete("/api/v1/users/" + a.id() + "/api-keys/" + bId).cookie(owner.session()).send(), 404);
        assertError(http().delete("/api/v1/users/" + a.id() + "/api-keys/not-a-number").cookie(owner.session()).send(), 400);
        assertEquals(200, http().get("/api/v1/auth/me").bearer(bKey).send().status(), "b's key is not a's");
    }

    @Test
    void validateKeyIsTrueOnlyForTheCallersOwnKey() {
        Account a = keyUser();
        Account b = keyUser();
        String aKey = createKey(a, "inherit");
        String bKey = createKey(b, "inherit");
        assertEquals("true", validate(a, aKey));
        assertEquals("false", validate(a, bKey));
        assertEquals("false", validate(a, "stump_AAAAAAAA_BBBBBBBBBBBBBBBBBBBBBBBB"));
        assertEquals("false", validate(a, "garbage"));
        assertEquals("false", validate(a, null));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static String validate(Account caller, String key) {
        Http.Request req = http().post("/api/v1/api-keys/validate-key").cookie(caller.session());
        if (key != null) req.header("x-api-key", key);
        Http.Res r = req.send();
        assertEquals(200, r.status(), r.toString());
        return r.text().trim();
    }

    private static Map<String, Object> body(String name, Object permissions, String expiresAt) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", name);
        b.put("permissions", permissions);
        if (expiresAt != null) b.put("expires_at", expiresAt);
        return b;
    }

    private static String createKey(Account user, Object permissions) {
        return createKey(user, permissions, "key");
    }

    private static String createKey(Account user, Object permissions, String name) {
        Http.Res r = http().post("/api/v1/api-keys").cookie(user.session()).json(body(name, permissions, null)).send();
        assertEquals(200, r.status(), r.toString());
        assertEquals(Set.of("api_key"), fieldNames(r.json()));
        return r.json().path("api_key").asText();
    }

    private static long keyId(Account user, String name) {
        Http.Res r = http().get("/api/v1/api-keys").cookie(user.session()).send();
        assertEquals(200, r.status(), r.toString());
        for (JsonNode k : r.json()) {
            if (k.path("name").asText().equals(name)) return k.path("id").asLong();
        }
        throw new AssertionError("no key named " + name + ": " + r);
    }

    private static long onlyKeyId(Account user) {
        Http.Res r = http().get("/api/v1/api-keys").cookie(user.session()).send();
        assertEquals(200, r.status(), r.toString());
        assertEquals(1, r.json().size(), r.toString());
        return r.json().get(0).path("id").asLong();
    }

    private static Map<String, String> keyRow(String shortToken) throws Exception {
        try (Connection c = server.sql();
             PreparedStatement st = c.prepareStatement("SELECT * FROM api_keys WHERE short_token = ?")) {
            st.setString(1, shortToken);
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next(), "a row for short token " + shortToken);
                ResultSetMetaData md = rs.getMetaData();
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnName(i).toUpperCase(), rs.getString(i));
                }
                if (rs.next()) fail("two rows for short token " + shortToken);
                return row;
            }
        }
    }

    private static void assertError(Http.Res r, int status) {
        assertEquals(status, r.status(), r.toString());
        assertNotNull(r.contentType());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType() + ": " + r);
        assertEquals(status, r.json().path("status").asInt(), r.toString());
        assertTrue(r.json().path("message").isTextual(), r.toString());
    }

    private static String atomLink(byte[] xml, String rel) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        NodeList links = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link");
        for (int i = 0; i < links.getLength(); i++) {
            Element link = (Element) links.item(i);
            if (rel.equals(link.getAttribute("rel"))) return link.getAttribute("href");
        }
        return null;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }

    /** The token with one character changed to another base58 character. */
    private static String flip(String token) {
        int i = token.length() / 2;
        char c = token.charAt(i);
        return token.substring(0, i) + (c == 'z' ? 'y' : 'z') + token.substring(i + 1);
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
