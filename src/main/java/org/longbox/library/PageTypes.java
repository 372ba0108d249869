package org.longbox.library;

/**
 * The true type of each page of a book, found by the scan ({@code media.page_types}): one letter a
 * page, {@code j} JPEG, {@code p} PNG, {@code g} GIF, {@code w} WebP, {@code ?} not looked at (PDF
 * pages, compressed RAR pages). Null for books scanned before types were kept, or without pages.
 */
public final class PageTypes {
    public static final char UNKNOWN = '?';
    /** Books with more pages keep no types (the column's size). */
    public static final int MAX_PAGES = 32000;

    private PageTypes() {
    }

    public static char letter(String mediaType) {
        return switch (mediaType) {
            case "image/jpeg" -> 'j';
            case "image/png" -> 'p';
            case "image/gif" -> 'g';
            case "image/webp" -> 'w';
            default -> UNKNOWN;
        };
    }

    /** Page {@code number}'s (1-based) type, or null when unknown. */
    public static String of(Media m, int number) {
        String types = m.pageTypes();
        if (types == null || number < 1 || number > types.length()) {
            return null;
        }
        return switch (types.charAt(number - 1)) {
            case 'j' -> "image/jpeg";
            case 'p' -> "image/png";
            case 'g' -> "image/gif";
            case 'w' -> "image/webp";
            default -> null;
        };
    }

    /**
     * The one type a reading app is told all pages come in (OPDS page streaming declares a single
     * type): WebP counts as JPEG, which it is converted to; GIF only when every page is one;
     * otherwise the more common of JPEG and PNG. Null when any page's type is unknown.
     */
    public static String streamType(Media m) {
        String types = m.pageTypes();
        if (types == null || types.isEmpty() || types.indexOf(UNKNOWN) >= 0) {
            return null;
        }
        int jpeg = 0;
        int png = 0;
        int gif = 0;
        for (int i = 0; i < types.length(); i++) {
            switch (types.charAt(i)) {
                case 'p' -> png++;
                case 'g' -> gif++;
                default -> jpeg++;
            }
        }
        if (gif == types.length()) {
            return "image/gif";
        }
        return png > jpeg ? "image/png" : "image/jpeg";
    }
}
