package org.longbox.auth;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.longbox.testing.Accounts;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.Scans;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cross-site request forgery: a request that changes data and is authenticated by the session
 * cookie must come from this server's own pages. Browsers say where a request comes from
 * ({@code Sec-Fetch-Site}, {@code Origin}) on every cross-site POST, PUT, PATCH and DELETE, so a
 * request that says it comes from elsewhere is refused with 403, and one that says neither is not
 * from a browser page at all (curl with a cookie jar, scripts) and passes. Bearer tokens and API
 * keys cannot be sent by another site's page, so they are not affected.
 */
class CrossSiteRequestTest {
    private static final String READER = "https://reader.example";
    private static final String EVIL = "https://evil.example";

    @RegisterExtension
    static final LongboxServer server = LongboxServer.builder().claimedBy("owner", "owner-pass")
            .setting("STUMP_ALLOWED_ORIGINS", READER + ",*").build();

    /** Deployed under a context path, reached through a proxy. */
    @RegisterExtension
    static final LongboxServer proxied = LongboxServer.builder().contextPath("/longbox").claimedBy("owner", "owner-pass").build();

    @TempDir
    static Path folder;

    static String owner;
    static String libraryId;

    @BeforeAll
    static void setUp() {
        owner = server.ownerSession();
        libraryId = Scans.library(server.http(), owner, "Comics", folder, null);
    }

    private static Http http() {
        return server.http();
    }

    /** What this test server's own pages send as their Origin. */
    private static String ownOrigin(LongboxServer s) {
        URI base = s.http().base();
        return base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    }

