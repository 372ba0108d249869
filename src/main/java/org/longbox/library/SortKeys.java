package org.longbox.library;

import java.util.Locale;

/**
 * A text that sorts as people expect names to ("Issue 2" before "Issue 10"): lower case, with every
 * run of digits zero-padded to 12 places. Stored beside the name so the database can order by it.
 */
public final class SortKeys {
    private static final int WIDTH = 12;
    private static final int MAX = 1100;

    private SortKeys() {
    }

    public static String of(String name) {
        String s = name.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length() + 16);
        int i = 0;
        while (i < s.length() && out.length() < MAX) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                int start = i;
                while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
                String digits = s.substring(start, i).replaceFirst("^0+(?=.)", "");
                if (digits.length() < WIDTH) {
                    out.append("0".repeat(WIDTH - digits.length()));
                }
                out.append(digits);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.length() > MAX ? out.substring(0, MAX) : out.toString();
    }
}
