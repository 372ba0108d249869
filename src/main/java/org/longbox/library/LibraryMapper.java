package org.longbox.library;

import org.apache.ibatis.annotations.Param;
import org.longbox.user.Viewer;

import java.util.List;

/** SQL for {@code libraries} and who they are hidden from (LibraryMapper.xml). */
public interface LibraryMapper {
    void insert(LibraryRow row);

    /** The library, visible to everyone or not; null when there is none. */
    LibraryRow findById(@Param("id") String id);

    /** The library when the viewer may see it; null when there is none or it is hidden from them. */
    LibraryRow findVisible(@Param("id") String id, @Param("v") Viewer viewer);

    /** Libraries the viewer may see, by name; empty when none. */
    List<LibraryRow> listVisible(@Param("v") Viewer viewer, @Param("offset") long offset, @Param("limit") int limit);

    long countVisible(@Param("v") Viewer viewer);

    /** Every library, for path and watcher checks; empty when none. */
    List<LibraryRow> listAll();

    /** Rows changed: 0 when the library is gone. */
    int update(LibraryRow row);

    /**
     * Locks the library's row until the transaction ends, changing nothing: a clean and each write
     * of a scan take it first, so they never interleave. 0 when the library is gone.
     */
    int lock(@Param("id") String id);

    /** Rows changed: 0 when the library is gone. */
    int updateScanState(@Param("id") String id, @Param("status") FileStatus status, @Param("scannedAt") Long scannedAt,
                        @Param("updatedAt") long updatedAt);

    /** Rows deleted (its series, books and progress go with it through the foreign keys). */
    int delete(@Param("id") String id);

    /** Ids of the users the library is hidden from; empty when none. */
    List<String> hiddenFrom(@Param("libraryId") String libraryId);

    int unhideAll(@Param("libraryId") String libraryId);

    void hide(@Param("libraryId") String libraryId, @Param("userId") String userId);

    void insertScanRecord(ScanRecordRow row);

    /** The library's scans, newest first; empty when none. */
    List<ScanRecordRow> scanRecords(@Param("libraryId") String libraryId, @Param("offset") long offset, @Param("limit") int limit);

    /** Rows deleted. */
    int deleteScanRecords(@Param("libraryId") String libraryId);
}