    private static UnaryOperator<Http.Request> crossSite(String origin) {
        return r -> r.header("Origin", origin).header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "cors");
    }

    private static void assertRefused(Http.Res r) {
        assertEquals(403, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        JsonNode body = r.json();
        assertEquals(403, body.path("status").asInt(), r.toString());
        assertTrue(body.path("message").asText().toLowerCase().contains("cross-site"), r.toString());
        assertEquals(null, r.setCookie(), "a refused request neither renews nor clears the cookie");
    }

    private static String newSession() {
        return Accounts.login(http(), "owner", "owner-pass");
    }

    private static boolean alive(String session) {
        return http().get("/api/v1/auth/me").cookie(session).send().status() == 200;
    }

    private static int jobCount() {
        return http().get("/api/v1/jobs?page_size=1000").cookie(owner).send().json().path("data").size();
    }

    private static long keyId(String session, String name) {
        for (JsonNode k : http().get("/api/v1/api-keys").cookie(session).send().json()) {
            if (k.path("name").asText().equals(name)) return k.path("id").asLong();
        }
        throw new AssertionError("no key " + name);
    }

    // ---- refused: another site's page acting with the visitor's cookie ------------------------

    @Test
    void aCrossSiteLogoutIsRefusedAndTheSessionLives() {
        String session = newSession();
        // a form or fetch on another site: Origin and Sec-Fetch-Site say so
        assertRefused(crossSite(EVIL).apply(http().post("/api/v1/auth/logout").cookie(session)).send());
        // older browsers without Sec-Fetch-*: Origin alone
        assertRefused(http().post("/api/v1/auth/logout").cookie(session).header("Origin", EVIL).send());
        // newer ones that hide the Origin on a cross-site form (Origin: null, or only Sec-Fetch-Site)
        assertRefused(http().post("/api/v1/auth/logout").cookie(session).header("Origin", "null").send());
        assertRefused(http().post("/api/v1/auth/logout").cookie(session).header("Sec-Fetch-Site", "cross-site").send());
        assertTrue(alive(session), "the session survived");
    }

    @Test
    void aCrossSiteScanIsRefusedAndNoJobIsQueued() {
        int before = jobCount();
        assertRefused(crossSite(EVIL).apply(http().post("/api/v1/libraries/" + libraryId + "/scan").cookie(owner)).send());
        assertEquals(before, jobCount(), "no scan was queued");
    }

    @Test
    void aCrossSiteRegenerateSecretIsRefusedAndTheOldKeyStillWorks() {
        String session = newSession();
        String name = Accounts.uniqueName("kept");
        Http.Res created = http().post("/api/v1/api-keys").cookie(session).json(Map.of("name", name, "permissions", "inherit")).send();
        String key = created.json().path("api_key").asText();
        long id = keyId(session, name);
        assertRefused(crossSite(EVIL).apply(http().post("/api/v1/api-keys/" + id + "/regenerate-secret").cookie(session)).send());
        assertEquals(200, http().get("/api/v1/auth/me").bearer(key).send().status(), "the old secret still works");
        assertRefused(crossSite(EVIL).apply(http().delete("/api/v1/api-keys/" + id).cookie(session)).send());
        assertEquals(200, http().get("/api/v1/auth/me").bearer(key).send().status(), "and the key was not deleted");
    }

    @Test
    void everyUnsafeMethodAndBodyIsChecked() {
        String name = Accounts.uniqueName("forged");
        // the classic form post: text/plain, no preflight; refused before the body is looked at
        Http.Res form = crossSite(EVIL).apply(http().post("/api/v1/libraries").cookie(owner))
                .body("text/plain", ("{\"name\":\"" + name + "\",\"path\":\"/\"}").getBytes(StandardCharsets.UTF_8)).send();
        assertRefused(form);
        Http.Res json = crossSite(EVIL).apply(http().post("/api/v1/libraries").cookie(owner))
                .json(Map.of("name", name, "path", folder.toString(), "scan_mode", "NONE")).send();
        assertRefused(json);
        assertFalse(http().get("/api/v1/libraries").cookie(owner).send().text().contains(name), "no library was created");
        assertRefused(crossSite(EVIL).apply(http().put("/api/v1/users/me/preferences").cookie(owner)).json("{}").send());
        assertRefused(crossSite(EVIL).apply(http().method("PATCH", "/api/v1/libraries/" + libraryId + "/thumbnail").cookie(owner))
                .json(Map.of("media_id", "x", "page", 1)).send());
        assertRefused(crossSite(EVIL).apply(http().delete("/api/v1/libraries/" + libraryId).cookie(owner)).send());
        assertEquals(200, http().get("/api/v1/libraries/" + libraryId).cookie(owner).send().status(), "the library is still there");
    }

    @Test
    void aSiblingSiteIsNotTheSameOrigin() {
        String session = newSession();
        assertRefused(http().post("/api/v1/auth/logout").cookie(session)
                .header("Origin", "https://other.localhost").header("Sec-Fetch-Site", "same-site").send());
        for (String origin : List.of(ownOrigin(server) + ".evil.example", ownOrigin(server) + "/path", "http://localhost",
                ownOrigin(server).replace("http:", "https:"), "not an origin", "")) {
            assertRefused(http().post("/api/v1/auth/logout").cookie(session).header("Origin", origin).send());
        }
        // a browser never sends 'none' (typed in the address bar) with an unsafe method
        assertRefused(http().post("/api/v1/auth/logout").cookie(session).header("Sec-Fetch-Site", "none").send());
        assertRefused(http().post("/api/v1/auth/logout").cookie(session).header("Sec-Fetch-Site", "whatever").send());
        assertTrue(alive(session));
    }

    @Test
    void theWildcardOriginDoesNotMakeCookieRequestsSameOrigin() {
        // STUMP_ALLOWED_ORIGINS has '*': that allows reading without credentials, nothing more
        String session = newSession();
        assertRefused(crossSite("https://anyone.example").apply(http().post("/api/v1/auth/logout").cookie(session)).send());
        assertTrue(alive(session));
    }

    @Test
    void aBasicLoginTheBrowserRemembersIsTreatedLikeTheCookie() {
        // a browser resends Basic credentials it was once given, to any page's requests
        Http.Res forged = crossSite(EVIL).apply(http().method("PUT", "/opds/v2.0/books/nope/progression")
                .basic("owner", "owner-pass")).json("{}").send();
        assertRefused(forged); // and no session was made for it (no Set-Cookie)
        // a reading app sends neither header: it reaches the endpoint
        Http.Res app = http().method("PUT", "/opds/v2.0/books/nope/progression").basic("owner", "owner-pass")
                .header("X-Stump-Save-Session", "false").json("{}").send();
        assertEquals(404, app.status(), app.toString());
    }

    // ---- allowed -----------------------------------------------------------------------------

    @Test
    void theServersOwnPagesMayChangeData() {
        // Swagger UI's Try it out and the web app: fetch, same origin
        String session = newSession();
        Http.Res create = http().post("/api/v1/api-keys").cookie(session)
                .header("Origin", ownOrigin(server)).header("Sec-Fetch-Site", "same-origin")
                .json(Map.of("name", Accounts.uniqueName("swagger"), "permissions", "inherit")).send();
        assertEquals(200, create.status(), create.toString());
        // a browser without Sec-Fetch-* (Safari before 16.4): Origin alone
        Http.Res originOnly = http().post("/api/v1/auth/logout").cookie(newSession()).header("Origin", ownOrigin(server)).send();
        assertEquals(200, originOnly.status(), originOnly.toString());
        // Sec-Fetch-Site is the browser's own verdict: it wins over an Origin the server cannot place
        // (a proxy that rewrites Host without saying so)
        String s2 = newSession();
        Http.Res fetchMeta = http().post("/api/v1/auth/logout").cookie(s2)
                .header("Origin", "https://comics.example").header("Sec-Fetch-Site", "same-origin").send();
        assertEquals(200, fetchMeta.status(), fetchMeta.toString());
        assertFalse(alive(s2), "logged out");
    }

    @Test
    void scriptsAndCurlWithACookieJarSendNeitherHeaderAndPass() {
        String session = newSession();
        Http.Res scan = http().post("/api/v1/libraries/" + libraryId + "/scan").cookie(session).send();
        assertEquals(200, scan.status(), scan.toString());
        Scans.await(http(), owner, scan.json().path("id").asText());
        Http.Res logout = http().post("/api/v1/auth/logout").cookie(session).send();
        assertEquals(200, logout.status(), logout.toString());
        assertFalse(alive(session));
    }

    @Test
    void anOriginListedByNameMayUseTheCookie() {
        // STUMP_ALLOWED_ORIGINS names the reader: its pages get credentialed CORS, so they may act
        String session = newSession();
        Http.Res r = crossSite(READER).apply(http().post("/api/v1/auth/logout").cookie(session)).send();
        assertEquals(200, r.status(), r.toString());
        assertFalse(alive(session));
    }

    @Test
    void safeMethodsAreNotChecked() {
        Http.Res me = crossSite(EVIL).apply(http().get("/api/v1/auth/me").cookie(owner)).send();
        assertEquals(200, me.status(), me.toString());
        Http.Res head = crossSite(EVIL).apply(http().method("HEAD", "/api/v1/auth/me").cookie(owner)).send();
        assertEquals(200, head.status());
    }

    @Test
    void bearerTokensAndApiKeysAreNotAffected() {
        Http.Res login = http().post("/api/v1/auth/login?generate_token=true&create_session=false")
                .json(Map.of("username", "owner", "password", "owner-pass")).send();
        String jwt = login.json().path("token").path("access_token").asText();
        assertFalse(jwt.isEmpty(), login.toString());
        String name = Accounts.uniqueName("desk");
        Http.Res viaJwt = crossSite(EVIL).apply(http().post("/api/v1/api-keys").bearer(jwt))
                .json(Map.of("name", name, "permissions", "inherit")).send();
        assertEquals(200, viaJwt.status(), viaJwt.toString());
        String key = viaJwt.json().path("api_key").asText();
        Http.Res viaKey = crossSite(EVIL).apply(http().post("/api/v1/libraries/" + libraryId + "/scan").bearer(key)).send();
        assertEquals(200, viaKey.status(), viaKey.toString());
        Scans.await(http(), owner, viaKey.json().path("id").asText());
    }

    @Test
    void anonymousRequestsAreLeftToTheEndpoint() {
        // no cookie, nothing to forge: the endpoint answers as usual
        Http.Res r = crossSite(EVIL).apply(http().post("/api/v1/libraries/" + libraryId + "/scan")).send();
        assertEquals(401, r.status(), r.toString());
    }

    // ---- under a context path, behind a proxy ---------------------------------------------------

    @Test
    void behindAProxyTheOriginIsComparedWithThePublicAddress() {
        Http h = proxied.http();
        String session = proxied.ownerSession();
        // X-Forwarded-Proto/Host, as the README asks proxies to send
        Http.Res xf = h.post("/api/v1/api-keys").cookie(session).header("Origin", "https://comics.example")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "comics.example")
                .json(Map.of("name", Accounts.uniqueName("xf"), "permissions", "inherit")).send();
        assertEquals(200, xf.status(), xf.toString());
        // the same with the default port spelled out by the proxy, and with RFC 7239 Forwarded
        Http.Res port = h.post("/api/v1/api-keys").cookie(session).header("Origin", "https://comics.example")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "comics.example:443")
                .json(Map.of("name", Accounts.uniqueName("port"), "permissions", "inherit")).send();
        assertEquals(200, port.status(), port.toString());
        Http.Res fw = h.post("/api/v1/api-keys").cookie(session).header("Origin", "https://comics.example:8443")
                .header("Forwarded", "for=10.0.0.1;proto=https;host=\"comics.example:8443\"")
                .json(Map.of("name", Accounts.uniqueName("fw"), "permissions", "inherit")).send();
        assertEquals(200, fw.status(), fw.toString());
        // the server's own address under its context path
        Http.Res direct = h.post("/api/v1/api-keys").cookie(session).header("Origin", ownOrigin(proxied))
                .json(Map.of("name", Accounts.uniqueName("direct"), "permissions", "inherit")).send();
        assertEquals(200, direct.status(), direct.toString());
        // another site, or the right host over the wrong scheme
        Http.Res evil = h.post("/api/v1/auth/logout").cookie(session).header("Origin", EVIL)
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "comics.example").send();
        assertRefused(evil);
        Http.Res scheme = h.post("/api/v1/auth/logout").cookie(session).header("Origin", "http://comics.example")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "comics.example").send();
        assertRefused(scheme);
        assertEquals(200, h.get("/api/v1/auth/me").cookie(session).send().status());
        assertNotEquals(null, session);
    }
}
