package org.longbox.reading;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/** SQL for {@code reading_sessions} and {@code finished_reading_sessions} (ReadingMapper.xml). */
public interface ReadingMapper {
    /** The user's active session on the book; null when there is none. */
    ActiveSessionRow findActive(@Param("userId") String userId, @Param("mediaId") String mediaId);

    void insertActive(ActiveSessionRow row);

    /** Rows changed: 0 when the session is gone. */
    int updateActive(ActiveSessionRow row);

    /** Rows deleted: 0 or 1. */
    int deleteActive(@Param("userId") String userId, @Param("mediaId") String mediaId);

    void insertFinished(FinishedSessionRow row);

    /** The user's finished readings of the books, newest first; empty when none. */
    List<FinishedSessionRow> finishedFor(@Param("userId") String userId, @Param("mediaIds") List<String> mediaIds);

    /** The user's active sessions on the books; empty when none. */
    List<ActiveSessionRow> activeFor(@Param("userId") String userId, @Param("mediaIds") List<String> mediaIds);
}
