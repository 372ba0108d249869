package org.longbox.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesJsonTest {
    @TempDir
    Path dir;

    private Optional<SeriesMetadata> read(String json) throws Exception {
        Files.writeString(dir.resolve("series.json"), json);
        return SeriesJson.read(dir);
    }

    @Test
    void aMylarSeriesJsonIsRead() throws Exception {
        SeriesMetadata s = read("""
                {"version": "1.0.2", "metadata": {
                  "type": "comicSeries", "publisher": "DC Comics", "imprint": "Vertigo", "name": "Sandman",
                  "comicid": 18028, "year": 1989, "description_text": "Dreams.", "description_formatted": "<p>Dreams.</p>",
                  "volume": "2", "booktype": "Print", "age_rating": "Mature 17+", "collects": [],
                  "ComicImage": "https://x.example/i.jpg", "total_issues": 75, "publication_run": "January 1989 - March 1996",
                  "status": "Ended"}}""").orElseThrow();
        assertEquals(new SeriesMetadata("comicSeries", "Sandman", "Dreams.", "DC Comics", "Vertigo", 18028, 2, "Print",
                "Mature 17+", "Ended"), s);
    }

    @Test
    void theFormattedDescriptionIsUsedAsTextWhenThereIsNoPlainOne() throws Exception {
        SeriesMetadata s = read("""
                {"metadata": {"name": "X", "comicid": "77", "volume": null,
                  "description_text": null, "description_formatted": "<p>One &amp; two</p><p>Three</p>"}}""").orElseThrow();
        assertEquals("One & two\nThree", s.summary());
        assertEquals(77, s.comicId());
        assertEquals(null, s.volume());
    }

    @Test
    void absentMalformedOversizedOrShapelessFilesGiveNothing() throws Exception {
        assertTrue(SeriesJson.read(dir).isEmpty());
        assertTrue(read("{\"metadata\": {\"name\": ").isEmpty());
        assertTrue(read("[1, 2, 3]").isEmpty());
        assertTrue(read("{\"metadata\": \"nope\"}").isEmpty());
        assertTrue(read("{\"metadata\": {\"name\": \"" + "x".repeat(1 << 20) + "\"}}").isEmpty());
        assertTrue(SeriesJson.read(dir.resolve("no such folder")).isEmpty());
    }
}
