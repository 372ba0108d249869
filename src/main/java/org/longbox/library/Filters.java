package org.longbox.library;

import org.longbox.server.errors.ApiException;

import java.util.Locale;
import java.util.Map;

/** Turning request values into safe SQL pieces: LIKE patterns and whitelisted order columns. */
final class Filters {
    private Filters() {
    }

    /** "%text%" in lower case with LIKE's wildcards escaped (ESCAPE '\'); null for blank text. */
    static String contains(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > 200) {
            throw ApiException.badRequest("search may be at most 200 characters");
        }
        return "%" + escape(text.trim().toLowerCase(Locale.ROOT)) + "%";
    }

    /** A pattern matching one whole entry of a line-feed-joined list column. */
    static String listEntry(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return "%\n" + escape(value.trim().toLowerCase(Locale.ROOT)) + "\n%";
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The column for a Stump order_by value; 400 naming the allowed ones otherwise. */
    static String orderColumn(String orderBy, Map<String, String> allowed, String fallback) {
        if (orderBy == null || orderBy.isBlank()) {
            return fallback;
        }
        String column = allowed.get(orderBy.trim().toLowerCase(Locale.ROOT));
        if (column == null) {
            throw ApiException.badRequest("order_by must be one of " + String.join(", ", new java.util.TreeSet<>(allowed.keySet())));
        }
        return column;
    }

    static boolean descending(String direction) {
        if (direction == null || direction.isBlank() || direction.equalsIgnoreCase("asc")) {
            return false;
        }
        if (direction.equalsIgnoreCase("desc")) {
            return true;
        }
        throw ApiException.badRequest("direction must be asc or desc");
    }
}
