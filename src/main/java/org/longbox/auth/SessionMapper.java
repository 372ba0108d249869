package org.longbox.auth;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/** SQL for {@code sessions} (SessionMapper.xml). */
public interface SessionMapper {
    void insert(SessionRow row);

    /** The unexpired session with this token hash; null when there is none or it has expired. */
    SessionRow findLive(@Param("tokenHash") String tokenHash, @Param("now") long now);

    /** The user's unexpired sessions, the one that expires first first. */
    List<SessionRow> listLiveForUser(@Param("userId") String userId, @Param("now") long now);

    /** Rows changed: 0 when the session is gone. */
    int extend(@Param("id") String id, @Param("expiresAt") long expiresAt);

    /** Rows deleted: 0 or 1. */
    int deleteById(@Param("id") String id);

    /** Rows deleted: 0 or 1. */
    int deleteByTokenHash(@Param("tokenHash") String tokenHash);

    /** Rows deleted. */
    int deleteForUser(@Param("userId") String userId);

    /** Rows deleted: every session of the user but {@code keepId} (which may be null). */
    int deleteForUserExcept(@Param("userId") String userId, @Param("keepId") String keepId);

    /** Rows deleted: the sessions whose expiry is not after {@code now}. */
    int deleteExpired(@Param("now") long now);

    /** Unexpired sessions of the user. */
    int countLiveForUser(@Param("userId") String userId, @Param("now") long now);
}
