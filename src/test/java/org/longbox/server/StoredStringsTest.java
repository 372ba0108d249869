package org.longbox.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.longbox.testing.Accounts;
import org.longbox.testing.Accounts.Account;
import org.longbox.testing.Books;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.Scans;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every string a request stores is checked against the width of its column: one character too many
 * is a 400 naming the field (never a 500 from the database, never a silent cut), and the longest
 * value that fits is stored whole.
 */
class StoredStringsTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw").build();
    @TempDir
    static Path root;
    static Http http;
    static Account owner;

    @BeforeAll
    static void connect() {
        http = server.http();
        owner = Accounts.owner(server, "owner", "pw");
    }

    /** A 400 in the error body whose message names {@code field}. */
    static void assertRefusedNaming(Http.Res r, String field) {
        assertEquals(400, r.status(), r.toString());
        assertEquals(400, r.json().path("status").asInt(), r.toString());
        assertTrue(r.json().path("message").asText().contains(field), "names " + field + ": " + r);
    }

    @Test
    void avatarUrlOfYourOwnOver1024CharactersIs400() throws Exception {
        Account reader = Accounts.newUser(http, owner, "avatar");
        String fits = "https://example.org/" + "a".repeat(1024 - 20);
        assertRefusedNaming(http.put("/api/v1/users/me").cookie(reader.session()).json(Map.of("avatar_url", fits + "b")).send(),
                "avatar_url");
        // PostgreSQL cannot store NUL in text at all: refused on every database alike.
        assertRefusedNaming(http.put("/api/v1/users/me").cookie(reader.session()).json(Map.of("avatar_url", "https://x/\u0000")).send(),
                "avatar_url");
        Http.Res ok = http.put("/api/v1/users/me").cookie(reader.session()).json(Map.of("avatar_url", fits)).send();
        assertEquals(200, ok.status(), ok.toString());
        assertEquals(fits, server.string("SELECT avatar_url FROM users WHERE id = ?", reader.id()));
    }

    @Test
    void avatarUrlTheOwnerSetsOver1024CharactersIs400AndChangesNothing() throws Exception {
        Account reader = Accounts.newUser(http, owner, "avatar-by-owner");
        Http.Res r = http.put("/api/v1/users/" + reader.id()).cookie(owner.session())
                .json(Map.of("username", "renamed-with-avatar", "avatar_url", "x".repeat(1025))).send();
        assertRefusedNaming(r, "avatar_url");
        assertEquals(reader.username(), server.string("SELECT username FROM users WHERE id = ?", reader.id()), "nothing half-written");
    }

    @Test
    void usernameOver255CharactersIs400() {
        assertRefusedNaming(http.post("/api/v1/users").cookie(owner.session())
                .json(Map.of("username", "u".repeat(256), "password", "pw")).send(), "username");
        Http.Res fits = http.post("/api/v1/users").cookie(owner.session())
                .json(Map.of("username", "u".repeat(255), "password", "pw")).send();
        assertEquals(200, fits.status(), fits.toString());
    }

    @Test
    void apiKeyNameOver255CharactersIs400() {
        assertRefusedNaming(http.post("/api/v1/api-keys").cookie(owner.session())
                .json(Map.of("name", "k".repeat(256), "permissions", "inherit")).send(), "name");
        assertRefusedNaming(http.post("/api/v1/api-keys").cookie(owner.session())
                .json(Map.of("name", "nul\u0000", "permissions", "inherit")).send(), "name");
        Http.Res fits = http.post("/api/v1/api-keys").cookie(owner.session())
                .json(Map.of("name", "k".repeat(255), "permissions", "inherit")).send();
        assertEquals(200, fits.status(), fits.toString());
    }

    @Test
    void libraryStringsOverTheirColumnsAre400() throws Exception {
        Path dir = Files.createDirectories(root.resolve("lib-strings"));
        assertRefusedNaming(createLibrary(dir, Map.of("name", "n".repeat(256))), "name");
        assertRefusedNaming(createLibrary(dir, Map.of("description", "d".repeat(4001))), "description");
        assertRefusedNaming(createLibrary(dir, Map.of("emoji", "e".repeat(65))), "emoji");
        // 40 globs of 100 characters: each one is fine, together they overflow the 4,000-character column.
        List<String> rules = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rules.add("**/" + i + "-" + "r".repeat(95));
        }
        assertRefusedNaming(createLibrary(dir, Map.of("config", Map.of("ignore_rules", rules))), "ignore_rules");
        assertEquals(0, server.count("SELECT COUNT(*) FROM libraries WHERE name = ?", "Strings"), "nothing stored");
    }

    @Test
    void readingProgressStringsOverTheirColumnsAre400() throws Exception {
        Path dir = root.resolve("progress");
        Books.cbz().pages(3).write(dir.resolve("S/Book.cbz"));
        String library = Scans.library(http, owner.session(), "Progress", dir, null);
        Scans.scan(http, owner.session(), library);
        String book = http.get("/api/v1/media?page_size=50").cookie(owner.session()).send().json()
                .path("data").get(0).path("id").asText();
        assertRefusedNaming(http.put("/api/v1/media/" + book + "/progress").cookie(owner.session())
                .json(Map.of("page", 1, "device_id", "d".repeat(256))).send(), "device_id");
        assertEquals(0, server.count("SELECT COUNT(*) FROM reading_sessions"), "nothing stored, not a cut-off id");
        Http.Res fits = http.put("/api/v1/media/" + book + "/progress").cookie(owner.session())
                .json(Map.of("page", 1, "device_id", "d".repeat(255))).send();
        assertEquals(200, fits.status(), fits.toString());
        assertEquals("d".repeat(255), server.string("SELECT device_id FROM reading_sessions"));
    }

    @Test
    void schedulerExclusionsOverTheirColumnAre400() throws Exception {
        // The excluded ids are kept as one JSON text of at most 4,000 characters: about a hundred libraries.
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 110; i++) {
            Path dir = Files.createDirectories(root.resolve("sched/" + i));
            ids.add(Scans.library(http, owner.session(), "sched-" + i, dir, Map.of("watch", false)));
        }
        Http.Res r = http.post("/api/v1/jobs/scheduler-config").cookie(owner.session())
                .json(Map.of("interval_secs", 3600, "excluded_library_ids", ids)).send();
        assertRefusedNaming(r, "excluded_library_ids");
        Http.Res fits = http.post("/api/v1/jobs/scheduler-config").cookie(owner.session())
                .json(Map.of("interval_secs", 3600, "excluded_library_ids", ids.subList(0, 90))).send();
        assertEquals(200, fits.status(), fits.toString());
        assertEquals(90, fits.json().path("excluded_library_ids").size());
    }

    private static Http.Res createLibrary(Path dir, Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Strings");
        body.put("path", dir.toString());
        body.put("scan_mode", "NONE");
        body.putAll(overrides);
        return http.post("/api/v1/libraries").cookie(owner.session()).json(body).send();
    }
}
