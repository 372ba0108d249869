package org.longbox.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.longbox.server.config.InvalidSettingException;
import org.longbox.server.config.Settings;
import org.longbox.server.config.SettingsLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where each setting comes from, and what a bad one does. The loader reads plain lookups, so no process state is touched. */
class SettingsTest {
    @TempDir
    Path dir;

    private Settings load(Map<String, String> env, Map<String, String> props, Map<String, String> init) {
        Map<String, String> withDir = new HashMap<>(init);
        withDir.putIfAbsent("STUMP_CONFIG_DIR", dir.toString());
        return load(env, props, withDir, Map.of());
    }

    private Settings load(Map<String, String> env, Map<String, String> props, Map<String, String> init, Map<String, String> jndi) {
        Map<String, String> withDir = new HashMap<>(init);
        withDir.putIfAbsent("STUMP_CONFIG_DIR", dir.toString());
        return new SettingsLoader(env::get, props::get, withDir::get, jndi::get).load();
    }

    @Test
    void defaultsMatchTheDocumentedOnes() {
        Settings s = load(Map.of(), Map.of(), Map.of());
        assertEquals(Duration.ofSeconds(259200), s.sessionTtl());
        assertEquals(Duration.ofSeconds(60), s.sessionCleanupInterval());
        assertEquals(Duration.ofSeconds(86400), s.accessTokenTtl());
        assertEquals(12, s.hashCost());
        assertTrue(s.swaggerEnabled());
        assertEquals(List.of(), s.allowedOrigins());
        assertNull(s.dbUrl());
        assertEquals(dir.resolve("longbox-db"), s.derbyDirectory());
        assertEquals(Duration.ofSeconds(900), s.lockout());
        assertNull(s.unlockUser());
    }

    @Test
    void theLockoutWindowAndTheUserToUnlockAreRead() {
        Settings s = load(Map.of("STUMP_LOCKOUT_SECONDS", "60", "STUMP_UNLOCK_USER", " Ada "), Map.of(), Map.of());
        assertEquals(Duration.ofSeconds(60), s.lockout());
        assertEquals("Ada", s.unlockUser());
        assertMessage("STUMP_LOCKOUT_SECONDS=0", Map.of("STUMP_LOCKOUT_SECONDS", "0"), Map.of());
        assertMessage("STUMP_LOCKOUT_SECONDS=soon", Map.of("STUMP_LOCKOUT_SECONDS", "soon"), Map.of());
        assertMessage("STUMP_UNLOCK_USER=a:b", Map.of("STUMP_UNLOCK_USER", "a:b"), Map.of());
    }

    @Test
    void environmentBeatsSystemPropertyBeatsInitParamBeatsJndiBeatsTomlBeatsDefault() throws Exception {
        Files.writeString(dir.resolve("Stump.toml"), """
                session_ttl = 500
                access_token_ttl = 400
                password_hash_cost = 6
                expired_session_cleanup_interval = 30
                allowed_origins = ["https://a.example", "https://b.example"]
                """);
        Settings s = load(
                Map.of("SESSION_TTL", "100"),
                Map.of("SESSION_TTL", "200", "ACCESS_TOKEN_TTL", "201"),
                Map.of("SESSION_TTL", "300", "ACCESS_TOKEN_TTL", "301", "HASH_COST", "5"),
                Map.of("SESSION_TTL", "400", "HASH_COST", "7", "SESSION_EXPIRY_CLEANUP_INTERVAL", "40"));
        assertEquals(Duration.ofSeconds(100), s.sessionTtl(), "environment wins");
        assertEquals(Duration.ofSeconds(201), s.accessTokenTtl(), "then system property");
        assertEquals(5, s.hashCost(), "then init-param");
        assertEquals(Duration.ofSeconds(40), s.sessionCleanupInterval(), "then the JNDI environment");
        assertEquals(Duration.ofSeconds(30), load(Map.of(), Map.of(), Map.of()).sessionCleanupInterval(), "then Stump.toml");
        assertEquals(List.of("https://a.example", "https://b.example"), s.allowedOrigins(), "toml arrays become lists");
        assertTrue(s.swaggerEnabled(), "then the default");
    }

    @Test
    void listsAreSplitOnCommasAndTrimmed() {
        assertEquals(List.of("https://a", "https://b"),
                load(Map.of("STUMP_ALLOWED_ORIGINS", " https://a , https://b ,"), Map.of(), Map.of()).allowedOrigins());
    }

