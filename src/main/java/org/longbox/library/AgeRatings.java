package org.longbox.library;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Stump's mapping of age-rating text (ComicInfo AgeRating, series.json age_rating, OPF) to a number. */
public final class AgeRatings {
    private static final Map<String, Integer> NAMED = Map.ofEntries(
            Map.entry("g", 0), Map.entry("pg", 0), Map.entry("all ages", 0), Map.entry("everyone", 0),
            Map.entry("early childhood", 3), Map.entry("everyone 10+", 10), Map.entry("pg-13", 13), Map.entry("teen", 13),
            Map.entry("ma15+", 15), Map.entry("teen+", 16), Map.entry("r", 17), Map.entry("mature 17+", 17),
            Map.entry("m", 18), Map.entry("mature", 18), Map.entry("adults only 18+", 18), Map.entry("r18+", 18),
            Map.entry("x18+", 18));
    private static final Pattern AND_UP = Pattern.compile("^(\\d{1,2})\\s*(and up|\\+)$");
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,2})");

    private AgeRatings() {
    }

    /** The numeric rating, or null when the text says nothing usable ("Unknown", "Rating Pending"). */
    public static Integer parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        Integer named = NAMED.get(t);
        if (named != null) {
            return named;
        }
        Matcher m = AND_UP.matcher(t);
        if (m.matches()) {
            return Integer.parseInt(m.group(1));
        }
        m = NUMBER.matcher(t);
        return m.find() ? Integer.parseInt(m.group(1)) : null;
    }
}
