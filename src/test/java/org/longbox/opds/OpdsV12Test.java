package org.longbox.opds;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.OpdsSchemas;
import org.longbox.testing.TestClock;
import org.longbox.testing.Xml;
import org.w3c.dom.Element;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OPDS 1.2 under /longbox behind a simulated https proxy, read as a reading app would. */
class OpdsV12Test {
    static final TestClock clock = TestClock.ticking();

    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().contextPath("/longbox").clock(clock).claimedBy("owner", "pw").build();
    @TempDir
    static Path root;
    static OpdsFixture f;
    static Http http;
    static final String PUBLIC = "https://comics.example.org/media/longbox";

    @BeforeAll
    static void build() throws Exception {
        f = OpdsFixture.build(server, root);
        http = server.http();
    }

    /** A request as it arrives from the proxy: https, another host, a path prefix. */
    static Http.Request get(String path, String session) {
        return http.get(path).cookie(session).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "comics.example.org").header("X-Forwarded-Prefix", "/media");
    }

    static Xml feed(String path, String session) {
        Http.Res r = get(path, session).send();
        assertEquals(200, r.status(), path + " -> " + r);
        assertTrue(r.contentType().startsWith("application/atom+xml;profile=opds-catalog;kind="), r.contentType());
        return Xml.parse(r.text());
    }

    static String local(String href) {
        assertTrue(href.startsWith(PUBLIC + "/opds/"), href);
        return href.substring(PUBLIC.length());
    }

    @Test
    void theRootCatalogLinksEverywhereWithAbsoluteProxyUrls() {
        Xml x = feed("/opds/v1.2/catalog", f.reader);
        assertEquals(PUBLIC + "/opds/v1.2/catalog", x.text("/atom:feed/atom:link[@rel='self']/@href"));
        assertEquals(PUBLIC + "/opds/v1.2/catalog", x.text("/atom:feed/atom:link[@rel='start']/@href"));
        assertEquals("application/opensearchdescription+xml", x.text("/atom:feed/atom:link[@rel='search']/@type"));
        List<String> titles = x.nodes("/atom:feed/atom:entry/atom:title").stream().map(Element::getTextContent).toList();
        assertEquals(List.of("Keep reading", "All series", "Latest series", "Latest books", "Libraries"), titles);
        for (String href : x.hrefs()) {
            local(href);
        }
    }

    @Test
    void seriesFeedsArePagedWithFirstPreviousNextLastAndTotals() {
        String id = f.series.get("Long Run");
        Xml first = feed("/opds/v1.2/series/" + id, f.reader);
        assertEquals(20, first.count("/atom:feed/atom:entry"));
        assertEquals("25", first.text("/atom:feed/os:totalResults"));
        assertEquals("20", first.text("/atom:feed/os:itemsPerPage"));
        assertTrue(first.text("/atom:feed/atom:link[@rel='next']/@href").endsWith("/series/" + id + "?page=1"));
        assertTrue(first.text("/atom:feed/atom:link[@rel='last']/@href").endsWith("?page=1"));
        assertEquals(0, first.count("/atom:feed/atom:link[@rel='previous']"));
        assertEquals("Issue 1", first.text("/atom:feed/atom:entry[1]/atom:title"));
        assertEquals("Issue 2", first.text("/atom:feed/atom:entry[2]/atom:title"), "natural order");
        Xml second = feed(local(first.text("/atom:feed/atom:link[@rel='next']/@href")), f.reader);
        assertEquals(5, second.count("/atom:feed/atom:entry"));
        assertEquals("21", second.text("/atom:feed/os:startIndex"));
        assertEquals(0, second.count("/atom:feed/atom:link[@rel='next']"));
        assertTrue(second.text("/atom:feed/atom:link[@rel='previous']/@href").endsWith("?page=0"));
        assertEquals(400, get("/opds/v1.2/series/" + id + "?page=-1", f.reader).send().status());
        assertEquals(0, feed("/opds/v1.2/series/" + id + "?page=99", f.reader).count("/atom:feed/atom:entry"));
    }

    @Test
    void bookEntriesCarryMetadataAndTheRightLinks() throws Exception {
        Xml x = feed("/opds/v1.2/series/" + f.series.get("Saga"), f.reader);
        String e = "/atom:feed/atom:entry[1]";
        assertEquals("Saga #1: The First", x.text(e + "/atom:title"));
        assertEquals("Ann Writer", x.text(e + "/atom:author[1]/atom:name"));
        assertEquals("Bob Writer", x.text(e + "/atom:author[2]/atom:name"));
        assertEquals("Where it begins & more.", x.text(e + "/atom:summary"));
        assertEquals("text", x.text(e + "/atom:summary/@type"));
        assertEquals("en", x.text(e + "/dc:language"));
        assertEquals("2021-03-09", x.text(e + "/dc:issued"));
        assertEquals("urn:uuid:" + f.id("Saga 001"), x.text(e + "/atom:id"));
        String updated = x.text(e + "/atom:updated");
        clock.advance(Duration.ofMillis(1100));
        assertEquals(updated, feed("/opds/v1.2/series/" + f.series.get("Saga"), f.reader).text(e + "/atom:updated"),
                "updated comes from the data, not the clock");

        assertEquals("application/vnd.comicbook+zip", x.text(e + "/atom:link[@rel='http://opds-spec.org/acquisition']/@type"));
        String file = local(x.text(e + "/atom:link[@rel='http://opds-spec.org/acquisition']/@href"));
        assertTrue(file.endsWith("/file/Saga%20001.cbz"), file);
        Http.Res download = get(file, f.reader).send();
        assertEquals(200, download.status());
        assertEquals(206, get(file, f.reader).header("Range", "bytes=0-3").header("If-Range", download.header("ETag")).send().status());
        assertEquals(200, get(file, f.reader).header("Range", "bytes=0-3").header("If-Range", "\"stale\"").send().status(),
                "a stale If-Range gets the whole file");

        String image = local(x.text(e + "/atom:link[@rel='http://opds-spec.org/image']/@href"));
        assertArrayEquals(OpdsFixture.FIRST_PAGE, get(image, f.reader).send().bytes(), "the cover is page 1, not page 2");
        String thumb = local(x.text(e + "/atom:link[@rel='http://opds-spec.org/image/thumbnail']/@href"));
        assertEquals("image/jpeg", get(thumb, f.reader).send().contentType());

        Element pse = x.nodes(e + "/atom:link[@rel='http://vaemendis.net/opds-pse/stream']").get(0);
        assertEquals("3", pse.getAttributeNS("http://vaemendis.net/opds-pse/ns", "count"));
        assertTrue(pse.getAttribute("href").endsWith("/pages/{pageNumber}?maxWidth={maxWidth}"), pse.getAttribute("href"));

        Xml formats = feed("/opds/v1.2/series/" + f.series.get("Formats"), f.reader);
        assertEquals("application/vnd.comicbook-rar", acquisitionType(formats, "Rar Book"));
        assertEquals("application/pdf", acquisitionType(formats, "Paper"));
        assertEquals("application/epub+zip", acquisitionType(formats, "A Novel"));
        assertEquals(0, formats.count("/atom:feed/atom:entry[atom:title='A Novel']/atom:link[@rel='http://vaemendis.net/opds-pse/stream']"),
                "a text EPUB has no page stream");
    }

    @Test
    void streamingPagesRecordsProgressAndTheLastPageFinishesTheBook() throws Exception {
        String book = f.id("Saga 001");
        String stream = streamHref(f.reader, "Saga", "Saga #1: The First");
        Http.Res first = get(local(stream.replace("{pageNumber}", "0").replace("{maxWidth}", "800")), f.reader).send();
        assertEquals(200, first.status());
        assertArrayEquals(OpdsFixture.FIRST_PAGE, first.bytes(), "0-based: page 0 is the first");
        assertEquals(1, http.get("/api/v1/media/" + book + "/progress").cookie(f.reader).send().json().get("page").asInt());
        get(local(stream.replace("{pageNumber}", "1").replace("{maxWidth}", "")), f.reader).send();
        Element pse = Xml.parse(get("/opds/v1.2/series/" + f.series.get("Saga"), f.reader).send().text())
                .nodes("//atom:link[@rel='http://vaemendis.net/opds-pse/stream']").get(0);
        assertEquals("2", pse.getAttributeNS("http://vaemendis.net/opds-pse/ns", "lastRead"),
                "{pageNumber} 1 is the second page, and lastRead counts from 1 (PSE 1.1)");
        assertFalse(pse.getAttributeNS("http://vaemendis.net/opds-pse/ns", "lastReadDate").isEmpty());
        assertTrue(feed("/opds/v1.2/keep-reading", f.reader).text("//atom:entry/atom:title").contains("Saga #1"));

        assertEquals(200, get(local(stream.replace("{pageNumber}", "2").replace("?maxWidth={maxWidth}", "")), f.reader).send().status());
        assertTrue(http.get("/api/v1/media/" + book + "/progress/complete").cookie(f.reader).send().json().get("is_completed").asBoolean());
        assertEquals(400, get(local(stream.replace("{pageNumber}", "3").replace("{maxWidth}", "")), f.reader).send().status());
    }

    @Test
    void streamedPagesAreAlwaysJpegPngOrGifAndHonourMaxWidth() throws Exception {
        Http.Res webp = get("/opds/v1.2/books/" + f.id("Webp Pages") + "/pages/0", f.browser).send();
        assertEquals("image/jpeg", webp.contentType(), "WebP is converted for legacy apps");
        assertTrue(ImageIO.read(new ByteArrayInputStream(webp.bytes())) != null);
        Http.Res pdf = get("/opds/v1.2/books/" + f.id("Paper") + "/pages/1", f.browser).send();
        assertTrue(List.of("image/jpeg", "image/png").contains(pdf.contentType()), pdf.contentType());
        Http.Res narrow = get("/opds/v1.2/books/" + f.id("Paper") + "/pages/0?maxWidth=100", f.browser).send();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(narrow.bytes()));
        assertTrue(img.getWidth() <= 100, "width " + img.getWidth());
        assertEquals(200, get("/opds/v1.2/books/" + f.id("Paper") + "/pages/0?maxWidth=%7BmaxWidth%7D", f.browser).send().status(),
                "an unfilled template is ignored");
    }

    @Test
    void openSearchFindsSeriesAndBooksByTitleSeriesAndAuthor() {
        Http.Res d = get("/opds/v1.2/search", f.reader).send();
        assertTrue(d.contentType().startsWith("application/opensearchdescription+xml"), d.contentType());
        Xml desc = Xml.parse(d.text());
        String template = desc.text("/os:OpenSearchDescription/os:Url/@template");
        assertTrue(template.startsWith(PUBLIC + "/opds/v1.2/search/feed?query={searchTerms}"), template);
        assertEquals("application/atom+xml;profile=opds-catalog;kind=acquisition", desc.text("/os:OpenSearchDescription/os:Url/@type"));

        Xml bySeries = feed(local(template.replace("{searchTerms}", "long%20run")), f.reader);
        assertEquals("Long Run", bySeries.text("/atom:feed/atom:entry[1]/atom:title"));
        assertEquals("26", bySeries.text("/atom:feed/os:totalResults"), "the series and its 25 books");
        Xml byAuthor = feed(local(template.replace("{searchTerms}", "bob")), f.reader);
        assertEquals("Saga #1: The First", byAuthor.text("/atom:feed/atom:entry[1]/atom:title"));
        Xml byTitle = feed(local(template.replace("{searchTerms}", "first")), f.reader);
        assertEquals(1, byTitle.count("/atom:feed/atom:entry"));
        assertEquals(0, feed("/opds/v1.2/search/feed?query=zzzz", f.reader).count("/atom:feed/atom:entry"));
    }

    @Test
    void aReaderNeverSeesInFeedsWhatTheApiWouldHide() {
        String everything = crawl(f.reader, "/opds/v1.2/catalog", 400).toString();
        assertFalse(everything.contains("Secret"), "the hidden library is in no feed");
        assertEquals(0, feed("/opds/v1.2/search/feed?query=secret", f.reader).count("/atom:feed/atom:entry"));
        assertEquals(404, get("/opds/v1.2/books/" + f.id("Secret Book") + "/pages/0", f.reader).send().status());
        assertEquals(404, get("/opds/v1.2/libraries/" + f.hiddenLibrary, f.reader).send().status());

        Xml noDownload = feed("/opds/v1.2/series/" + f.series.get("Saga"), f.browser);
        assertEquals(0, noDownload.count("//atom:link[@rel='http://opds-spec.org/acquisition']"), "left out, not broken");
        assertEquals(1, noDownload.count("//atom:link[@rel='http://vaemendis.net/opds-pse/stream']"));
        assertEquals(403, get("/opds/v1.2/books/" + f.id("Saga 001") + "/file/x.cbz", f.browser).send().status());

        Xml kid = feed("/opds/v1.2/series/" + f.series.get("Formats"), f.kid);
        assertFalse(kid.text("/atom:feed").contains("A Novel"), "unrated, and restrict_on_unset");
        // (not from the latest books: 25 books scanned in one batch share their time, so which come first is open)
        assertEquals("Saga #1: The First", feed("/opds/v1.2/series/" + f.series.get("Saga"), f.kid)
                .text("//atom:entry[atom:title='Saga #1: The First']/atom:title"), "what the restriction allows stays");
    }

    @Test
    void everyLinkOfEveryFeedAnswersBehindTheProxy() {
        Set<String> seen = crawl(f.reader, "/opds/v1.2/catalog", 400);
        assertTrue(seen.size() > 40, "crawled " + seen.size());
    }

    @Test
    void theWholeCatalogAnswersUnderAnApiKeyAndEveryLinkKeepsIt() {
        String keyed = "/opds/" + f.apiKey + "/v1.2/catalog";
        Set<String> seen = crawl(null, keyed, 300);
        for (String href : seen) {
            assertTrue(href.contains("/opds/" + f.apiKey + "/v1.2/"), href);
        }
        assertTrue(seen.stream().anyMatch(h -> h.contains("/pages/")), "page stream links keep the key");
        assertTrue(seen.stream().anyMatch(h -> h.contains("/thumbnail")), "cover links keep the key");
        Http.Res bad = http.get("/opds/stump_nope_nopenopenopenopenopenope/v1.2/catalog").send();
        assertEquals(401, bad.status());
        assertTrue(bad.header("WWW-Authenticate").startsWith("Basic"));
    }

    @Test
    void everyKindOfDocumentIsValidOpds12() {
        OpdsSchemas.assumePresent();
        for (String path : List.of("/opds/v1.2/catalog", "/opds/v1.2/libraries", "/opds/v1.2/libraries/" + f.hiddenLibrary,
                "/opds/v1.2/series", "/opds/v1.2/series/latest", "/opds/v1.2/series/" + f.series.get("Saga"),
                "/opds/v1.2/series/" + f.series.get("Formats"), "/opds/v1.2/series/" + f.series.get("Long Run") + "?page=1",
                "/opds/v1.2/books/latest", "/opds/v1.2/keep-reading", "/opds/v1.2/search/feed?query=saga",
                "/opds/v1.2/search/feed?query=nothing-matches")) {
            Http.Res r = get(path, server.ownerSession()).send();
            assertEquals(200, r.status(), path);
            List<String> errors = OpdsSchemas.atomErrors(r.text());
            assertTrue(errors.isEmpty(), path + ":\n" + String.join("\n", errors) + "\n" + r.text());
        }
        assertTrue(OpdsSchemas.atomErrors("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>").size() > 0,
                "the validator does reject an invalid feed");

        // OpenSearch 1.1 publishes no official schema (and opds.rnc wants an Atom root), so its rules are checked one by one
        Http.Res description = get("/opds/v1.2/search", server.ownerSession()).send();
        assertEquals(200, description.status());
        Xml d = Xml.parse(description.text());
        assertEquals(1, d.count("/os:OpenSearchDescription"), "root OpenSearchDescription in http://a9.com/-/spec/opensearch/1.1/");
        String shortName = d.text("/os:OpenSearchDescription/os:ShortName");
        assertTrue(!shortName.isBlank() && shortName.length() <= 16, "ShortName: 1 to 16 characters, was '" + shortName + "'");
        String about = d.text("/os:OpenSearchDescription/os:Description");
        assertTrue(!about.isBlank() && about.length() <= 1024, "Description: 1 to 1024 characters");
        List<Element> urls = d.nodes("/os:OpenSearchDescription/os:Url[@type='application/atom+xml;profile=opds-catalog;kind=acquisition']");
        assertEquals(1, urls.size(), "one Url for OPDS acquisition results");
        String template = urls.get(0).getAttribute("template");
        assertTrue(template.contains("{searchTerms}"), template);
        Http.Res results = get(local(template.replace("{searchTerms}", "saga")), server.ownerSession()).send();
        assertEquals(200, results.status(), template);
        assertTrue(results.contentType().startsWith("application/atom+xml"), results.contentType());
        List<String> errors = OpdsSchemas.atomErrors(results.text());
        assertTrue(errors.isEmpty(), template + ":\n" + String.join("\n", errors));
    }

    /** Follows every link from {@code start} (as the session, or with no credentials); all must answer 200. */
    static Set<String> crawl(String session, String start, int limit) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(PUBLIC + start));
        while (!todo.isEmpty() && seen.size() < limit) {
            String href = todo.pop();
            if (!seen.add(href)) {
                continue;
            }
            if (href.contains("/file/") && seen.stream().filter(h -> h.contains("/file/")).count() > 5) {
                continue; // a few downloads prove the links; all of them only cost time
            }
            String path = local(href.replace("{pageNumber}", "0").replace("{maxWidth}", "300").replace("{searchTerms}", "saga"));
            Http.Request req = session == null ? http.get(path).header("X-Forwarded-Proto", "https")
                    .header("X-Forwarded-Host", "comics.example.org").header("X-Forwarded-Prefix", "/media") : get(path, session);
            Http.Res r = req.send();
            assertEquals(200, r.status(), href + " -> " + r.status() + " " + (r.contentType() != null && r.contentType().contains("json") ? r.text() : ""));
            String type = r.contentType();
            if (type.startsWith("application/atom+xml") || type.startsWith("application/opensearchdescription+xml")) {
                Xml x = Xml.parse(r.text());
                todo.addAll(x.hrefs());
                for (Element u : x.nodes("//os:Url")) {
                    todo.add(u.getAttribute("template"));
                }
            }
        }
        return seen;
    }

    private static String acquisitionType(Xml x, String title) {
        return x.text("/atom:feed/atom:entry[atom:title='" + title + "']/atom:link[@rel='http://opds-spec.org/acquisition']/@type");
    }

    private static String streamHref(String session, String series, String title) {
        return feed("/opds/v1.2/series/" + f.series.get(series), session)
                .text("/atom:feed/atom:entry[atom:title='" + title + "']/atom:link[@rel='http://vaemendis.net/opds-pse/stream']/@href");
    }
}
