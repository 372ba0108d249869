package org.longbox.library;

import org.longbox.user.Viewer;

import java.util.List;

/** Which series a list asks for (SeriesMapper.xml); built by {@link SeriesService}. */
public class SeriesQuery {
    public Viewer v;
    public String libraryId;
    public List<String> ids;
    /** LIKE pattern, lower case, over the name and the series.json title. */
    public String search;
    public String orderColumn = "s.name_key";
    public boolean descending;
    public boolean withCounts;
    public long offset;
    public int limit = 20;
    public String after;
}
