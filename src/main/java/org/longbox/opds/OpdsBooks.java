package org.longbox.opds;

import org.longbox.library.FileStatus;
import org.longbox.library.MediaRow;
import org.longbox.library.PageTypes;
import org.longbox.media.BookFormat;
import org.longbox.reading.ProgressService;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What both catalogs say about a book: its title, authors, date, media type and whether its pages stream. */
final class OpdsBooks {
    private OpdsBooks() {
    }

    /** "Series #3: Title", "Series #3", the metadata title, or the file name, whichever the book allows. */
    static String title(MediaRow m) {
        String number = m.number == null ? null : m.number == Math.floor(m.number) && !Double.isInfinite(m.number)
                ? Long.toString(m.number.longValue()) : m.number.toString();
        String series = m.seriesName;
        if (series != null && number != null) {
            return series + " #" + number + (m.title != null && !m.title.equals(series) ? ": " + m.title : "");
        }
        return m.title != null ? m.title : m.name;
    }

    static List<String> authors(MediaRow m) {
        return m.writers == null ? List.of() : new ArrayList<>(Arrays.asList(m.writers.split("\n")));
    }

    /** yyyy, yyyy-mm or yyyy-mm-dd from the metadata, or null. */
    static String issued(MediaRow m) {
        if (m.releaseYear == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(String.format("%04d", m.releaseYear));
        if (m.releaseMonth != null && m.releaseMonth >= 1 && m.releaseMonth <= 12) {
            sb.append(String.format("-%02d", m.releaseMonth));
            if (m.releaseDay != null && m.releaseDay >= 1 && m.releaseDay <= 31) {
                sb.append(String.format("-%02d", m.releaseDay));
            }
        }
        return sb.toString();
    }

    /** yyyy-mm-dd when the metadata gives a whole date (OPDS 2 wants a date or nothing), else null. */
    static String fullDate(MediaRow m) {
        String issued = issued(m);
        return issued != null && issued.length() == 10 ? issued : null;
    }

    private static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$");

    /** The language when it is a BCP 47 tag ("en", "pt-BR"), else null ("English" is left out). */
    static String language(MediaRow m) {
        return m.language != null && LANGUAGE.matcher(m.language).matches() ? m.language : null;
    }

    static String mediaType(MediaRow m) {
        return BookFormat.ofFileName("x." + m.extension).map(BookFormat::mediaType).orElse("application/octet-stream");
    }

    static boolean streamable(MediaRow m) {
        return FileStatus.READY.name().equals(m.status) && m.pages > 0 && m.pagesAreImages;
    }

    static String fileName(MediaRow m) {
        return m.name + (m.extension.isEmpty() ? "" : "." + m.extension);
    }

    /** The type page {@code number} is served in to reading apps: as the scan found it, WebP as JPEG, JPEG when unknown. */
    static String pageType(MediaRow m, int number) {
        String t = PageTypes.of(m, number);
        return t == null || t.equals("image/webp") ? "image/jpeg" : t;
    }

    /** The one type every page is streamed in (OPDS page streaming declares one), JPEG when unknown. */
    static String streamType(MediaRow m) {
        String t = PageTypes.streamType(m);
        return t == null ? "image/jpeg" : t;
    }

    /** The 1-based page the reader is on, or null. */
    static Integer currentPage(ProgressService.Progress p) {
        return p == null || p.active() == null ? null : p.active().page;
    }
}
