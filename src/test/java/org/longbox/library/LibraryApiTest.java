package org.longbox.library;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Accounts;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /api/v1/libraries: creating, validating, hiding and deleting libraries. */
class LibraryApiTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw").build();
    @TempDir
    static Path root;
    static Http http;
    static String owner;

    @BeforeAll
    static void connect() {
        http = server.http();
        owner = server.ownerSession();
    }

    static Map<String, Object> body(String name, Path path) {
        Map<String, Object> b = new HashMap<>();
        b.put("name", name);
        b.put("path", path.toString());
        b.put("scan_mode", "NONE");
        return b;
    }

    static Path dir(String name) throws Exception {
        return Files.createDirectories(root.resolve(name));
    }

    static JsonNode create(Map<String, Object> body) {
        Http.Res r = http.post("/api/v1/libraries").cookie(owner).json(body).send();
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    @Test
    void ownerCreatesALibraryWithStumpsShapeAndDefaults() throws Exception {
        JsonNode lib = create(body("Comics", dir("comics")));
        assertEquals("Comics", lib.get("name").asText());
        assertEquals(root.resolve("comics").toRealPath().toString(), lib.get("path").asText());
        assertEquals("READY", lib.get("status").asText());
        JsonNode config = lib.get("config");
        assertEquals("SERIES_BASED", config.get("library_pattern").asText());
        assertTrue(config.get("process_metadata").asBoolean());
        assertTrue(config.get("watch").asBoolean());
        assertFalse(config.get("convert_rar_to_zip").asBoolean());
        assertTrue(config.get("thumbnail_config").isNull());
        assertEquals("ltr", config.get("default_reading_dir").asText());
        assertEquals(lib.get("id").asText(), config.get("library_id").asText());
        assertTrue(lib.get("last_scanned_at").isNull());

        JsonNode listed = http.get("/api/v1/libraries").cookie(owner).send().json();
        assertTrue(listed.get("data").toString().contains(lib.get("id").asText()));
        assertEquals(200, http.get("/api/v1/libraries/" + lib.get("id").asText()).cookie(owner).send().status());
    }

    @Test
    void badPathsAre400WithAClearMessage() throws Exception {
        Path file = Files.writeString(dir("files").resolve("a.txt"), "x");
        assertBad(body("Relative", Path.of("relative/dir")), "absolute");
        assertBad(body("Missing", root.resolve("nope")), "not an existing directory");
        assertBad(body("File", file), "not an existing directory");
        Map<String, Object> noPath = body("NoPath", root);
        noPath.remove("path");
        assertBad(noPath, "path");
        assertBad(body("", dir("unnamed")), "name");
    }

    @Test
    void librariesMayNotNest() throws Exception {
        Path outer = dir("outer");
        Path inner = Files.createDirectories(outer.resolve("inner"));
        create(body("Outer", outer));
        assertBad(body("Inner", inner), "inside the library 'Outer'");
        assertBad(body("Again", outer), "already the library 'Outer'");
        Path symlink = Files.createSymbolicLink(root.resolve("link-to-inner"), inner);
        assertBad(body("Sneaky", symlink), "inside the library 'Outer'");

        Path around = dir("around");
        Path deep = Files.createDirectories(around.resolve("x/y"));
        create(body("Deep", deep));
        assertBad(body("Around", around), "contains the library 'Deep'");
    }

    @Test
    void duplicateNamesAre422AnyCase() throws Exception {
        create(body("Manga", dir("manga1")));
        Http.Res r = http.post("/api/v1/libraries").cookie(owner).json(body("MANGA", dir("manga2"))).send();
        assertEquals(422, r.status(), r.toString());
        assertEquals(422, r.json().get("status").asInt());
    }

    @Test
    void badConfigsAre400NamingTheField() throws Exception {
        Path d = dir("configs");
        Map<String, Object> b = body("Configs", d);
        b.put("config", Map.of("library_pattern", "BY_MOOD"));
        Http.Res r = http.post("/api/v1/libraries").cookie(owner).json(b).send();
        assertEquals(400, r.status());
        assertTrue(r.json().get("message").asText().contains("library_pattern"), r.toString());

        b.put("config", Map.of("ignore_rules", List.of("[unclosed")));
        assertBad(b, "ignore_rules");
        b.put("config", Map.of("thumbnail_config", Map.of("format", "Jpeg", "quality", 101)));
        assertBad(b, "quality");
        b.put("config", Map.of("thumbnail_config", Map.of("format", "Jpeg",
                "resize_options", Map.of("mode", "Scaled", "width", 2, "height", 0.5))));
        assertBad(b, "Scaled");
        b.put("config", Map.of("thumbnail_config", Map.of("format", "Jpeg",
                "resize_options", Map.of("mode", "Sized", "width", 10.5, "height", 100))));
        assertBad(b, "whole pixels");
        b.put("config", Map.of("default_reading_dir", "up"));
        assertBad(b, "default_reading_dir");
        b.put("config", Map.of());
        b.put("scan_mode", "LATER");
        assertBad(b, "scan_mode");
        assertEquals(0, server.count("SELECT COUNT(*) FROM libraries WHERE name_key = 'configs'"), "nothing half-created");
    }

    @Test
    void configAndNamesCanBeChangedAndAbsentConfigFieldsStay() throws Exception {
        Map<String, Object> b = body("Editable", dir("editable"));
        b.put("config", Map.of("watch", false, "thumbnail_config", Map.of("format", "Png", "quality", 80,
                "resize_options", Map.of("mode", "Sized", "width", 200, "height", 300)), "ignore_rules", List.of("**/*.txt")));
        JsonNode lib = create(b);
        assertFalse(lib.get("config").get("watch").asBoolean());
        assertEquals("Png", lib.get("config").get("thumbnail_config").get("format").asText());
        String id = lib.get("id").asText();

        Map<String, Object> change = body("Edited", root.resolve("editable"));
        change.put("description", "Renamed");
        change.put("config", Map.of("library_pattern", "COLLECTION_BASED", "thumbnail_config",
                Map.of("format", "Png", "quality", 80, "resize_options", Map.of("mode", "Sized", "width", 200, "height", 300))));
        Http.Res r = http.put("/api/v1/libraries/" + id).cookie(owner).json(change).send();
        assertEquals(200, r.status(), r.toString());
        JsonNode edited = r.json();
        assertEquals("Edited", edited.get("name").asText());
        assertEquals("Renamed", edited.get("description").asText());
        assertEquals("COLLECTION_BASED", edited.get("config").get("library_pattern").asText());
        assertFalse(edited.get("config").get("watch").asBoolean(), "absent fields keep their values");
        assertEquals("**/*.txt", edited.get("config").get("ignore_rules").get(0).asText());
    }

    @Test
    void readersNeedPermissionsAndDoNotSeeLibrariesHiddenFromThem() throws Exception {
        String readerId = Accounts.createUser(http, owner, "reader", "pw").get("id").asText();
        Accounts.createUser(http, owner, "librarian", "pw", "library:manage", "user:read");
        String reader = Accounts.login(http, "reader", "pw");
        String librarian = Accounts.login(http, "librarian", "pw");
        assertEquals(403, http.post("/api/v1/libraries").cookie(reader).json(body("Nope", dir("nope"))).send().status());

        String secret = create(body("Secret", dir("secret"))).get("id").asText();
        String open = create(body("Open", dir("open"))).get("id").asText();
        assertEquals(403, http.post("/api/v1/libraries/" + secret + "/excluded-users").cookie(reader)
                .json(Map.of("user_ids", List.of(readerId))).send().status());
        Http.Res hide = http.post("/api/v1/libraries/" + secret + "/excluded-users").cookie(librarian)
                .json(Map.of("user_ids", List.of(readerId))).send();
        assertEquals(200, hide.status(), hide.toString());
        assertEquals("reader", hide.json().get(0).get("username").asText());

        String listed = http.get("/api/v1/libraries?page_size=100").cookie(reader).send().text();
        assertFalse(listed.contains(secret), "hidden library is not listed");
        assertTrue(listed.contains(open));
        assertEquals(404, http.get("/api/v1/libraries/" + secret).cookie(reader).send().status(), "404, not 403");
        assertEquals(200, http.get("/api/v1/libraries/" + secret).cookie(owner).send().status());

        String ownerId = http.get("/api/v1/auth/me").cookie(owner).send().json().get("id").asText();
        assertBadRequest(http.post("/api/v1/libraries/" + secret + "/excluded-users").cookie(owner)
                .json(Map.of("user_ids", List.of(ownerId))).send());
        assertBadRequest(http.post("/api/v1/libraries/" + secret + "/excluded-users").cookie(owner)
                .json(Map.of("user_ids", List.of("no-such-user"))).send());
        assertEquals(1, server.count("SELECT COUNT(*) FROM library_hidden_users WHERE library_id = ?", secret),
                "a failed change leaves the list as it was");
        assertEquals(200, http.post("/api/v1/libraries/" + secret + "/excluded-users").cookie(owner)
                .json(Map.of("user_ids", List.of())).send().status());
        assertEquals(200, http.get("/api/v1/libraries/" + secret).cookie(reader).send().status());
    }

    @Test
    void theLastVisitedLibraryIsRememberedPerUser() throws Exception {
        assertTrue(http.get("/api/v1/libraries/last-visited").cookie(owner).send().json().isNull());
        String id = create(body("Visited", dir("visited"))).get("id").asText();
        assertEquals(200, http.put("/api/v1/libraries/last-visited/" + id).cookie(owner).send().status());
        assertEquals(id, http.get("/api/v1/libraries/last-visited").cookie(owner).send().json().get("id").asText());
        assertEquals(404, http.put("/api/v1/libraries/last-visited/nope").cookie(owner).send().status());
    }

    @Test
    void deletingALibraryKeepsTheFilesAndAnswersItsId() throws Exception {
        Path d = dir("deletable");
        Path book = Files.writeString(d.resolve("keep.cbz"), "not really a book");
        String id = create(body("Deletable", d)).get("id").asText();
        Http.Res r = http.delete("/api/v1/libraries/" + id).cookie(owner).send();
        assertEquals(200, r.status());
        assertEquals(id, r.json().asText(), "a JSON string");
        assertTrue(Files.exists(book));
        assertEquals(404, http.get("/api/v1/libraries/" + id).cookie(owner).send().status());
        assertEquals(404, http.delete("/api/v1/libraries/" + id).cookie(owner).send().status());
    }

    private static void assertBad(Map<String, Object> body, String messagePart) {
        Http.Res r = http.post("/api/v1/libraries").cookie(owner).json(body).send();
        assertEquals(400, r.status(), r.toString());
        assertTrue(r.json().get("message").asText().contains(messagePart), r.toString());
    }

    private static void assertBadRequest(Http.Res r) {
        assertEquals(400, r.status(), r.toString());
    }
}
