package org.longbox.opds;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.longbox.testing.Accounts;
import org.longbox.testing.Books;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.OpdsSchemas;
import org.longbox.testing.Scans;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OPDS 2.0 under /longbox behind a simulated https proxy. */
class OpdsV2Test {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().contextPath("/longbox").claimedBy("owner", "pw").build();
    @TempDir
    static Path root;
    static OpdsFixture f;
    static Http http;
    static String searcher;
    static final String PUBLIC = "https://comics.example.org/media/longbox";
    static final String FEED = "https://specs.opds.io/schema/feed.schema.json";
    static final String PUBLICATION = "https://specs.opds.io/schema/publication.schema.json";

    @BeforeAll
    static void build() throws Exception {
        f = OpdsFixture.build(server, root);
        http = server.http();
        needles();
    }

    /**
     * More matches for "needle" than one page holds: 21 series (one with 21 books, the others one
     * each), so 41 books. Hidden from "reader", so the crawls below stay the shared fixture's size;
     * "searcher" sees them.
     */
    static void needles() throws Exception {
        Path dir = Files.createDirectories(root.resolve("needles"));
        for (int s = 1; s <= 21; s++) {
            for (int b = 1; b <= (s == 1 ? 21 : 1); b++) {
                Books.cbz().pages(1).write(dir.resolve(String.format("Needle %02d/Pin %02d.cbz", s, b)));
            }
        }
        String owner = server.ownerSession();
        String library = Scans.library(http, owner, "Needles", dir, null);
        String readerId = http.get("/api/v1/auth/me").cookie(f.reader).send().json().get("id").asText();
        assertEquals(200, http.post("/api/v1/libraries/" + library + "/excluded-users").cookie(owner)
                .json(Map.of("user_ids", List.of(readerId))).send().status());
        Scans.scan(http, owner, library);
        Accounts.createUser(http, owner, "searcher", "pw", "file:download");
        searcher = Accounts.login(http, "searcher", "pw");
    }

