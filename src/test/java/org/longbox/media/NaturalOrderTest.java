package org.longbox.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {
    private static List<String> sorted(String... names) {
        List<String> list = new ArrayList<>(List.of(names));
        Collections.shuffle(list, new java.util.Random(42));
        list.sort(NaturalOrder.INSTANCE);
        return list;
    }

    private static void assertBefore(String first, String second) {
        assertTrue(NaturalOrder.INSTANCE.compare(first, second) < 0, first + " should sort before " + second);
        assertTrue(NaturalOrder.INSTANCE.compare(second, first) > 0, second + " should sort after " + first);
    }

    @Test
    void numbersCompareByValue() {
        assertBefore("page2.jpg", "page10.jpg");
        assertBefore("a1b2", "a1b10");
        assertEquals(List.of("1.jpg", "2.jpg", "9.jpg", "10.jpg", "11.jpg", "100.jpg"),
                sorted("10.jpg", "1.jpg", "100.jpg", "9.jpg", "2.jpg", "11.jpg"));
    }

    @Test
    void caseDoesNotMatterButNumbersDo() {
        assertBefore("Page 9.jpg", "page 10.jpg");
        assertBefore("page 9.jpg", "Page 10.jpg");
        assertBefore("apple", "Banana");
    }

    @Test
    void leadingZerosRankByValue() {
        assertBefore("p007.jpg", "p8.jpg");
        assertBefore("p08.jpg", "p9.jpg");
        assertEquals(List.of("001.jpg", "002.jpg", "010.jpg", "011.jpg"), sorted("011.jpg", "002.jpg", "010.jpg", "001.jpg"));
        // equal values still have a stable, total order
        assertTrue(NaturalOrder.INSTANCE.compare("p01", "p1") != 0);
        assertEquals(0, NaturalOrder.INSTANCE.compare("p01", "p01"));
    }

    @Test
    void hugeNumbersDoNotOverflow() {
        assertBefore("vol 99999999999999999999998", "vol 99999999999999999999999");
        assertBefore("x9", "x123456789012345678901234567890");
    }

    @Test
    void foldersKeepTheirFilesTogether() {
        assertEquals(List.of("ch1/p1.jpg", "ch1/p2.jpg", "ch1-extra/p1.jpg", "ch2/p1.jpg"),
                sorted("ch1-extra/p1.jpg", "ch2/p1.jpg", "ch1/p2.jpg", "ch1/p1.jpg"));
    }

    @Test
    void prefixSortsFirst() {
        assertBefore("page", "page1");
        assertBefore("", "a");
    }
}
