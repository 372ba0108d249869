package org.longbox.library;

import org.apache.ibatis.annotations.Param;
import org.longbox.user.Viewer;

import java.util.List;

/** SQL for {@code series} (SeriesMapper.xml). */
public interface SeriesMapper {
    void insert(SeriesRow row);

    /** Rows changed: 0 when the series is gone. Name, status and series.json metadata. */
    int update(SeriesRow row);

    int updateStatus(@Param("id") String id, @Param("status") FileStatus status, @Param("at") long at);

    /** The series with the viewer's counts when they may see it; null when there is none or it is hidden. */
    /** @param withCounts also the viewer's book counts (two subqueries over the series' books) */
    SeriesRow findVisible(@Param("id") String id, @Param("v") Viewer viewer, @Param("withCounts") boolean withCounts);

    /** Series matching the query; empty when none. */
    List<SeriesRow> list(@Param("q") SeriesQuery query);

    long count(@Param("q") SeriesQuery query);

    /** Every series of a library, for the scanner; empty when none. */
    List<SeriesRow> inLibrary(@Param("libraryId") String libraryId);

    /** Ids of every series of a library; empty when none. */
    List<String> idsInLibrary(@Param("libraryId") String libraryId);

    /** 1 when the series is there, 0 when not. */
    int exists(@Param("id") String id);

    /** Rows deleted: the library's series that hold no book. */
    int deleteEmpty(@Param("libraryId") String libraryId);
}
