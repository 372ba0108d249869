package org.longbox.media;

import java.util.Comparator;

/**
 * Orders names as a reader expects: case-insensitive, runs of digits compared by their value
 * ("page2" before "page10", "007" equal in rank to "7"), and '/' before any other character so a
 * folder's files stay together. Names equal by these rules fall back to plain string order, so the
 * order is total and stable. Used for page entries and, by the scanner, for file names.
 */
public final class NaturalOrder implements Comparator<String> {
    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int c = compareNatural(a, b);
        return c != 0 ? c : a.compareTo(b);
    }

    private static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int c = compareNumbers(a, skipZeros(a, i, endA), endA, b, skipZeros(b, j, endB), endB);
                if (c != 0) {
                    return c;
                }
                i = endA;
                j = endB;
                continue;
            }
            int c = Integer.compare(rank(ca), rank(cb));
            if (c != 0) {
                return c;
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int rank(int codePoint) {
        return codePoint == '/' ? -1 : Character.toLowerCase(Character.toUpperCase(codePoint));
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && Character.isDigit(s.codePointAt(k))) {
            k += Character.charCount(s.codePointAt(k));
        }
        return k;
    }

    private static int skipZeros(String s, int from, int end) {
        int k = from;
        while (k < end && Character.digit(s.codePointAt(k), 10) == 0) {
            k += Character.charCount(s.codePointAt(k));
        }
        return k;
    }

    /** Both runs are digits without leading zeros: more digits is larger, else the first difference decides. */
    private static int compareNumbers(String a, int i, int endA, String b, int j, int endB) {
        int lengthA = a.codePointCount(i, endA);
        int lengthB = b.codePointCount(j, endB);
        if (lengthA != lengthB) {
            return Integer.compare(lengthA, lengthB);
        }
        while (i < endA) {
            int da = Character.digit(a.codePointAt(i), 10);
            int db = Character.digit(b.codePointAt(j), 10);
            if (da != db) {
                return Integer.compare(da, db);
            }
            i += Character.charCount(a.codePointAt(i));
            j += Character.charCount(b.codePointAt(j));
        }
        return 0;
    }
}
