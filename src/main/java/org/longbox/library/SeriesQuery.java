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
    /** Only series holding a READY book the viewer may see. */
    public boolean readableOnly;
    public long offset;
    public int limit = 20;
    public String after;
}
