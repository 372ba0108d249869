package org.longbox.opds;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.longbox.media.RarWriter;
import org.longbox.testing.Accounts;
import org.longbox.testing.Books;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.Scans;
import org.longbox.testing.Xml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading apps get only books they can open: ERROR and MISSING books are left out of every OPDS
 * 1.2 and 2.0 feed, search, count, page and keep-reading list (in SQL, so totals and paging agree),
 * their OPDS routes answer 404, and a book is declared in the format its content is, not its name.
 * The REST API keeps listing every book with its status, and filters by it.
 */
class OpdsReadableTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw").build();
    @TempDir
    static Path root;
    static Http http;
    static String owner;
    static String reader;
    static String library;
    static final Map<String, String> books = new HashMap<>();
    static final Map<String, String> series = new HashMap<>();
    static final List<String> unreadable = new ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        http = server.http();
        owner = server.ownerSession();
        Path shelf = root.resolve("shelf");
        Books.cbz().pages(2).write(shelf.resolve("Good/a good.cbz"));
        Files.createDirectories(shelf.resolve("Good"));
        Files.write(shelf.resolve("Good/b rar named cbz.cbz"), RarWriter.rar5(List.of(
                RarWriter.Entry.stored("1.png", Books.png(60, 90, 1)), RarWriter.Entry.stored("2.png", Books.png(60, 90, 2))),
                false, false));
        Files.write(shelf.resolve("Good/c empty.cbz"), new byte[0]);
        Files.write(shelf.resolve("Good/d jpeg named cbz.cbz"), Books.jpeg(60, 90, 3));
        Path gone = Books.cbz().pages(2).write(shelf.resolve("Good/e gone.cbz"));
        Files.createDirectories(shelf.resolve("Broken"));
        Files.write(shelf.resolve("Broken/x empty.cbz"), new byte[0]);
        for (int i = 1; i <= 22; i++) {
            Files.createDirectories(shelf.resolve("Many"));
            Files.write(shelf.resolve("Many/bad " + i + ".cbz"), new byte[0]);
        }
        Books.cbz().pages(1).write(shelf.resolve("Many/ready 1.cbz"));
        Books.cbz().pages(1).write(shelf.resolve("Many/ready 2.cbz"));
        library = Scans.library(http, owner, "Shelf", shelf, Map.of("watch", false));
        Scans.scan(http, owner, library);

        reader = Accounts.newUser(http, Accounts.owner(server, "owner", "pw"), "reader", "file:download").session();
        for (JsonNode m : http.get("/api/v1/media?page_size=100").cookie(owner).send().json().get("data")) {
            books.put(m.get("name").asText(), m.get("id").asText());
        }
        for (JsonNode s : http.get("/api/v1/series?page_size=100").cookie(owner).send().json().get("data")) {
            series.put(s.get("name").asText(), s.get("id").asText());
        }
        for (String name : List.of("a good", "e gone")) {
            assertEquals(200, http.put("/api/v1/media/" + books.get(name) + "/progress").cookie(reader).json(Map.of("page", 1)).send().status());
        }
        Files.delete(gone);
        Scans.scan(http, owner, library);
        for (JsonNode m : http.get("/api/v1/media?page_size=100").cookie(owner).send().json().get("data")) {
            if (!m.get("status").asText().equals("READY")) {
                unreadable.add(m.get("id").asText());
            }
        }
        assertEquals(26, unreadable.size());
        assertEquals("MISSING", status("e gone"));
        assertEquals("ERROR", status("c empty"));
        assertEquals("ERROR", status("d jpeg named cbz"));
        assertEquals("READY", status("b rar named cbz"));
    }

    // ---- OPDS 1.2 ---------------------------------------------------------------------------------

    @Test
    void opds12FeedsListOnlyReadableBooksAndCountOnlyThem() {
        Xml good = atom("/opds/v1.2/series/" + series.get("Good"));
        assertEquals(List.of("a good", "b rar named cbz"), titles(good));
        assertEquals("2", good.text("/atom:feed/os:totalResults"));

        Xml many = atom("/opds/v1.2/series/" + series.get("Many"));
        assertEquals(List.of("ready 1", "ready 2"), titles(many), "22 unreadable books before them are not a page of their own");
        assertEquals("2", many.text("/atom:feed/os:totalResults"));
        assertEquals(0, many.count("/atom:feed/atom:link[@rel='next']"));
        assertTrue(many.text("/atom:feed/atom:link[@rel='last']/@href").endsWith("?page=0"));
        assertEquals(0, titles(atom("/opds/v1.2/series/" + series.get("Many") + "?page=1")).size());

        Xml latest = atom("/opds/v1.2/books/latest");
        assertEquals("4", latest.text("/atom:feed/os:totalResults"));
        assertNoneUnreadable(latest);

        Xml keepReading = atom("/opds/v1.2/keep-reading");
        assertEquals(List.of("a good"), titles(keepReading), "the missing book is not offered to go on reading");
        assertEquals("1", keepReading.text("/atom:feed/os:totalResults"));

        for (String q : List.of("empty", "gone", "jpeg")) {
            Xml found = atom("/opds/v1.2/search/feed?query=" + q);
            assertEquals("0", found.text("/atom:feed/os:totalResults"), q);
            assertEquals(0, found.count("/atom:feed/atom:entry"), q);
        }
        Xml ready = atom("/opds/v1.2/search/feed?query=ready");
        assertEquals(List.of("ready 1", "ready 2"), titles(ready));
    }

    @Test
    void opds12SeriesListsLeaveOutSeriesWithNothingToRead() {
        for (String path : List.of("/opds/v1.2/series", "/opds/v1.2/series/latest", "/opds/v1.2/libraries/" + library)) {
            Xml x = atom(path);
            assertEquals(List.of("Good", "Many"), titles(x).stream().sorted().toList(), path);
            assertEquals("2", x.text("/atom:feed/os:totalResults"), path);
        }
        assertEquals(0, atom("/opds/v1.2/series?search=Broken").count("/atom:feed/atom:entry"));
        assertEquals(0, atom("/opds/v1.2/search/feed?query=Broken").count("/atom:feed/atom:entry"));
    }

    @Test
    void aBookIsDeclaredInTheFormatOfItsContent() {
        Xml good = atom("/opds/v1.2/series/" + series.get("Good"));
        String rar = "/atom:feed/atom:entry[atom:title='b rar named cbz']/atom:link[@rel='http://opds-spec.org/acquisition']";
        assertEquals("application/vnd.comicbook-rar", good.text(rar + "/@type"));
        assertTrue(good.text(rar + "/@href").endsWith("/b%20rar%20named%20cbz.cbr"), good.text(rar + "/@href"));
        String zip = "/atom:feed/atom:entry[atom:title='a good']/atom:link[@rel='http://opds-spec.org/acquisition']";
        assertEquals("application/vnd.comicbook+zip", good.text(zip + "/@type"));

        Http.Res file = http.get(local(good.text(rar + "/@href"))).cookie(reader).send();
        assertEquals(200, file.status());
        assertEquals("application/vnd.comicbook-rar", file.contentType());
        assertTrue(file.header("Content-Disposition").contains("b rar named cbz.cbr"), file.header("Content-Disposition"));
        Http.Res rest = http.get("/api/v1/media/" + books.get("b rar named cbz") + "/file").cookie(reader).send();
        assertEquals("application/vnd.comicbook-rar", rest.contentType());

        JsonNode publication = opds2("/opds/v2.0/books/" + books.get("b rar named cbz"));
        boolean found = false;
        for (JsonNode link : publication.get("links")) {
            if (link.get("rel").asText().equals("http://opds-spec.org/acquisition")) {
                assertEquals("application/vnd.comicbook-rar", link.get("type").asText());
                found = true;
            }
        }
        assertTrue(found, publication.toString());
    }

    @Test
    void booksScannedBeforeTheirFormatWasKeptGetItFromTheNextScanWithoutBeingReadAgain() throws Exception {
        String id = books.get("b rar named cbz");
        try (var c = server.sql(); var st = c.prepareStatement("UPDATE media SET content_format = NULL WHERE id = ?")) {
            st.setString(1, id);
            assertEquals(1, st.executeUpdate());
        }
        assertEquals("application/vnd.comicbook+zip", http.get("/api/v1/media/" + id + "/file").cookie(reader).send().contentType(),
                "until then, the name decides, as before");
        JsonNode job = Scans.scan(http, owner, library);
        assertTrue(job.get("output_data").asText().contains("re-read 0"), job.toString());
        assertEquals("RAR", server.string("SELECT content_format FROM media WHERE id = ?", id));
        assertEquals("application/vnd.comicbook-rar", http.get("/api/v1/media/" + id + "/file").cookie(reader).send().contentType());
    }

    @Test
    void unreadableBooksAre404OnEveryOpdsRoute() {
        for (String id : unreadable) {
            for (String path : List.of("/opds/v1.2/books/" + id + "/file/x.cbz", "/opds/v1.2/books/" + id + "/thumbnail",
                    "/opds/v1.2/books/" + id + "/pages/0", "/opds/v1.2/books/" + id + "/cover",
                    "/opds/v2.0/books/" + id, "/opds/v2.0/books/" + id + "/file", "/opds/v2.0/books/" + id + "/thumbnail",
                    "/opds/v2.0/books/" + id + "/pages/1", "/opds/v2.0/books/" + id + "/progression")) {
                Http.Res r = http.get(path).cookie(reader).header("Range", "bytes=0-99").send();
                assertEquals(404, r.status(), path + " -> " + r);
                assertEquals(404, r.json().get("status").asInt(), path);
            }
            assertEquals(404, http.put("/opds/v2.0/books/" + id + "/progression").cookie(reader)
                    .json(Map.of("locator", Map.of("locations", Map.of("position", 1)))).send().status());
        }
        assertEquals(200, http.get("/opds/v1.2/books/" + books.get("a good") + "/file/a.cbz").cookie(reader).send().status());
    }

    // ---- OPDS 2.0 ---------------------------------------------------------------------------------

    @Test
    void opds2FeedsListOnlyReadableBooksAndCountOnlyThem() {
        JsonNode good = opds2("/opds/v2.0/series/" + series.get("Good"));
        assertEquals(List.of("a good", "b rar named cbz"), publicationTitles(good));
        assertEquals(2, good.get("metadata").get("numberOfItems").asInt());

        JsonNode many = opds2("/opds/v2.0/series/" + series.get("Many"));
        assertEquals(List.of("ready 1", "ready 2"), publicationTitles(many));
        assertEquals(2, many.get("metadata").get("numberOfItems").asInt());
        assertFalse(many.toString().contains("\"next\""), many.toString());

        for (String path : List.of("/opds/v2.0/books/browse", "/opds/v2.0/books/latest", "/opds/v2.0/libraries/" + library + "/books",
                "/opds/v2.0/libraries/" + library + "/books/latest")) {
            JsonNode feed = opds2(path);
            assertEquals(4, feed.get("metadata").get("numberOfItems").asInt(), path);
            assertEquals(4, feed.get("publications").size(), path);
            assertNoneUnreadable(feed.toString());
        }
        JsonNode keepReading = opds2("/opds/v2.0/books/keep-reading");
        assertEquals(List.of("a good"), publicationTitles(keepReading));
        assertEquals(1, keepReading.get("metadata").get("numberOfItems").asInt());

        JsonNode catalog = opds2("/opds/v2.0/catalog");
        assertNoneUnreadable(catalog.toString());
        assertTrue(catalog.toString().contains(books.get("a good")), "the catalog's groups still list readable books");

        for (String path : List.of("/opds/v2.0/series", "/opds/v2.0/libraries/" + library)) {
            JsonNode feed = opds2(path);
            assertEquals(2, feed.get("metadata").get("numberOfItems").asInt(), path);
            assertFalse(feed.toString().contains(series.get("Broken")), path);
        }
        JsonNode none = opds2("/opds/v2.0/search?query=empty");
        assertFalse(none.has("groups"), none.toString());
        JsonNode search = opds2("/opds/v2.0/search?query=good");
        assertNoneUnreadable(search.toString());
        assertTrue(search.toString().contains(books.get("a good")));
    }

    // ---- REST ---------------------------------------------------------------------------------------

    @Test
    void theRestApiListsEveryBookWithItsStatusAndFiltersByIt() {
        JsonNode all = http.get("/api/v1/libraries/" + library + "/media?page_size=100").cookie(owner).send().json();
        assertEquals(books.size(), all.get("data").size());
        for (JsonNode m : all.get("data")) {
            assertTrue(List.of("READY", "ERROR", "MISSING").contains(m.get("status").asText()), m.toString());
        }
        assertEquals(25, count("/api/v1/media?status=ERROR"));
        assertEquals(1, count("/api/v1/media?status=MISSING"));
        assertEquals(4, count("/api/v1/media?status=READY"));
        assertEquals(26, count("/api/v1/media?status=ERROR&status=MISSING"));
        assertEquals(26, count("/api/v1/media?status=error,missing"));
        assertEquals(26, count("/api/v1/media?status=%20Error%20,%20Missing"));
        assertEquals(3, count("/api/v1/series/" + series.get("Good") + "/media?status=ERROR,MISSING"));
        assertEquals(26, count("/api/v1/libraries/" + library + "/media?status=ERROR,MISSING"));
        assertEquals(1, count("/api/v1/media/recently-added?status=MISSING"));
        assertEquals(0, count("/api/v1/media?status=UNKNOWN"));
        JsonNode errors = http.get("/api/v1/media?status=ERROR&page_size=100").cookie(owner).send().json().get("data");
        for (JsonNode m : errors) {
            assertFalse(m.get("error_reason").asText().isBlank(), "each says why: " + m);
        }
        for (String bad : List.of("status=", "status=BROKEN", "status=READY,", "status=,", "status=READY%2CNOPE")) {
            Http.Res r = http.get("/api/v1/media?" + bad).cookie(owner).send();
            assertEquals(400, r.status(), bad + " -> " + r);
            assertTrue(r.json().get("message").asText().contains("READY"), r.toString());
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static long count(String path) {
        JsonNode page = http.get(path + (path.contains("?") ? "&" : "?") + "page_size=1").cookie(owner).send().json();
        return page.get("_page").get("total_pages").asLong();
    }

    private static String status(String name) {
        return http.get("/api/v1/media/" + books.get(name)).cookie(owner).send().json().get("status").asText();
    }

    private static Xml atom(String path) {
        Http.Res r = http.get(path).cookie(reader).send();
        assertEquals(200, r.status(), path + " -> " + r);
        return Xml.parse(r.text());
    }

    private static JsonNode opds2(String path) {
        Http.Res r = http.get(path).cookie(reader).send();
        assertEquals(200, r.status(), path + " -> " + r);
        return r.json();
    }

    private static List<String> titles(Xml x) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= x.count("/atom:feed/atom:entry"); i++) {
            out.add(x.text("/atom:feed/atom:entry[" + i + "]/atom:title"));
        }
        return out;
    }

    private static List<String> publicationTitles(JsonNode feed) {
        List<String> out = new ArrayList<>();
        if (feed.has("publications")) {
            feed.get("publications").forEach(p -> out.add(p.get("metadata").get("title").asText()));
        }
        return out;
    }

    private static void assertNoneUnreadable(Xml x) {
        for (String id : unreadable) {
            assertEquals(0, x.count("/atom:feed/atom:entry[atom:id='urn:uuid:" + id + "']"), id);
        }
    }

    private static void assertNoneUnreadable(String json) {
        for (String id : unreadable) {
            assertFalse(json.contains(id), id + " in " + json);
        }
    }

    /** The path of an absolute feed link, relative to the server's base. */
    private static String local(String href) {
        return href.substring(http.base().toString().length());
    }
}