    @Test
    void allowedOriginsAreOriginsOrTheWildcardAndNeverNull() {
        assertEquals(List.of("*", "https://reader.example", "tauri://localhost", "http://[::1]:3000"),
                load(Map.of("STUMP_ALLOWED_ORIGINS", "*, HTTPS://Reader.Example, tauri://localhost, http://[::1]:3000"),
                        Map.of(), Map.of()).allowedOrigins(), "scheme and host compared as browsers send them: lower case");
        // 'null' is what sandboxed frames and file: pages send: allowing it allows any page
        assertMessage("STUMP_ALLOWED_ORIGINS=https://a.example,null", Map.of("STUMP_ALLOWED_ORIGINS", "https://a.example,null"), Map.of());
        // a browser's Origin never has a path, a query or a trailing slash, so such an entry would never match
        assertMessage("STUMP_ALLOWED_ORIGINS=https://a.example/", Map.of("STUMP_ALLOWED_ORIGINS", "https://a.example/"), Map.of());
        assertMessage("STUMP_ALLOWED_ORIGINS=https://a.example/app", Map.of("STUMP_ALLOWED_ORIGINS", "https://a.example/app"), Map.of());
        assertMessage("STUMP_ALLOWED_ORIGINS=a.example", Map.of("STUMP_ALLOWED_ORIGINS", "a.example"), Map.of());
        assertMessage("STUMP_ALLOWED_ORIGINS=https://*.example", Map.of("STUMP_ALLOWED_ORIGINS", "https://*.example"), Map.of());
        assertMessage("STUMP_ALLOWED_ORIGINS=https://a.example:99999", Map.of("STUMP_ALLOWED_ORIGINS", "https://a.example:99999"), Map.of());
    }

    @Test
    void aBadValueNamesTheVariableTheValueAndTheSource() {
        assertMessage("SESSION_TTL=abc (from environment)", Map.of("SESSION_TTL", "abc"), Map.of());
        assertMessage("HASH_COST=99 (from servlet init-param)", Map.of(), Map.of("HASH_COST", "99"));
        assertMessage("HASH_COST=3", Map.of("HASH_COST", "3"), Map.of());
        assertMessage("SESSION_TTL=0", Map.of("SESSION_TTL", "0"), Map.of());
        assertMessage("SESSION_EXPIRY_CLEANUP_INTERVAL=-1", Map.of("SESSION_EXPIRY_CLEANUP_INTERVAL", "-1"), Map.of());
        assertMessage("ENABLE_SWAGGER_UI=maybe", Map.of("ENABLE_SWAGGER_UI", "maybe"), Map.of());
        assertMessage("STUMP_VERBOSITY=loud", Map.of("STUMP_VERBOSITY", "loud"), Map.of());
        assertMessage("STUMP_DB_URL=postgres://x", Map.of("STUMP_DB_URL", "postgres://x"), Map.of());
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> load(Map.of(), Map.of(), Map.of(), Map.of("SESSION_TTL", "soon")));
        assertTrue(e.getMessage().contains("SESSION_TTL=soon (from JNDI env entry java:comp/env/SESSION_TTL)"), e.getMessage());
    }

    @Test
    void libraryRootsAreAbsoluteFoldersSeparatedByCommas() throws Exception {
        assertEquals(List.of(), load(Map.of(), Map.of(), Map.of()).libraryRoots(), "anywhere by default");
        assertEquals(List.of(), load(Map.of("STUMP_LIBRARY_ROOTS", " , "), Map.of(), Map.of()).libraryRoots());
        assertEquals(List.of(Path.of("/srv/comics"), Path.of("/srv/my manga")),
                load(Map.of("STUMP_LIBRARY_ROOTS", " /srv/comics/ , /srv/x/../my manga,"), Map.of(), Map.of()).libraryRoots());
        Files.writeString(dir.resolve("Stump.toml"), "library_roots = [\"/a\", \"/b\"]\n");
        assertEquals(List.of(Path.of("/a"), Path.of("/b")), load(Map.of(), Map.of(), Map.of()).libraryRoots());
        assertMessage("STUMP_LIBRARY_ROOTS=/srv/comics,comics (from environment): expected absolute folder paths",
                Map.of("STUMP_LIBRARY_ROOTS", "/srv/comics,comics"), Map.of());
        assertMessage("STUMP_LIBRARY_ROOTS=~/comics (from servlet init-param)", Map.of(), Map.of("STUMP_LIBRARY_ROOTS", "~/comics"));
        assertMessage("STUMP_LIBRARY_ROOTS=/a\u0000b", Map.of("STUMP_LIBRARY_ROOTS", "/a\u0000b"), Map.of());
    }

    @Test
    void secretsAreNeverEchoed() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> load(Map.of("STUMP_DB_PASSWORD", "hunter2", "STUMP_DB_POOL_SIZE", "0"), Map.of(), Map.of()));
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void anUnreadableTomlStopsTheStartNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("Stump.toml"), "session_ttl = = 3\n");
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> load(Map.of(), Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("Stump.toml"), e.getMessage());
    }

    @Test
    void aBadTomlValueNamesTheVariable() throws Exception {
        Files.writeString(dir.resolve("Stump.toml"), "session_ttl = \"soon\"\n");
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> load(Map.of(), Map.of(), Map.of()));
        assertTrue(e.getMessage().contains("SESSION_TTL=soon (from Stump.toml)"), e.getMessage());
    }

    private void assertMessage(String expected, Map<String, String> env, Map<String, String> init) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> load(env, Map.of(), init));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
        assertEquals(0, e.getStackTrace().length, "no stack trace to log");
    }
}
