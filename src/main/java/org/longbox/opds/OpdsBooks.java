package org.longbox.opds;

import org.longbox.library.Media;
import org.longbox.library.MediaMetadata;
import org.longbox.library.PageTypes;
import org.longbox.media.BookFormat;
import org.longbox.reading.ProgressService;

import java.util.ArrayList;
import java.util.List;

/** What both catalogs say about a book: its title, authors, date, media type and whether its pages stream. */
final class OpdsBooks {
    private OpdsBooks() {
    }

    /** "Series #3: Title", "Series #3", the metadata title, or the file name, whichever the book allows. */
    static String title(Media m) {
        MediaMetadata meta = m.metadata();
        Double n = meta.number();
        String number = n == null ? null : n == Math.floor(n) && !Double.isInfinite(n) ? Long.toString(n.longValue()) : n.toString();
        String series = meta.series();
        String title = meta.title();
        if (series != null && number != null) {
            return series + " #" + number + (title != null && !title.equals(series) ? ": " + title : "");
        }
        return title != null ? title : m.name();
    }

    static List<String> authors(Media m) {
        return new ArrayList<>(m.metadata().writers());
    }

    /** yyyy, yyyy-mm or yyyy-mm-dd from the metadata, or null. */
    static String issued(Media m) {
        MediaMetadata meta = m.metadata();
        if (meta.year() == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(String.format("%04d", meta.year()));
        if (meta.month() != null && meta.month() >= 1 && meta.month() <= 12) {
            sb.append(String.format("-%02d", meta.month()));
            if (meta.day() != null && meta.day() >= 1 && meta.day() <= 31) {
                sb.append(String.format("-%02d", meta.day()));
            }
        }
        return sb.toString();
    }

    /** yyyy-mm-dd when the metadata gives a whole date (OPDS 2 wants a date or nothing), else null. */
    static String fullDate(Media m) {
        String issued = issued(m);
        return issued != null && issued.length() == 10 ? issued : null;
    }

    private static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$");

    /** The language when it is a BCP 47 tag ("en", "pt-BR"), else null ("English" is left out). */
    static String language(Media m) {
        String language = m.metadata().language();
        return language != null && LANGUAGE.matcher(language).matches() ? language : null;
    }

    static String mediaType(Media m) {
        return m.format().map(BookFormat::mediaType).orElse("application/octet-stream");
    }

    static boolean streamable(Media m) {
        return m.readable() && m.pages() > 0 && m.pagesAreImages();
    }

    /** The name the acquisition link offers the file under: with its real format's extension. */
    static String fileName(Media m) {
        return m.downloadName();
    }

    /** The type page {@code number} is served in to reading apps: as the scan found it, WebP as JPEG, JPEG when unknown. */
    static String pageType(Media m, int number) {
        String t = PageTypes.of(m, number);
        return t == null || t.equals("image/webp") ? "image/jpeg" : t;
    }

    /** The one type every page is streamed in (OPDS page streaming declares one), JPEG when unknown. */
    static String streamType(Media m) {
        String t = PageTypes.streamType(m);
        return t == null ? "image/jpeg" : t;
    }

    /** The 1-based page the reader is on, or null. */
    static Integer currentPage(ProgressService.Progress p) {
        return p == null || p.active() == null ? null : p.active().page();
    }
}
