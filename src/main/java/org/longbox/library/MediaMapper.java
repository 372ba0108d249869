package org.longbox.library;

import org.apache.ibatis.annotations.Param;
import org.longbox.user.Viewer;

import java.util.List;

/** SQL for {@code media} (MediaMapper.xml). Every read for a user goes through the viewer's rules. */
public interface MediaMapper {
    void insert(MediaRow row);

    /** Rows changed: 0 when the book is gone. Rewrites everything a scan reads from the file. */
    int updateScanned(MediaRow row);

    /** Rows changed. */
    int updateStatus(@Param("id") String id, @Param("status") FileStatus status, @Param("at") long at);

    /** The book when the viewer may see it; null when there is none or it is hidden from them. */
    MediaRow findVisible(@Param("id") String id, @Param("v") Viewer viewer);

    /** The book with this absolute path when the viewer may see it; null otherwise. */
    MediaRow findVisibleByPath(@Param("path") String path, @Param("v") Viewer viewer);

    /** The book whoever may see it; null when there is none. */
    MediaRow findById(@Param("id") String id);

    /** The ids of one page of the list, in its order; empty when none. */
    List<String> listIds(@Param("q") MediaQuery query);

    /** These books, in no particular order. */
    List<MediaRow> findByIds(@Param("ids") List<String> ids);

    long count(@Param("q") MediaQuery query);

    /** Sum of the sizes of the books matching the query (0 when none). */
    long totalBytes(@Param("q") MediaQuery query);

    /** What the scanner needs of every book of a library: ids, path, size, extension, content format, mtime, status. */
    List<MediaRow> scanState(@Param("libraryId") String libraryId);

    /** Ids of the library's books (for removing their thumbnails); empty when none. */
    List<String> idsInLibrary(@Param("libraryId") String libraryId);

    /** Books the viewer is reading (an active session), last read first, only READY ones when asked; empty when none. */
    List<MediaRow> keepReading(@Param("v") Viewer viewer, @Param("readyOnly") boolean readyOnly, @Param("offset") long offset,
                               @Param("limit") int limit);

    long countKeepReading(@Param("v") Viewer viewer, @Param("readyOnly") boolean readyOnly);

    /** Books that share a hash with another book, by hash; empty when none. */
    List<MediaRow> duplicates(@Param("v") Viewer viewer, @Param("offset") long offset, @Param("limit") int limit);

    long countDuplicates(@Param("v") Viewer viewer);

    /** The first book of the series, in name order, that the viewer has not finished; null when none. */
    MediaRow nextInSeries(@Param("seriesId") String seriesId, @Param("v") Viewer viewer);

    /** Rows changed: 0 when the book is gone. */
    int updateContentFormat(@Param("id") String id, @Param("format") String format);

    /** The library's books marked MISSING, with only id and path filled in; empty when none. */
    List<MediaRow> missingInLibrary(@Param("libraryId") String libraryId);

    /** Rows deleted. */
    int deleteByIds(@Param("ids") List<String> ids);

    /** Page sizes "w,h;w,h;..." of a book; null when not analysed. */
    String dimensions(@Param("mediaId") String mediaId);

    int deleteDimensions(@Param("mediaId") String mediaId);

    void insertDimensions(@Param("mediaId") String mediaId, @Param("dimensions") String dimensions);
}
