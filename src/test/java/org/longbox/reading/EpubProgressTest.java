package org.longbox.reading;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stump's EPUB progress report, PUT /api/v1/epub/{id}/progress: recorded like PUT
 * /api/v1/media/{id}/progress with the same fields, seen through GET /api/v1/media/{id}/progress.
 */
class EpubProgressTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw").build();
    @TempDir
    static Path root;
    static Http http;
    static Account ownerAccount;
    /** The Hidden library is hidden from them. */
    static Account outsider;
    static final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    static void scan() throws Exception {
        http = server.http();
        String owner = server.ownerSession();
        ownerAccount = Accounts.owner(server, "owner", "pw");
        Books.epub(root.resolve("open/Novels/Novel.epub"), "Novel", "A. Author", 4);
        Books.epub(root.resolve("open/Novels/Sequel.epub"), "Sequel", "A. Author", 3);
        Books.epub(root.resolve("open/Novels/Third.epub"), "Third", "A. Author", 3);
        Books.cbz().pages(3).write(root.resolve("open/Comics/Comic.cbz"));
        Books.epub(root.resolve("hidden/Secret/Secret.epub"), "Secret", "B. Author", 2);
        String open = Scans.library(http, owner, "Open", root.resolve("open"), Map.of("watch", false));
        String hidden = Scans.library(http, owner, "Hidden", root.resolve("hidden"), Map.of("watch", false));
        Scans.scan(http, owner, open);
        Scans.scan(http, owner, hidden);
        http.get("/api/v1/media?page_size=50").cookie(owner).send().json().get("data")
                .forEach(m -> ids.put(m.get("name").asText(), m.get("id").asText()));
        assertEquals(5, ids.size(), ids.toString());
        outsider = Accounts.newUser(http, ownerAccount, "outsider");
        assertEquals(200, http.post("/api/v1/libraries/" + hidden + "/excluded-users").cookie(owner)
                .json(Map.of("user_ids", List.of(outsider.id()))).send().status());
    }

    static Http.Res put(Account who, String book, Object body) {
        return http.put("/api/v1/epub/" + ids.get(book) + "/progress").cookie(who.session()).json(body).send();
    }

    static JsonNode progress(Account who, String book) {
        Http.Res r = http.get("/api/v1/media/" + ids.get(book) + "/progress").cookie(who.session()).send();
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    @Test
    void epubProgressIsRecordedAsTheBooksActiveSession() {
        Account reader = Accounts.newUser(http, ownerAccount, "epub-reader");
        Http.Res r = put(reader, "Novel", Map.of("epubcfi", "epubcfi(/6/4!/4/2/1:0)", "percentage", 0.25));
        assertEquals(200, r.status(), r.toString());
        JsonNode answered = r.json();
        assertEquals("epubcfi(/6/4!/4/2/1:0)", answered.get("epubcfi").asText());
        assertEquals(0.25, answered.get("percentage_completed").asDouble());
        assertEquals(reader.id(), answered.get("user_id").asText());

        JsonNode shown = progress(reader, "Novel");
        assertEquals(answered, shown, "GET /media/{id}/progress shows what was recorded");
        assertEquals("epubcfi(/6/4!/4/2/1:0)", http.get("/api/v1/media/" + ids.get("Novel")).cookie(reader.session()).send()
                .json().get("current_epubcfi").asText());

        JsonNode later = put(reader, "Novel", Map.of("epubcfi", "epubcfi(/6/8!/4/2/1:0)", "percentage", 0.5,
                "is_complete", false)).json();
        assertEquals(answered.get("id"), later.get("id"), "the same session, moved on");
        assertEquals(answered.get("started_at"), later.get("started_at"));
        assertEquals(0.5, progress(reader, "Novel").get("percentage_completed").asDouble());

        Account viaMedia = Accounts.newUser(http, ownerAccount, "media-reader");
        JsonNode same = http.put("/api/v1/media/" + ids.get("Novel") + "/progress").cookie(viaMedia.session())
                .json(Map.of("epubcfi", "epubcfi(/6/4!/4/2/1:0)", "percentage", 0.25)).send().json();
        assertEquals(fieldNames(same), fieldNames(answered), "the same answer as the media route's");
        assertTrue(progress(Accounts.newUser(http, ownerAccount, "bystander"), "Novel").isNull(), "per user");
    }

    @Test
    void isCompleteFinishesTheBook() {
        Account reader = Accounts.newUser(http, ownerAccount, "finisher");
        put(reader, "Sequel", Map.of("epubcfi", "epubcfi(/6/4!/4/2/1:0)", "percentage", 0.3));
        JsonNode done = put(reader, "Sequel", Map.of("epubcfi", "epubcfi(/6/6!/4/2/1:0)", "percentage", 0.6, "is_complete", true)).json();
        assertTrue(done.has("completed_at"), "the answer is the finished reading: " + done);
        assertTrue(progress(reader, "Sequel").isNull(), "no active session left");
        JsonNode complete = http.get("/api/v1/media/" + ids.get("Sequel") + "/progress/complete").cookie(reader.session()).send().json();
        assertTrue(complete.get("is_completed").asBoolean(), complete.toString());
        assertFalse(complete.get("last_completed_at").isNull());

        JsonNode byPercentage = put(reader, "Third", Map.of("epubcfi", "epubcfi(/6/8!/4/2/1:0)", "percentage", 1.0)).json();
        assertTrue(byPercentage.has("completed_at"), "percentage 1 finishes it, as on the media route: " + byPercentage);
    }

    @Test
    void badReportsAre400AndChangeNothing() throws Exception {
        Account reader = Accounts.newUser(http, ownerAccount, "careless");
        assertEquals(200, put(reader, "Novel", Map.of("epubcfi", "epubcfi(/6/2!/4/2/1:0)", "percentage", 0.1)).status());
        String cfi = "epubcfi(/6/4!/4/2/1:0)";
        for (Object bad : List.<Object>of(
                Map.of("epubcfi", cfi, "percentage", 1.5),
                Map.of("epubcfi", cfi, "percentage", -0.1),
                Map.of("epubcfi", cfi, "percentage", 1.5, "is_complete", true),
                Map.of("epubcfi", cfi),
                Map.of("percentage", 0.5),
                Map.of("epubcfi", "chapter 3", "percentage", 0.5),
                Map.of("page", 2),
                "{\"epubcfi\": \"" + cfi + "\", \"percentage\": \"half\"}",
                "{\"epubcfi\": \"" + cfi + "\", \"percentage\": 0.5, \"is_complete\": \"maybe\"}",
                "[1]", "{")) {
            Http.Res r = put(reader, "Novel", bad);
            assertError(r, 400);
        }
        assertError(http.put("/api/v1/epub/" + ids.get("Novel") + "/progress").cookie(reader.session())
                .header("Content-Type", "application/json").send(), 400);
        assertEquals(0.1, progress(reader, "Novel").get("percentage_completed").asDouble(), "unchanged");
        assertEquals(0, server.count("SELECT COUNT(*) FROM finished_reading_sessions WHERE user_id = ?", reader.id()));

        Http.Res comic = put(reader, "Comic", Map.of("epubcfi", cfi, "percentage", 0.5));
        assertError(comic, 400);
        assertTrue(comic.json().get("message").asText().contains("not an EPUB"), comic.toString());
        assertTrue(progress(reader, "Comic").isNull(), "nothing recorded for the comic");
    }

    @Test
    void unknownOrHiddenBooksAre404AndAnonymousIs401() throws Exception {
        Map<String, Object> good = Map.of("epubcfi", "epubcfi(/6/4!/4/2/1:0)", "percentage", 0.5);
        assertError(http.put("/api/v1/epub/no-such-book/progress").cookie(outsider.session()).json(good).send(), 404);
        assertError(put(outsider, "Secret", good), 404);
        assertEquals(0, server.count("SELECT COUNT(*) FROM reading_sessions WHERE user_id = ?", outsider.id()));
        assertEquals(401, http.put("/api/v1/epub/" + ids.get("Novel") + "/progress").json(good).send().status());
        assertEquals(200, put(ownerAccount, "Secret", good).status(), "the owner sees it");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        out.sort(null);
        return out;
    }

    private static void assertError(Http.Res r, int status) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.contentType() != null && r.contentType().startsWith("application/json"), r.contentType());
        assertEquals(status, r.json().get("status").asInt(), r.toString());
        assertFalse(r.json().get("message").asText().isBlank(), r.toString());
    }
}
