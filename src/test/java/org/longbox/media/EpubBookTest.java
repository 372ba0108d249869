package org.longbox.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpubBookTest {
    private static final byte[] COVER = Fixtures.jpeg(60, 90);
    private static final String CHAPTER = EpubBuilder.xhtml("<h1>Chapter</h1><p>" + "Words and more words. ".repeat(40) + "</p>");

    @TempDir
    Path dir;

    private Book open(EpubBuilder epub) throws BookException {
        return Books.open(Fixtures.file(dir, "book.epub", epub.build()), Fixtures.SMALL);
    }

    private static final String OPF3 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
              <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:identifier id="uid">urn:uuid:1</dc:identifier>
                <dc:title> The Third Book </dc:title>
                <dc:creator id="c1">Ada Author</dc:creator>
                <meta refines="#c1" property="role" scheme="marc:relators">aut</meta>
                <dc:creator id="c2">Ivy Illustrator</dc:creator>
                <meta refines="#c2" property="role" scheme="marc:relators">ill</meta>
                <dc:creator>Norm Norole</dc:creator>
                <dc:contributor id="c3">Ed Editor</dc:contributor>
                <meta refines="#c3" property="role">edt</meta>
                <meta property="belongs-to-collection" id="set">Some Set</meta>
                <meta refines="#set" property="collection-type">set</meta>
                <meta property="belongs-to-collection" id="s1">The Series</meta>
                <meta refines="#s1" property="collection-type">series</meta>
                <meta refines="#s1" property="group-position">2.5</meta>
                <dc:language>fr</dc:language>
                <dc:description>&lt;p&gt;First &amp;amp; &lt;b&gt;bold&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Second&amp;nbsp;line&amp;#33;&lt;/p&gt;</dc:description>
                <dc:publisher>Third Press</dc:publisher>
                <dc:date>2019-05-14T10:00:00Z</dc:date>
                <dc:subject>Fantasy</dc:subject>
                <dc:subject>Adventure</dc:subject>
                <meta property="schema:typicalAgeRange">12-16</meta>
              </metadata>
              <manifest>
                <item id="cov" href="images/cover.jpg" media-type="image/jpeg" properties="cover-image"/>
                <item id="ch1" href="text/ch%201.xhtml" media-type="application/xhtml+xml"/>
                <item id="ch2" href="text/ch2.xhtml" media-type="application/xhtml+xml"/>
                <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
              </manifest>
              <spine><itemref idref="ch1"/><itemref idref="ch2"/><itemref idref="missing"/></spine>
            </package>""";

    @Test
    void epub3TextBookHasSpinePagesACoverAndFullMetadata() throws Exception {
        EpubBuilder epub = new EpubBuilder().opf("OEBPS/content.opf", OPF3).add("OEBPS/images/cover.jpg", COVER)
                .add("OEBPS/text/ch 1.xhtml", CHAPTER).add("OEBPS/text/ch2.xhtml", CHAPTER);
        try (Book book = open(epub)) {
            assertEquals(BookFormat.EPUB, book.format());
            assertEquals(2, book.pageCount());
            assertEquals("EPUB text pages are not images", assertThrows(BookException.class, () -> book.page(1)).getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> book.page(3));
            assertArrayEquals(COVER, book.cover().orElseThrow().bytes());
            BookMetadata m = book.metadata();
            assertEquals("The Third Book", m.title());
            assertEquals(List.of("Ada Author", "Norm Norole"), m.writers());
            assertEquals(List.of("Ivy Illustrator"), m.pencillers());
            assertEquals(List.of("Ed Editor"), m.editors());
            assertEquals("The Series", m.series());
            assertEquals(2.5, m.number());
            assertEquals("fr", m.language());
            assertEquals("First & bold.\nSecond line!", m.summary());
            assertEquals("Third Press", m.publisher());
            assertEquals(2019, m.year());
            assertEquals(5, m.month());
            assertEquals(14, m.day());
            assertEquals(List.of("Fantasy", "Adventure"), m.genres());
            assertEquals("12-16", m.ageRating());
        }
    }

    @Test
    void epub2WithCalibreSeriesMetaCoverAndAnXhtmlDoctype() throws Exception {
        String opf = """
                <?xml version="1.0" encoding="UTF-8"?>
                <package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="uid">
                  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
                    <dc:title>Second Book</dc:title>
                    <dc:creator opf:role="aut" opf:file-as="Writer, Wanda">Wanda Writer</dc:creator>
                    <dc:creator opf:role="trl">Tom Translator</dc:creator>
                    <dc:date opf:event="modification">2024-01-01</dc:date>
                    <dc:date opf:event="publication">2001-09</dc:date>
                    <meta name="calibre:series" content="Calibre Saga"/>
                    <meta name="calibre:series_index" content="3"/>
                    <meta name="cover" content="my-cover"/>
                  </metadata>
                  <manifest>
                    <item id="my-cover" href="cover.jpeg" media-type="image/jpeg"/>
                    <item id="c1" href="c1.html" media-type="application/xhtml+xml"/>
                  </manifest>
                  <spine toc="ncx"><itemref idref="c1"/></spine>
                </package>""";
        String xhtml11 = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
                <html xmlns="http://www.w3.org/1999/xhtml"><body><p>Text&nbsp;with an entity and many words.</p>
                <img src="cover.jpeg" alt=""/>""" + "<p>More text here.</p>".repeat(20) + "</body></html>";
        try (Book book = open(new EpubBuilder().opf("content.opf", opf).add("cover.jpeg", COVER).add("c1.html", xhtml11))) {
            assertEquals(1, book.pageCount());
            assertThrows(BookException.class, () -> book.page(1));
            assertArrayEquals(COVER, book.cover().orElseThrow().bytes());
            BookMetadata m = book.metadata();
            assertEquals(List.of("Wanda Writer"), m.writers());
            assertEquals("Calibre Saga", m.series());
            assertEquals(3.0, m.number());
            assertEquals(2001, m.year());
            assertEquals(9, m.month());
            assertNull(m.day());
        }
    }

    @Test
    void aFixedLayoutComicEpubHasItsImagesAsPagesInSpineOrder() throws Exception {
        String opf = """
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0">
                  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Manga</dc:title>
                    <meta property="rendition:layout">pre-paginated</meta></metadata>
                  <manifest>
                    <item id="p10" href="xhtml/p10.xhtml" media-type="application/xhtml+xml"/>
                    <item id="p2" href="xhtml/p2.xhtml" media-type="application/xhtml+xml"/>
                    <item id="p3" href="image/p3.webp" media-type="image/webp"/>
                    <item id="i1" href="image/a.png" media-type="image/png"/>
                    <item id="i2" href="image/b.jpg" media-type="image/jpeg"/>
                  </manifest>
                  <spine page-progression-direction="rtl"><itemref idref="p10"/><itemref idref="p2"/><itemref idref="p3"/></spine>
                </package>""";
        String svgPage = EpubBuilder.xhtml("""
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 1 1">
                <image width="1" height="1" xlink:href="../image/b.jpg"/></svg>""");
        EpubBuilder epub = new EpubBuilder().opf("item/standard.opf", opf)
                .add("item/xhtml/p10.xhtml", EpubBuilder.xhtml("<div><img src=\"../image/a.png\" alt=\"page one\"/></div>"))
                .add("item/xhtml/p2.xhtml", svgPage)
                .add("item/image/a.png", Fixtures.png(3, 4)).add("item/image/b.jpg", Fixtures.jpeg(5, 6))
                .add("item/image/p3.webp", Fixtures.webp(7, 8, 0xFF112233));
        try (Book book = open(epub)) {
            assertEquals(3, book.pageCount());
            assertEquals(new Dimensions(3, 4), Images.probe(book.page(1).bytes()));
            assertEquals(new Dimensions(5, 6), Images.probe(book.page(2).bytes()));
            assertEquals("image/webp", book.page(3).mediaType());
            assertEquals(new Dimensions(3, 4), Images.probe(book.cover().orElseThrow().bytes()));
            assertEquals("Manga", book.metadata().title());
        }
    }

    @Test
    void onePageWithTextMakesTheWholeEpubText() throws Exception {
        String opf = """
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata/>
                  <manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>
                    <item id="b" href="b.xhtml" media-type="application/xhtml+xml"/>
                    <item id="i" href="i.png" media-type="image/png"/></manifest>
                  <spine><itemref idref="a"/><itemref idref="b"/></spine></package>""";
        EpubBuilder epub = new EpubBuilder().opf("p.opf", opf).add("i.png", Fixtures.png(2, 2))
                .add("a.xhtml", EpubBuilder.xhtml("<img src=\"i.png\"/>")).add("b.xhtml", CHAPTER);
        try (Book book = open(epub)) {
            assertEquals(2, book.pageCount());
            assertThrows(BookException.class, () -> book.page(1));
            assertTrue(book.cover().isEmpty());
        }
    }

    @Test
    void anOpfWithXxeNeitherLeaksNorFailsTheBook() throws Exception {
        String opf = """
                <?xml version="1.0"?>
                <!DOCTYPE package [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>
                <package xmlns="http://www.idpf.org/2007/opf" version="3.0">
                  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T&xxe;</dc:title></metadata>
                  <manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/></manifest>
                  <spine><itemref idref="a"/></spine></package>""";
        try (Book book = open(new EpubBuilder().opf("p.opf", opf).add("a.xhtml", CHAPTER))) {
            assertEquals(1, book.pageCount());
            String title = String.valueOf(book.metadata().title());
            assertFalse(title.contains("root:"), title);
        }
    }

    @Test
    void brokenPackagingIsRefusedWithTheReason() {
        String opf = "<package xmlns=\"http://www.idpf.org/2007/opf\"><metadata/><manifest/><spine/></package>";
        assertTrue(assertThrows(BookException.class, () -> open(new EpubBuilder().opf("p.opf", opf)
                .remove("META-INF/container.xml"))).getMessage().contains("container.xml"));
        assertTrue(assertThrows(BookException.class, () -> open(new EpubBuilder().opf("p.opf", "<package><oops"))).getMessage()
                .contains("not well-formed"));
        assertTrue(assertThrows(BookException.class, () -> open(new EpubBuilder().opf("p.opf", opf))).getMessage()
                .contains("empty spine"));
        assertTrue(assertThrows(BookException.class, () -> open(new EpubBuilder().opf("p.opf", opf).remove("p.opf")))
                .getMessage().contains("missing"));
    }

    @Test
    void anEpubWithoutMimetypeIsStillAnEpubByItsExtensionAndContainer() throws Exception {
        String opf = OPF3.replace("<spine>", "<spine><itemref idref=\"nav\"/>");
        EpubBuilder epub = new EpubBuilder().withoutMimetype().opf("OEBPS/content.opf", opf)
                .add("OEBPS/nav.xhtml", CHAPTER);
        try (Book book = open(epub)) {
            assertEquals(BookFormat.EPUB, book.format());
            assertEquals(1, book.pageCount());
            assertTrue(book.cover().isEmpty(), "the cover image entry is absent");
        }
    }
}
