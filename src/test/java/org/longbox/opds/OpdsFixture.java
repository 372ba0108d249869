package org.longbox.opds;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.longbox.media.Fixtures;
import org.longbox.media.RarWriter;
import org.longbox.testing.Accounts;
import org.longbox.testing.Books;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.Scans;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The library both OPDS test classes read: a series with full ComicInfo, a 25-book series (two
 * pages of 20), every format, a WebP-page comic, a library hidden from the reader, and users:
 * "reader" (file:download), "browser" (no download), "kid" (age 13, unrated hidden).
 */
final class OpdsFixture {
    final Map<String, JsonNode> books = new HashMap<>();
    final Map<String, String> series = new HashMap<>();
    String reader;
    String browser;
    String kid;
    String hiddenLibrary;
    String apiKey;
    static final byte[] FIRST_PAGE = Books.png(60, 90, 1);
    static final byte[] SECOND_PAGE = Books.png(60, 90, 2);

    static OpdsFixture build(LongboxServer server, Path root) throws Exception {
        OpdsFixture f = new OpdsFixture();
        Http http = server.http();
        String owner = server.ownerSession();
        Path open = Files.createDirectories(root.resolve("open"));
        Books.cbz().page("p01.png", FIRST_PAGE).page("p02.png", SECOND_PAGE).page("p03.png", Books.png(60, 90, 3))
                .entry("ComicInfo.xml", "<ComicInfo><Title>The First</Title><Series>Saga</Series><Number>1</Number>"
                        + "<Writer>Ann Writer, Bob Writer</Writer><Summary>Where it begins &amp; more.</Summary>"
                        + "<LanguageISO>en</LanguageISO><Year>2021</Year><Month>3</Month><Day>9</Day><AgeRating>Teen</AgeRating></ComicInfo>")
                .write(open.resolve("Saga/Saga 001.cbz"));
        for (int i = 1; i <= 25; i++) {
            Books.cbz().pages(2).comicInfo(null, null, null, null, "Everyone").write(open.resolve("Long Run/Issue " + i + ".cbz"));
        }
        Books.cbz().page("a.webp", Fixtures.webp(40, 40, 0xff336699)).page("b.webp", Fixtures.webp(40, 40, 0xff993366))
                .comicInfo(null, null, null, null, "Everyone").write(open.resolve("Formats/Webp Pages.cbz"));
        Files.write(open.resolve("Formats/Rar Book.cbr"), RarWriter.rar5(List.of(RarWriter.Entry.stored("1.png", FIRST_PAGE),
                RarWriter.Entry.stored("ComicInfo.xml", "<ComicInfo><AgeRating>Everyone</AgeRating></ComicInfo>".getBytes())), false, false));
        try (PDDocument pdf = new PDDocument()) {
            pdf.addPage(new PDPage(PDRectangle.A5));
            pdf.addPage(new PDPage(PDRectangle.A5));
            pdf.save(open.resolve("Formats/Paper.pdf").toFile());
        }
        Books.epub(open.resolve("Formats/Novel.epub"), "A Novel", "Nora Author", 3);
        Path secret = Files.createDirectories(root.resolve("secret"));
        Books.cbz().pages(2).comicInfo("Secret Title", null, null, null, "Everyone").write(secret.resolve("Hidden/Secret Book.cbz"));

        String openLib = Scans.library(http, owner, "Open", open, null);
        f.hiddenLibrary = Scans.library(http, owner, "Secret", secret, null);
        Scans.scan(http, owner, openLib);
        Scans.scan(http, owner, f.hiddenLibrary);

        String readerId = Accounts.createUser(http, owner, "reader", "pw", "file:download", "feature:api_keys").get("id").asText();
        Accounts.createUser(http, owner, "browser", "pw");
        http.post("/api/v1/users").cookie(owner).json(Map.of("username", "kid", "password", "pw",
                "age_restriction", Map.of("age", 13, "restrict_on_unset", true))).send();
        http.post("/api/v1/libraries/" + f.hiddenLibrary + "/excluded-users").cookie(owner)
                .json(Map.of("user_ids", List.of(readerId))).send();
        f.reader = Accounts.login(http, "reader", "pw");
        f.browser = Accounts.login(http, "browser", "pw");
        f.kid = Accounts.login(http, "kid", "pw");
        f.apiKey = http.post("/api/v1/api-keys").cookie(f.reader).json(Map.of("name", "app", "permissions", "inherit"))
                .send().json().get("api_key").asText();
        http.get("/api/v1/media?page_size=100").cookie(owner).send().json().get("data")
                .forEach(m -> f.books.put(m.get("name").asText(), m));
        http.get("/api/v1/series?page_size=100").cookie(owner).send().json().get("data")
                .forEach(s -> f.series.put(s.get("name").asText(), s.get("id").asText()));
        return f;
    }

    String id(String book) {
        return books.get(book).get("id").asText();
    }
}