    static Http.Request get(String path, String session) {
        Http.Request r = http.get(path).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "comics.example.org").header("X-Forwarded-Prefix", "/media");
        return session == null ? r : r.cookie(session);
    }

    static JsonNode doc(String path, String session) {
        Http.Res r = get(path, session).send();
        assertEquals(200, r.status(), path + " -> " + r);
        return r.json();
    }

    static String local(String href) {
        assertTrue(href.startsWith(PUBLIC + "/opds/"), href);
        return href.substring(PUBLIC.length());
    }

    static String link(JsonNode links, String rel) {
        JsonNode l = linkNode(links, rel);
        return l == null ? null : l.get("href").asText();
    }

    static JsonNode linkNode(JsonNode links, String rel) {
        for (JsonNode l : links) {
            if (l.path("rel").asText().equals(rel)) {
                return l;
            }
        }
        return null;
    }

    @Test
    void theCatalogHasNavigationGroupsSearchAndTheAuthDocument() {
        Http.Res r = get("/opds/v2.0/catalog", f.reader).send();
        assertTrue(r.contentType().startsWith("application/opds+json"), r.contentType());
        JsonNode c = r.json();
        assertEquals(PUBLIC + "/opds/v2.0/catalog", link(c.get("links"), "self"));
        assertEquals(PUBLIC + "/opds/v2.0/search{?query}", link(c.get("links"), "search"));
        assertTrue(c.get("links").toString().contains("\"templated\":true"));
        assertEquals(PUBLIC + "/opds/v2.0/auth", link(c.get("links"), "http://opds-spec.org/auth/document"));
        assertEquals(5, c.get("navigation").size());
        List<String> groups = new ArrayList<>();
        c.get("groups").forEach(g -> groups.add(g.get("metadata").get("title").asText()));
        assertTrue(groups.containsAll(List.of("Libraries", "Latest books")), groups.toString());
        assertFalse(c.toString().contains("Secret"), "hidden library not in the groups");
    }

    @Test
    void feedsArePagedFromOne() {
        JsonNode first = doc("/opds/v2.0/series/" + f.series.get("Long Run"), f.reader);
        assertEquals(20, first.get("publications").size());
        assertEquals(25, first.get("metadata").get("numberOfItems").asInt());
        assertEquals(1, first.get("metadata").get("currentPage").asInt());
        String next = link(first.get("links"), "next");
        assertTrue(next.endsWith("?page=2"), next);
        JsonNode second = doc(local(next), f.reader);
        assertEquals(5, second.get("publications").size());
        assertEquals(null, link(second.get("links"), "next"));
        assertEquals(400, get("/opds/v2.0/series/" + f.series.get("Long Run") + "?page=0", f.reader).send().status());
        JsonNode empty = doc("/opds/v2.0/books/keep-reading", f.browser);
        assertEquals(1, empty.get("navigation").size(), "an empty list still holds a way back");
    }

    @Test
    void aPublicationHasMetadataImagesAcquisitionAndReadingOrder() {
        JsonNode p = doc("/opds/v2.0/books/" + f.id("Saga 001"), f.reader);
        JsonNode m = p.get("metadata");
        assertEquals("Saga #1: The First", m.get("title").asText());
        assertEquals("Ann Writer", m.get("author").get(0).get("name").asText());
        assertEquals("en", m.get("language").asText());
        assertEquals("2021-03-09", m.get("published").asText());
        assertEquals(3, m.get("numberOfPages").asInt());
        assertEquals("Saga", m.get("belongsTo").get("series").get(0).get("name").asText());
        assertEquals("application/vnd.comicbook+zip", p.get("links").findValues("type").stream()
                .map(JsonNode::asText).filter(t -> t.contains("comicbook")).findFirst().orElse(null));
        assertEquals(3, p.get("readingOrder").size());
        String page1 = p.get("readingOrder").get(0).get("href").asText();
        assertArrayEquals(OpdsFixture.FIRST_PAGE, get(local(page1), f.reader).send().bytes(), "1-based: page 1 is the first");
        assertEquals("image/jpeg", get(local(p.get("images").get(0).get("href").asText()), f.reader).send().contentType());
        String file = link(p.get("links"), "http://opds-spec.org/acquisition");
        assertEquals(200, get(local(file), f.reader).send().status());

        JsonNode noDownload = doc("/opds/v2.0/books/" + f.id("Saga 001"), f.browser);
        assertEquals(null, link(noDownload.get("links"), "http://opds-spec.org/acquisition"), "no download link without file:download");
        assertEquals(403, get(local(file), f.browser).send().status());
    }

    @Test
    void acquisitionAndProgressionLinksNameTheAuthenticationDocument() {
        String book = "/books/" + f.id("Saga 001");
        for (String catalog : List.of("/opds/v2.0", "/opds/" + f.apiKey + "/v2.0")) {
            String session = catalog.equals("/opds/v2.0") ? f.reader : null;
            JsonNode inFeed = doc(catalog + "/series/" + f.series.get("Saga"), session).get("publications").get(0);
            for (JsonNode p : List.of(doc(catalog + book, session), inFeed)) {
                for (String rel : List.of("http://opds-spec.org/acquisition", "http://www.cantook.com/api/progression")) {
                    JsonNode authenticate = linkNode(p.get("links"), rel).path("properties").path("authenticate");
                    assertEquals(PUBLIC + catalog + "/auth", authenticate.path("href").asText(), catalog + " " + rel);
                    assertEquals("application/opds-authentication+json", authenticate.path("type").asText());
                }
            }
            Http.Res auth = get(local(PUBLIC + catalog + "/auth"), null).send();
            assertEquals(200, auth.status());
            assertEquals(PUBLIC + catalog + "/auth", auth.json().get("id").asText());
        }
    }

    @Test
    void readiumProgressionRoundTrips() {
        String url = "/opds/v2.0/books/" + f.id("Issue 3") + "/progression";
        assertEquals(204, get(url, f.reader).send().status(), "nothing read yet");
        Http.Res put = http.put(url).cookie(f.reader).header("X-Forwarded-Proto", "https")
                .body("application/vnd.readium.progression+json", ("{\"modified\":\"2026-01-01T00:00:00Z\",\"device\":{\"id\":\"tablet\",\"name\":\"Tablet\"},"
                        + "\"locator\":{\"href\":\"x\",\"type\":\"image/jpeg\",\"locations\":{\"position\":1,\"totalProgression\":0.5}}}").getBytes())
                .send();
        assertEquals(204, put.status(), put.toString());
        JsonNode got = doc(url, f.reader);
        assertEquals(1, got.get("locator").get("locations").get("position").asInt());
        assertEquals("tablet", got.get("device").get("id").asText());
        assertEquals(1, http.get("/api/v1/media/" + f.id("Issue 3") + "/progress").cookie(f.reader).send().json().get("page").asInt());
        http.put(url).cookie(f.reader).json(Map.of("locator", Map.of("locations", Map.of("position", 2)))).send();
        assertTrue(http.get("/api/v1/media/" + f.id("Issue 3") + "/progress/complete").cookie(f.reader).send().json()
                .get("is_completed").asBoolean(), "the last page finishes the book");
        assertEquals(400, http.put(url).cookie(f.reader).json(Map.of("locator", Map.of())).send().status());
        assertEquals(400, http.put(url).cookie(f.reader).json(Map.of("locator", Map.of("locations", Map.of("totalProgression", 3)))).send().status());
        assertEquals(404, http.get("/opds/v2.0/books/" + f.id("Secret Book") + "/progression").cookie(f.reader).send().status());
    }

    @Test
    void searchFindsSeriesAndBooks() {
        JsonNode s = doc("/opds/v2.0/search?query=saga", f.reader);
        assertEquals("Series", s.get("groups").get(0).get("metadata").get("title").asText());
        assertTrue(s.toString().contains("Saga #1: The First"));
        assertFalse(doc("/opds/v2.0/search?query=secret", f.reader).toString().contains("Secret Book"));
    }

    @Test
    void searchIsPagedAndItsPagesReachEveryMatchOnce() {
        Set<String> series = new HashSet<>();
        Set<String> books = new HashSet<>();
        List<Set<String>> groupsByPage = new ArrayList<>();
        String href = PUBLIC + "/opds/v2.0/search?query=needle";
        JsonNode page = null;
        while (href != null) {
            assertTrue(groupsByPage.size() < 5, "runaway paging at " + href);
            page = doc(local(href), searcher);
            int n = groupsByPage.size() + 1;
            assertEquals(n, page.get("metadata").get("currentPage").asInt());
            Set<String> titles = new HashSet<>();
            for (JsonNode g : page.get("groups")) {
                JsonNode m = g.get("metadata");
                titles.add(m.get("title").asText());
                assertEquals(m.get("title").asText().equals("Series") ? 21 : 41, m.get("numberOfItems").asInt(), m.toString());
                assertEquals(20, m.get("itemsPerPage").asInt());
                assertEquals(n, m.get("currentPage").asInt());
                g.path("navigation").forEach(l -> assertTrue(series.add(l.get("href").asText()), "twice: " + l));
                g.path("publications").forEach(p -> assertTrue(books.add(p.get("metadata").get("identifier").asText()), "twice: " + p));
            }
            groupsByPage.add(titles);
            for (String rel : List.of("self", "first", "last")) {
                assertTrue(link(page.get("links"), rel).startsWith(PUBLIC + "/opds/v2.0/search?query=needle&page="), rel);
            }
            if (n > 1) {
                assertEquals(PUBLIC + "/opds/v2.0/search?query=needle&page=" + (n - 1), link(page.get("links"), "previous"));
            }
            if (OpdsSchemas.present()) {
                List<String> errors = OpdsSchemas.jsonErrors(FEED, page);
                assertTrue(errors.isEmpty(), href + ":\n" + String.join("\n", errors));
            }
            href = link(page.get("links"), "next");
        }
        assertEquals(List.of(Set.of("Series", "Books"), Set.of("Series", "Books"), Set.of("Books")), groupsByPage,
                "20 + 1 series, 20 + 20 + 1 books");
        assertEquals(21, series.size());
        assertEquals(41, books.size());
        assertEquals(link(page.get("links"), "self"), link(page.get("links"), "last"), "no next on the last page");

        JsonNode beyond = doc("/opds/v2.0/search?query=needle&page=9", searcher);
        assertEquals(1, beyond.get("navigation").size(), "past the end: a way back, as in the other feeds");
        for (String bad : List.of("0", "-1", "abc")) {
            Http.Res other = get("/opds/v2.0/books/browse?page=" + bad, searcher).send();
            Http.Res search = get("/opds/v2.0/search?query=needle&page=" + bad, searcher).send();
            assertEquals(400, other.status(), bad);
            assertEquals(other.status(), search.status(), bad + ": " + search);
        }
    }

    @Test
    void theAuthenticationDocumentIsPublicAndValid() {
        Http.Res r = get("/opds/v2.0/auth", null).send();
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("application/opds-authentication+json"));
        assertEquals(PUBLIC + "/opds/v2.0/auth", r.json().get("id").asText());
        OpdsSchemas.assumePresent();
        List<String> errors = OpdsSchemas.jsonErrors("https://drafts.opds.io/schema/authentication.schema.json", r.json());
        assertTrue(errors.isEmpty(), errors.toString());
        Http.Res challenge = get("/opds/v2.0/catalog", null).send();
        assertEquals(401, challenge.status());
        assertTrue(OpdsSchemas.jsonErrors("https://drafts.opds.io/schema/authentication.schema.json", challenge.json()).isEmpty());
    }

    @Test
    void everyFeedAndPublicationIsValidOpds2AndEveryLinkAnswers() {
        OpdsSchemas.assumePresent();
        Set<String> seen = crawl(f.reader, "/opds/v2.0/catalog");
        assertTrue(seen.size() > 150, "crawled " + seen.size());
        com.fasterxml.jackson.databind.node.ObjectNode broken = doc("/opds/v2.0/catalog", f.reader).deepCopy();
        broken.remove("links");
        assertFalse(OpdsSchemas.jsonErrors(FEED, broken).isEmpty(), "the validator does reject a feed without links");
    }

    @Test
    void underAnApiKeyEveryLinkKeepsTheKey() {
        Set<String> seen = crawl(null, "/opds/" + f.apiKey + "/v2.0/catalog");
        for (String href : seen) {
            assertTrue(href.contains("/opds/" + f.apiKey + "/v2.0/"), href);
        }
        assertTrue(seen.stream().anyMatch(h -> h.contains("/thumbnail")));
    }

    /**
     * Follows every link until none is new (the fixture's catalog is about 175 links); feeds and
     * publications are validated against the official schemas as they come, all of them.
     */
    static Set<String> crawl(String session, String start) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(PUBLIC + start));
        while (!todo.isEmpty()) {
            assertTrue(seen.size() < 1000, "runaway crawl: 1,000 links and counting");
            String href = todo.pop().replace("{?query}", "?query=saga");
            if (href.contains("/pages/") && !href.endsWith("/pages/1")) {
                continue; // one page per publication is enough; the reading order is checked elsewhere
            }
            if (!seen.add(href)) {
                continue;
            }
            Http.Res r = get(local(href), session).send();
            assertTrue(r.status() == 200 || (r.status() == 204 && href.endsWith("/progression")), href + " -> " + r.status());
            String type = r.contentType() == null ? "" : r.contentType();
            String schema = type.startsWith("application/opds+json") ? FEED
                    : type.startsWith("application/opds-publication+json") ? PUBLICATION : null;
            if (schema != null || type.startsWith("application/opds-authentication+json")) {
                JsonNode doc = r.json();
                // the API-key crawl sees the same documents under other URLs; validating them twice only costs time
                if (schema != null && session != null) {
                    List<String> errors = OpdsSchemas.jsonErrors(schema, doc);
                    assertTrue(errors.isEmpty(), href + ":\n" + String.join("\n", errors) + "\n" + doc);
                }
                doc.findValues("href").forEach(h -> todo.add(h.asText()));
            }
        }
        return seen;
    }
}
