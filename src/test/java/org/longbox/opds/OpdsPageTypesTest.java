package org.longbox.opds;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.longbox.media.Fixtures;
import org.longbox.media.Images;
import org.longbox.testing.Books;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.Scans;
import org.longbox.testing.Xml;
import org.w3c.dom.Element;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every image link in the catalogs declares the type the server then sends (PSE: "type MUST
 * indicate the type of image returned"), whatever the book holds: PNG, GIF, WebP or a mix.
 */
class OpdsPageTypesTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw").build();
    @TempDir
    static Path root;
    static Http http;
    static String owner;
    static String seriesId;
    static final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    static void scan() throws Exception {
        http = server.http();
        owner = server.ownerSession();
        Path dir = root.resolve("Types");
        Books.cbz().page("1.png", Fixtures.png(30, 40)).page("2.png", Fixtures.png(31, 40)).write(dir.resolve("png.cbz"));
        Books.cbz().page("1.png", Fixtures.png(30, 40)).page("2.jpg", Fixtures.jpeg(32, 40)).page("3.jpg", Fixtures.jpeg(33, 40))
                .write(dir.resolve("mixed.cbz"));
        Books.cbz().page("1.webp", Fixtures.webp(30, 40, 0xff3366cc)).page("2.webp", Fixtures.webp(30, 40, 0xff112233))
                .write(dir.resolve("webp.cbz"));
        Books.cbz().page("1.gif", Fixtures.gif(30, 40)).page("2.gif", Fixtures.gif(30, 41)).write(dir.resolve("gif.cbz"));
        String lib = Scans.library(http, owner, "Types", root, null);
        Scans.scan(http, owner, lib);
        for (JsonNode m : http.get("/api/v1/media?page_size=50").cookie(owner).send().json().get("data")) {
            ids.put(m.get("name").asText(), m.get("id").asText());
            seriesId = m.get("series_id").asText();
        }
        assertEquals(4, ids.size());
    }

    @Test
    void pageStreamsCoversAndThumbnailsAreTheDeclaredType() {
        Map<String, String> stream = Map.of("png", "image/png", "mixed", "image/jpeg", "webp", "image/jpeg", "gif", "image/gif");
        Map<String, String> cover = Map.of("png", "image/png", "mixed", "image/png", "webp", "image/jpeg", "gif", "image/gif");
        Xml x = Xml.parse(http.get("/opds/v1.2/series/" + seriesId).cookie(owner).send().text());
        List<Element> entries = x.nodes("/atom:feed/atom:entry");
        assertEquals(4, entries.size());
        for (int e = 1; e <= entries.size(); e++) {
            String entry = "/atom:feed/atom:entry[" + e + "]";
            String id = x.text(entry + "/atom:id").substring("urn:uuid:".length());
            String name = ids.entrySet().stream().filter(i -> i.getValue().equals(id)).findFirst().orElseThrow().getKey();
            String pse = entry + "/atom:link[@rel='http://vaemendis.net/opds-pse/stream']";
            assertEquals(stream.get(name), x.text(pse + "/@type"), name);
            int count = Integer.parseInt(x.text(pse + "/@pse:count"));
            for (int n = 0; n < count; n++) {
                String href = x.text(pse + "/@href").replace("{pageNumber}", Integer.toString(n)).replace("{maxWidth}", "");
                assertServed(href, stream.get(name), name + " page " + n);
            }
            String image = entry + "/atom:link[@rel='http://opds-spec.org/image']";
            assertEquals(cover.get(name), x.text(image + "/@type"), name);
            assertServed(x.text(image + "/@href"), cover.get(name), name + " cover");
            String thumbnail = entry + "/atom:link[@rel='http://opds-spec.org/image/thumbnail']";
            assertEquals("image/jpeg", x.text(thumbnail + "/@type"), name);
            assertServed(x.text(thumbnail + "/@href"), "image/jpeg", name + " thumbnail");
        }
    }

    @Test
    void theReadingOrderGivesEachPagesOwnType() {
        Map<String, List<String>> expected = Map.of(
                "png", List.of("image/png", "image/png"),
                "mixed", List.of("image/png", "image/jpeg", "image/jpeg"),
                "webp", List.of("image/jpeg", "image/jpeg"),
                "gif", List.of("image/gif", "image/gif"));
        for (Map.Entry<String, List<String>> book : expected.entrySet()) {
            JsonNode p = http.get("/opds/v2.0/books/" + ids.get(book.getKey())).cookie(owner).send().json();
            JsonNode order = p.get("readingOrder");
            assertEquals(book.getValue().size(), order.size(), book.getKey());
            for (int i = 0; i < order.size(); i++) {
                assertEquals(book.getValue().get(i), order.get(i).get("type").asText(), book.getKey() + " page " + (i + 1));
                assertServed(order.get(i).get("href").asText(), book.getValue().get(i), book.getKey() + " page " + (i + 1));
            }
        }
    }

    /** The link answers with the type it declared, in the header and in the bytes. */
    private static void assertServed(String href, String type, String what) {
        String base = http.base().toString().replaceAll("/$", "");
        assertTrue(href.startsWith(base), href);
        Http.Res r = http.get(href.substring(base.length())).cookie(owner).send();
        assertEquals(200, r.status(), what + ": " + r);
        assertEquals(type, r.contentType(), what);
        assertEquals(type, Images.sniff(r.bytes()), what + ": the bytes");
    }
}
