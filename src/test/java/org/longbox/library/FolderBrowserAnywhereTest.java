package org.longbox.library;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The folder browser without STUMP_LIBRARY_ROOTS: it starts at the file system's root, as Stump's does. */
class FolderBrowserAnywhereTest {
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().claimedBy("owner", "pw").build();
    @TempDir
    static Path dir;

    @Test
    void withoutRootsTheBrowserStartsAtTheTopAndGoesAnywhereVisible() throws Exception {
        Http http = server.http();
        JsonNode top = http.post("/api/v1/filesystem").cookie(server.ownerSession()).json(Map.of()).send().json();
        assertTrue(top.get("data").get("parent").isNull(), top.toString());
        List<String> names = top.get("data").get("files").findValuesAsText("name");
        assertTrue(names.contains("tmp"), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.startsWith(".")), names.toString());
        assertEquals(names.size(), top.get("data").get("files").findValuesAsText("path").stream().filter(p -> p.startsWith("/")).count());

        Files.createDirectories(dir.resolve("Comics"));
        Path real = dir.toRealPath();
        JsonNode here = http.post("/api/v1/filesystem").cookie(server.ownerSession()).json(Map.of("path", dir.toString())).send().json();
        assertEquals(real.getParent().toString(), here.get("data").get("parent").asText());
        assertEquals(List.of(real.resolve("Comics").toString()), here.get("data").get("files").findValuesAsText("path"));
        assertFalse(here.get("data").get("files").get(0).get("is_directory").isMissingNode());
    }
}
