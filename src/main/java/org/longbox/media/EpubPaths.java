package org.longbox.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** Hrefs inside an EPUB (relative, percent-encoded URLs) to archive entry names. */
final class EpubPaths {
    private EpubPaths() {
    }

    /** The folder of an entry, with its trailing '/', or "" at the root. */
    static String folder(String entry) {
        return entry.substring(0, entry.lastIndexOf('/') + 1);
    }

    /**
     * The entry {@code href} points to from {@code folder}, or null when it points outside the
     * book (a scheme such as http:, or more ".." than there are folders).
     */
    static String resolve(String folder, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        String h = href.strip();
        int cut = indexOfAny(h, "#?");
        if (cut >= 0) {
            h = h.substring(0, cut);
        }
        if (h.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return null;
        }
        String joined = h.startsWith("/") ? h.substring(1) : folder + h;
        Deque<String> parts = new ArrayDeque<>();
        for (String segment : joined.split("/", -1)) {
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                parts.addLast(decode(segment));
            }
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }

    /** Percent-decoding as URLs do it ('+' stays '+', unlike form decoding). */
    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int hi = i + 2 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
            int lo = i + 2 < bytes.length ? Character.digit(bytes[i + 2], 16) : -1;
            if (bytes[i] == '%' && hi >= 0 && lo >= 0) {
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
