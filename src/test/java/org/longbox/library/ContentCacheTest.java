package org.longbox.library;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The short-lived cache of lists and visibility: bounded whatever the keys and values clients cause. */
class ContentCacheTest {
    private static final long MINUTE = 60_000_000_000L;

    private static ContentCache<Object, List<String>> lists(ContentVersion version) {
        // as MediaService builds its cache of book lists
        return new ContentCache<>(version, MINUTE, 500_000, 2_000, List::size, key -> key.toString().length());
    }

    @Test
    void tenThousandDistinctEmptySearchesKeepTheCacheBounded() {
        ContentCache<Object, List<String>> cache = lists(new ContentVersion());
        for (int i = 0; i < 10_000; i++) {
            cache.get(List.of("viewer", "search", "no such book " + i), List::of);
            assertTrue(cache.size() <= 2_000, "at most 2,000 lists held, after " + (i + 1) + " searches: " + cache.size());
        }
    }

    @Test
    void aKeyOfUnboundedRequestTextIsNeverKept() {
        ContentCache<Object, List<String>> cache = lists(new ContentVersion());
        String huge = "x".repeat(ContentCache.MAX_KEY_CHARS + 1);
        int[] loads = new int[1];
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of("a"), cache.get(List.of(huge), () -> {
                loads[0]++;
                return List.of("a");
            }));
        }
        assertEquals(3, loads[0], "asked every time, never remembered");
        assertEquals(0, cache.size());
    }

    @Test
    void aVersionBumpDropsEveryEntryOfTheOldVersion() {
        ContentVersion version = new ContentVersion();
        ContentCache<Object, List<String>> cache = lists(version);
        for (int i = 0; i < 100; i++) {
            cache.get("list " + i, () -> List.of("id"));
        }
        assertEquals(100, cache.size());
        version.bump();
        cache.get("after", () -> List.of("id"));
        assertEquals(1, cache.size(), "the old version's entries are gone, not left to age");
    }

    @Test
    void aKeptValueIsServedUntilTheVersionMoves() {
        ContentVersion version = new ContentVersion();
        ContentCache<Object, List<String>> cache = lists(version);
        List<String> first = cache.get("k", () -> List.of("1"));
        assertSame(first, cache.get("k", () -> List.of("2")), "remembered");
        version.bump();
        assertEquals(List.of("2"), cache.get("k", () -> List.of("2")), "a bump makes it ask again");
    }

    @Test
    void theTotalWeightStaysWithinItsBound() {
        ContentCache<Object, List<String>> cache = new ContentCache<>(new ContentVersion(), MINUTE, 1_000, 2_000,
                List::size, key -> key.toString().length());
        List<String> hundred = java.util.Collections.nCopies(99, "id");
        for (int i = 0; i < 50; i++) {
            cache.get("list " + i, () -> hundred);
            assertTrue(cache.size() <= 10, "1,000 weight / (99 + 1) = at most 10 lists: " + cache.size());
        }
    }
}
