package org.longbox.auth;

import com.fasterxml.jackson.databind.JsonNode;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Accounts;
import org.longbox.testing.Accounts.Account;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JWT access tokens (stump-api.md §1.5) over HTTP: how they are issued, where they are accepted,
 * and every way a token that should not work is refused. Forged tokens are minted here with jose4j
 * and the real key read from the database, so a refusal is for the reason the test names.
 */
class JwtTest {
    private static final long TTL_SECONDS = 7200;
    private static final String RFC3339 = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";

    @RegisterExtension
    static final LongboxServer server = LongboxServer.builder().claimedBy("owner", "owner-pass").setting("ACCESS_TOKEN_TTL", Long.toString(TTL_SECONDS)).build();

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

    private static Account reader() {
        return newUser("reader");
    }

    /** Logs in for a JWT only (no session) and returns the access token. */
    private static String jwt(String username, String password) {
        Http.Res r = http().post("/api/v1/auth/login?generate_token=true&create_session=false")
                .json(Map.of("username", username, "password", password)).send();
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.json().path("token").path("access_token").isTextual(), r.toString());
        return r.json().path("token").path("access_token").asText();
    }

    // ---- issuing ------------------------------------------------------------------------------

    @Test
    void loginWithGenerateTokenAnswersUserAndTokenExpiringAfterTheConfiguredTtl() {
        Account reader = reader();
        long before = Instant.now().getEpochSecond();
        Http.Res r = http().post("/api/v1/auth/login?generate_token=true")
                .json(Map.of("username", reader.username(), "password", reader.password())).send();
        long after = Instant.now().getEpochSecond();

        assertEquals(200, r.status(), r.toString());
        JsonNode body = r.json();
        assertEquals(reader.id(), body.path("for_user").path("id").asText());
        assertEquals(reader.username(), body.path("for_user").path("username").asText());
        assertFalse(body.path("for_user").has("hashed_password"), "no password hash in the user");
        String accessToken = body.path("token").path("access_token").asText();
        assertEquals(3, accessToken.split("\\.", -1).length, "a compact JWS: " + accessToken);
        String expiresAt = body.path("token").path("expires_at").asText();
        assertTrue(expiresAt.matches(RFC3339), "RFC 3339: " + expiresAt);
        long exp = OffsetDateTime.parse(expiresAt).toEpochSecond();
        assertTrue(exp >= before + TTL_SECONDS && exp <= after + TTL_SECONDS,
                "expires_at " + expiresAt + " is ACCESS_TOKEN_TTL (" + TTL_SECONDS + " s) after now");
        // create_session defaults to true, also with a token
        assertNotNull(r.sessionToken(), "default login also starts a session");
    }

    @Test
    void loginWithoutGenerateTokenAnswersThePlainUser() {
        Account reader = reader();
        Http.Res r = http().post("/api/v1/auth/login")
                .json(Map.of("username", reader.username(), "password", reader.password())).send();
        assertEquals(200, r.status(), r.toString());
        assertEquals(reader.id(), r.json().path("id").asText());
        assertFalse(r.json().has("token"));
    }

    @Test
    void createSessionFalseSetsNoCookieAndStoresNoSession() throws Exception {
        Account reader = reader();
        long sessionsBefore = server.count("SELECT COUNT(*) FROM sessions WHERE user_id = ?", reader.id());
        Http.Res r = http().post("/api/v1/auth/login?generate_token=true&create_session=false")
                .json(Map.of("username", reader.username(), "password", reader.password())).send();
        assertEquals(200, r.status(), r.toString());
        assertNull(r.setCookie(), "no Set-Cookie: " + r.headers("Set-Cookie"));
        assertTrue(r.json().path("token").path("access_token").isTextual());
        assertEquals(sessionsBefore, server.count("SELECT COUNT(*) FROM sessions WHERE user_id = ?", reader.id()));
    }

    @Test
    void wrongPasswordGetsNoToken() {
        Account reader = reader();
        Http.Res r = http().post("/api/v1/auth/login?generate_token=true")
                .json(Map.of("username", reader.username(), "password", "wrong")).send();
        assertError(r, 401);
        assertFalse(r.text().contains("access_token"));
    }

    // ---- a token holder ----------------------------------------------------------------------

    @Test
    void bearerTokenAuthenticatesApiRequests() {
        Account reader = reader();
        String token = jwt(reader.username(), reader.password());
        Http.Res r = http().get("/api/v1/auth/me").bearer(token).send();
        assertEquals(200, r.status(), r.toString());
        assertEquals(reader.id(), r.json().path("id").asText());
        assertNull(r.setCookie(), "a bearer request gets no session cookie");
    }

    @Test
    void bearerTokenAuthenticatesOpdsCatalogs() {
        Account reader = reader();
        String token = jwt(reader.username(), reader.password());
        Http.Res v12 = http().get("/opds/v1.2/catalog").bearer(token).send();
        assertEquals(200, v12.status(), v12.toString());
        assertTrue(v12.contentType().startsWith("application/atom+xml"), v12.contentType());
        assertTrue(v12.text().contains("<feed"), v12.text());
        Http.Res v2 = http().get("/opds/v2.0/catalog").bearer(token).send();
        assertEquals(200, v2.status(), v2.toString());
        assertTrue(v2.contentType().startsWith("application/opds+json"), v2.contentType());
        assertEquals("Longbox", v2.json().path("metadata").path("title").asText());
    }

    @Test
    void withoutAnyCredentialsMeIs401() {
        assertError(http().get("/api/v1/auth/me").send(), 401);
    }

    @Test
    void tokenSurvivesARestartBecauseTheKeyIsStoredInTheDatabase() throws Exception {
        Account reader = reader();
        String token = jwt(reader.username(), reader.password());
        String keyBefore = storedKey();
        assertNotNull(keyBefore, "the signing key is in server_config");

        server.restart();

        assertEquals(keyBefore, storedKey(), "the restart reused the stored key");
        Http.Res r = http().get("/api/v1/auth/me").bearer(token).send();
        assertEquals(200, r.status(), r.toString());
        assertEquals(reader.id(), r.json().path("id").asText());
    }

    // ---- forged and broken tokens ------------------------------------------------------------

    @Test
    void aTokenMintedWithTheServerKeyIsAccepted() throws Exception {
        // The control for the forgeries below: the same minting with a valid exp works.
        Account reader = reader();
        long now = Instant.now().getEpochSecond();
        String token = mint(serverKey(), claims(reader.id(), fingerprint(reader.id()), now - 10, now + 600));
        Http.Res r = http().get("/api/v1/auth/me").bearer(token).send();
        assertEquals(200, r.status(), r.toString());
        assertEquals(reader.id(), r.json().path("id").asText());
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        Account reader = reader();
        long now = Instant.now().getEpochSecond();
        // well past the 30 s clock skew the server allows
        String token = mint(serverKey(), claims(reader.id(), fingerprint(reader.id()), now - 7200, now - 600));
        assertError(http().get("/api/v1/auth/me").bearer(token).send(), 401);
        assertOpdsRefused(token);
    }

    @Test
    void tamperedPayloadIsRefused() {
        Account reader = reader();
        String token = jwt(reader.username(), reader.password());
        String[] parts = token.split("\\.");
        char[] payload = parts[1].toCharArray();
        int i = payload.length / 2;
        payload[i] = payload[i] == 'A' ? 'B' : 'A';
        String tampered = parts[0] + "." + new String(payload) + "." + parts[2];
        assertNotEquals(token, tampered);
        assertError(http().get("/api/v1/auth/me").bearer(tampered).send(), 401);
    }

    @Test
    void payloadRewrittenToNameTheOwnerIsRefused() throws Exception {
        Account reader = reader();
        String token = jwt(reader.username(), reader.password());
        String[] parts = token.split("\\.");
        String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(json.contains(reader.id()), json);
        String forged = json.replace(reader.id(), owner.id()).replace(fingerprint(reader.id()), fingerprint(owner.id()));
        String tampered = parts[0] + "." + b64(forged) + "." + parts[2];
        assertError(http().get("/api/v1/auth/me").bearer(tampered).send(), 401);
    }

    @Test
    void algNoneTokenIsRefused() throws Exception {
        Account reader = reader();
        long now = Instant.now().getEpochSecond();
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64(claims(reader.id(), fingerprint(reader.id()), now, now + 600).toJson());
        assertError(http().get("/api/v1/auth/me").bearer(header + "." + payload + ".").send(), 401);
        // and with the signature of a real token pasted on
        String real = jwt(reader.username(), reader.password());
        assertError(http().get("/api/v1/auth/me").bearer(header + "." + payload + "." + real.split("\\.")[2]).send(), 401);
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() throws Exception {
        Account reader = reader();
        long now = Instant.now().getEpochSecond();
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        String token = mint(otherKey, claims(reader.id(), fingerprint(reader.id()), now, now + 600));
        assertError(http().get("/api/v1/auth/me").bearer(token).send(), 401);
        assertOpdsRefused(token);
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() throws Exception {
        Account reader = reader();
        long now = Instant.now().getEpochSecond();
        JwtClaims claims = claims(reader.id(), fingerprint(reader.id()), now, now + 600);
        claims.setIssuer("someone-else");
        assertError(http().get("/api/v1/auth/me").bearer(mint(serverKey(), claims)).send(), 401);
    }

    @Test
    void tokenWithoutPasswordFingerprintIsRefused() throws Exception {
        Account reader = reader();
        long now = Instant.now().getEpochSecond();
        JwtClaims claims = claims(reader.id(), fingerprint(reader.id()), now, now + 600);
        claims.unsetClaim("pwf");
        assertError(http().get("/api/v1/auth/me").bearer(mint(serverKey(), claims)).send(), 401);
    }

    @Test
    void tokenForAnUnknownUserIsRefused() throws Exception {
        long now = Instant.now().getEpochSecond();
        String token = mint(serverKey(), claims("00000000-0000-0000-0000-000000000000", "0000000000000000", now, now + 600));
        assertError(http().get("/api/v1/auth/me").bearer(token).send(), 401);
    }

    @Test
    void garbageBearerIsRefused() {
        for (String garbage : new String[]{"not-a-jwt", "a.b.c", "eyJhbGciOiJIUzI1NiJ9..", "....", "stump_", "bearer"}) {
            assertError(http().get("/api/v1/auth/me").bearer(garbage).send(), 401);
        }
    }

    @Test
    void emptyBearerIsRefused() {
        assertError(http().get("/api/v1/auth/me").header("Authorization", "Bearer").send(), 401);
        assertError(http().get("/api/v1/auth/me").header("Authorization", "Bearer    ").send(), 401);
    }

    @Test
    void refusedTokenIsRefusedEvenOnPublicEndpoints() {
        // Presented and wrong credentials are refused, not ignored.
        assertError(http().get("/api/v1/claim").bearer("not-a-jwt").send(), 401);
    }

    // ---- the owner acting on a token holder --------------------------------------------------

    @Test
    void lockedUsersTokenIsRefusedAtOnce() {
        Account reader = reader();
        String token = jwt(reader.username(), reader.password());
        assertEquals(200, http().get("/api/v1/auth/me").bearer(token).send().status());

        Http.Res lock = http().put("/api/v1/users/" + reader.id() + "/lock").cookie(owner.session()).json(Map.of("lock", true)).send();
        assertEquals(200, lock.status(), lock.toString());
        assertTrue(lock.json().path("is_locked").asBoolean());

        Http.Res r = http().get("/api/v1/auth/me").bearer(token).send();
        assertError(r, 403);
        assertTrue(r.json().path("message").asText().contains("locked"), r.toString());
        assertEquals(403, http().get("/opds/v1.2/catalog").bearer(token).send().status());

        Http.Res unlock = http().put("/api/v1/users/" + reader.id() + "/lock").cookie(owner.session()).json(Map.of("lock", false)).send();
        assertEquals(200, unlock.status(), unlock.toString());
        assertEquals(200, http().get("/api/v1/auth/me").bearer(token).send().status(), "unlocking lets the token work again");
    }

    @Test
    void softDeletedUsersTokenIsRefused() throws Exception {
        Account reader = reader();
        String token = jwt(reader.username(), reader.password());
        assertEquals(200, http().get("/api/v1/auth/me").bearer(token).send().status());

        Http.Res del = http().delete("/api/v1/users/" + reader.id()).cookie(owner.session()).send();
        assertEquals(200, del.status(), del.toString());
        assertEquals(1, server.count("SELECT COUNT(*) FROM users WHERE id = ? AND deleted_at IS NOT NULL", reader.id()),
                "a soft delete keeps the row");

        assertError(http().get("/api/v1/auth/me").bearer(token).send(), 401);
        assertOpdsRefused(token);
    }

    @Test
    void passwordChangeEndsEarlierTokens() {
        Account reader = reader();
        String token = jwt(reader.username(), reader.password());
        String second = jwt(reader.username(), reader.password());

        Http.Res change = http().put("/api/v1/users/me").bearer(token)
                .json(Map.of("password", "new-pass", "current_password", reader.password())).send();
        assertEquals(200, change.status(), change.toString());

        assertError(http().get("/api/v1/auth/me").bearer(token).send(), 401);
        assertError(http().get("/api/v1/auth/me").bearer(second).send(), 401);
        String fresh = jwt(reader.username(), "new-pass");
        assertEquals(200, http().get("/api/v1/auth/me").bearer(fresh).send().status(), "a token for the new password works");
    }

    @Test
    void ownerChangingSomeoneElsesPasswordEndsTheirTokens() {
        Account reader = reader();
        String token = jwt(reader.username(), reader.password());
        Http.Res change = http().put("/api/v1/users/" + reader.id()).cookie(owner.session()).json(Map.of("password", "reset")).send();
        assertEquals(200, change.status(), change.toString());
        assertError(http().get("/api/v1/auth/me").bearer(token).send(), 401);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static void assertError(Http.Res r, int status) {
        assertEquals(status, r.status(), r.toString());
        assertNotNull(r.contentType(), "an error has a Content-Type");
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        JsonNode body = r.json();
        assertEquals(status, body.path("status").asInt(), r.toString());
        assertTrue(body.path("message").isTextual() && !body.path("message").asText().isBlank(), r.toString());
    }

    /** Under /opds a refused token gets the 401 challenge reading apps look for. */
    private static void assertOpdsRefused(String token) {
        Http.Res v12 = http().get("/opds/v1.2/catalog").bearer(token).send();
        assertError(v12, 401);
        assertNotNull(v12.header("WWW-Authenticate"), "Basic challenge on OPDS 1.2");
        Http.Res v2 = http().get("/opds/v2.0/catalog").bearer(token).send();
        assertEquals(401, v2.status(), v2.toString());
        assertNotNull(v2.header("WWW-Authenticate"), "Basic challenge on OPDS 2.0");
    }

    private static String storedKey() throws Exception {
        return server.string("SELECT value FROM server_config WHERE name = 'jwt_hs256_key'");
    }

    private static byte[] serverKey() throws Exception {
        return Base64.getDecoder().decode(storedKey());
    }

    /** The password fingerprint the server puts in tokens (JwtService.fingerprint), from the stored hash. */
    private static String fingerprint(String userId) throws Exception {
        String hash = server.string("SELECT hashed_password FROM users WHERE id = ?", userId);
        assertNotNull(hash, "user " + userId + " exists");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(("longbox-jwt:" + hash).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, 16);
    }

    private static JwtClaims claims(String subject, String fingerprint, long iat, long exp) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("longbox");
        claims.setSubject(subject);
        claims.setIssuedAt(NumericDate.fromSeconds(iat));
        claims.setExpirationTime(NumericDate.fromSeconds(exp));
        claims.setStringClaim("pwf", fingerprint);
        return claims;
    }

    private static String mint(byte[] key, JwtClaims claims) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setKey(new HmacKey(key));
        return jws.getCompactSerialization();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
