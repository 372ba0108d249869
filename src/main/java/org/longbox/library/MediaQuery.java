package org.longbox.library;

import org.longbox.user.Viewer;

import java.util.List;

/**
 * Which books a list asks for, in the terms MediaMapper.xml understands. Built by
 * {@link MediaService} from request parameters, with every free-text value already turned into a
 * LIKE pattern and every order column checked against a fixed list.
 */
public class MediaQuery {
    public Viewer v;
    public String libraryId;
    public String seriesId;
    public List<String> ids;
    public List<String> extensions;
    /** LIKE pattern, lower case, over name, title, series name and writers. */
    public String search;
    /** unread, reading or completed. */
    public String readStatus;
    /** Read status counts anyone's sessions, not just the viewer's (the owner's all-users statistics). */
    public boolean everyonesProgress;
    /** LIKE patterns ("%\nvalue\n%", lower case) for one entry of the line-feed-joined list columns. */
    public String genre;
    public String writer;
    public String publisher;
    public String character;
    public Integer yearFrom;
    public Integer yearTo;
    public List<String> statuses;
    /** A column of media (m.) or series (s.), from the fixed list in MediaService. */
    public String orderColumn = "m.sort_key";
    public boolean descending;
    public long offset;
    /** Rows of the page; 0: all of them. */
    public int limit = 20;
    /** Cursor mode: the id after which to continue (name order only). */
    public String after;

    /** Everything that decides which books the list holds and in what order (not which page). */
    public Object listKey() {
        return java.util.Arrays.asList(v, libraryId, seriesId, ids, extensions, search, readStatus, everyonesProgress,
                genre, writer, publisher, character, yearFrom, yearTo, statuses, orderColumn, descending);
    }

    /** True when a condition reads the book's series: the search (series name) or an age limit (the series' rating). */
    public boolean needsSeries() {
        return search != null || (v != null && !v.unrestricted() && v.maxAge() != null);
    }
}
