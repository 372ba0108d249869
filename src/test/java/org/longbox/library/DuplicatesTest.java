package org.longbox.library;

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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /api/v1/media/duplicates: books of libraries scanned with generate_file_hashes that share
 * their content hash, as far as the caller may see them.
 */
class DuplicatesTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw").build();
    @TempDir
    static Path root;
    static Http http;
    static String owner;
    static String shelf;
    /** A reader the Vault library is hidden from. */
    static Account outsider;
    /** A reader limited to age 13 (unrated books allowed), who sees every library. */
    static Account kid;

    /**
     * <pre>
     * shelf (hashes): A/Copy, B/Copy Again (X) · A/Different (Y) · A/Lonely (Z) · A/Kid Twin, Adult/Grown Twin (G; Adult is 18+)
     * vault (hashes, hidden from the outsider): V/Vault Copy (X) · V/Lonely Twin (Z) · V/Twin 1, V/Twin 2 (W)
     * plain (no hashes): P/Plain Copy (X)
     * </pre>
     */
    @BeforeAll
    static void scan() throws Exception {
        http = server.http();
        owner = server.ownerSession();
        Path x = book(root.resolve("shelf/A/Copy.cbz"), 1);
        copy(x, root.resolve("shelf/B/Copy Again.cbz"));
        copy(x, root.resolve("vault/V/Vault Copy.cbz"));
        copy(x, root.resolve("plain/P/Plain Copy.cbz"));
        book(root.resolve("shelf/A/Different.cbz"), 2);
        copy(book(root.resolve("shelf/A/Lonely.cbz"), 3), root.resolve("vault/V/Lonely Twin.cbz"));
        copy(book(root.resolve("vault/V/Twin 1.cbz"), 4), root.resolve("vault/V/Twin 2.cbz"));
        copy(book(root.resolve("shelf/A/Kid Twin.cbz"), 5), root.resolve("shelf/Adult/Grown Twin.cbz"));
        Files.writeString(root.resolve("shelf/Adult/series.json"), "{\"metadata\": {\"name\": \"Adult\", \"age_rating\": \"18+\"}}");

        Map<String, Object> hashed = Map.of("generate_file_hashes", true, "watch", false);
        shelf = Scans.library(http, owner, "Shelf", root.resolve("shelf"), hashed);
        String vault = Scans.library(http, owner, "Vault", root.resolve("vault"), hashed);
        String plain = Scans.library(http, owner, "Plain", root.resolve("plain"), Map.of("watch", false));
        Scans.scan(http, owner, shelf);
        Scans.scan(http, owner, vault);
        Scans.scan(http, owner, plain);

        Account ownerAccount = Accounts.owner(server, "owner", "pw");
        outsider = Accounts.newUser(http, ownerAccount, "outsider");
        assertEquals(200, http.post("/api/v1/libraries/" + vault + "/excluded-users").cookie(owner)
                .json(Map.of("user_ids", List.of(outsider.id()))).send().status());
        Http.Res made = http.post("/api/v1/users").cookie(owner).json(Map.of("username", "kid", "password", "pw",
                "permissions", List.of(), "age_restriction", Map.of("age", 13, "restrict_on_unset", false))).send();
        assertEquals(200, made.status(), made.toString());
        kid = new Account(made.json().get("id").asText(), "kid", "pw", Accounts.login(http, "kid", "pw"));
    }

    /** A one-page book whose content depends on {@code seed}. */
    static Path book(Path file, int seed) throws Exception {
        return Books.cbz().page("p.png", Books.png(60, 90, seed)).write(file);
    }

    /** A byte-for-byte copy (writing the same CBZ twice would differ in the entries' times). */
    static Path copy(Path from, Path to) throws Exception {
        Files.createDirectories(to.getParent());
        return Files.copy(from, to);
    }

    @Test
    void identicalFilesInDifferentFoldersAndLibrariesAreDuplicatesGroupedByHash() {
        JsonNode page = duplicates(owner, "?page_size=100");
        Map<String, Set<String>> groups = groups(page.get("data"));
        assertEquals(Set.of(
                Set.of("Copy", "Copy Again", "Vault Copy"),
                Set.of("Lonely", "Lonely Twin"),
                Set.of("Twin 1", "Twin 2"),
                Set.of("Grown Twin", "Kid Twin")), Set.copyOf(groups.values()), groups.toString());
        for (String hash : groups.keySet()) {
            assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        }
        assertEquals(9, page.get("data").size());
        assertEquals(1, page.get("_page").get("total_pages").asInt());
        List<String> hashesInOrder = page.get("data").findValuesAsText("hash");
        assertEquals(hashesInOrder.stream().sorted().toList(), hashesInOrder, "copies are listed together");
    }

    @Test
    void aDifferentFileOrOneScannedWithoutHashesIsNoDuplicate() {
        List<String> names = names(duplicates(owner, "?page_size=100"));
        assertFalse(names.contains("Different"), names.toString());
        assertFalse(names.contains("Plain Copy"), "same bytes, but its library makes no hashes");
        JsonNode plain = http.get("/api/v1/media?search=Plain").cookie(owner).send().json().get("data").get(0);
        assertTrue(plain.get("hash").isNull(), plain.toString());
        JsonNode different = http.get("/api/v1/media?search=Different").cookie(owner).send().json().get("data").get(0);
        assertFalse(different.get("hash").isNull(), "hashed, only unique");
    }

    @Test
    void booksOfAHiddenLibraryAreNeitherListedNorMakeAVisibleBookADuplicate() {
        List<String> seen = names(duplicates(outsider.session(), "?page_size=100"));
        assertEquals(List.of("Copy", "Copy Again", "Grown Twin", "Kid Twin"), seen.stream().sorted().toList(),
                "Lonely's only twin is in the hidden library: to this reader it is unique");
        assertEquals(2, duplicates(outsider.session(), "?page=1&page_size=3").get("_page").get("total_pages").asInt(),
                "4 books, 3 a page: the total counts what the reader sees");
    }

    @Test
    void booksBeyondTheAgeRestrictionAreNeitherListedNorMakeAVisibleBookADuplicate() {
        List<String> seen = names(duplicates(kid.session(), "?page_size=100"));
        assertEquals(List.of("Copy", "Copy Again", "Lonely", "Lonely Twin", "Twin 1", "Twin 2", "Vault Copy"),
                seen.stream().sorted().toList(), "Kid Twin's only twin is rated 18+");
    }

    @Test
    void aCopyThatChangesStopsBeingADuplicateAfterTheRescan() throws Exception {
        Path one = book(root.resolve("shelf/C/Pair 1.cbz"), 6);
        Path two = copy(one, root.resolve("shelf/C/Pair 2.cbz"));
        Scans.scan(http, owner, shelf);
        assertTrue(names(duplicates(owner, "?page_size=100")).containsAll(List.of("Pair 1", "Pair 2")));

        book(two, 7);
        Files.setLastModifiedTime(two, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        Scans.scan(http, owner, shelf);
        List<String> after = names(duplicates(owner, "?page_size=100"));
        assertFalse(after.contains("Pair 1"), after.toString());
        assertFalse(after.contains("Pair 2"), after.toString());
        assertEquals(9, after.size(), "the others are unchanged");
    }

    @Test
    void duplicatesArePagedAndRefuseCursorsAndBadSizes() {
        JsonNode first = duplicates(owner, "?page=1&page_size=4");
        JsonNode third = duplicates(owner, "?page=3&page_size=4");
        assertEquals(4, first.get("data").size());
        assertEquals(1, third.get("data").size(), "9 = 4 + 4 + 1");
        assertEquals(3, first.get("_page").get("total_pages").asInt());
        assertNotEquals(first.get("data").get(0).get("id"), third.get("data").get(0).get("id"));
        assertEquals(20, duplicates(owner, "").get("_page").get("page_size").asInt(), "Stump's default page size");

        for (String bad : List.of("?cursor=x", "?limit=5", "?page_size=0", "?page=-2")) {
            Http.Res r = http.get("/api/v1/media/duplicates" + bad).cookie(owner).send();
            assertEquals(400, r.status(), bad + ": " + r);
            assertEquals(400, r.json().get("status").asInt());
        }
        assertEquals(401, http.get("/api/v1/media/duplicates").send().status());
    }

    private static JsonNode duplicates(String session, String query) {
        Http.Res r = http.get("/api/v1/media/duplicates" + query).cookie(session).send();
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    private static List<String> names(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("data").forEach(m -> out.add(m.get("name").asText()));
        return out;
    }

    private static Map<String, Set<String>> groups(JsonNode data) {
        Map<String, Set<String>> out = new TreeMap<>();
        data.forEach(m -> out.computeIfAbsent(m.get("hash").asText(), h -> new TreeSet<>()).add(m.get("name").asText()));
        return out;
    }
}
