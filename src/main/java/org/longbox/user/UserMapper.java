package org.longbox.user;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/** SQL for {@code users} and the server claim (UserMapper.xml). */
public interface UserMapper {
    /** The user with this id, deleted or not; null when there is none. */
    UserRow findById(@Param("id") String id);

    /** The user that is not soft-deleted with this lower-cased username; null when there is none. */
    UserRow findActiveByUsernameKey(@Param("usernameKey") String usernameKey);

    /** True when any user row exists, deleted ones included. */
    boolean anyUser();

    void insert(UserRow row);

    /** Hides from user {@code to} every library hidden from user {@code from}; returns how many (0 when none). */
    int copyHiddenLibraries(@Param("from") String from, @Param("to") String to);

    /** Inserts the single claim row; fails with a unique violation when the server is claimed already. */
    void insertClaim(@Param("userId") String userId, @Param("at") long at);

    /** Not-deleted users ordered by username, a page of them. */
    List<UserRow> listActive(@Param("offset") long offset, @Param("limit") int limit);

    /** Not-deleted users after the user with id {@code after}, ordered by username. */
    List<UserRow> listActiveAfter(@Param("after") String afterId, @Param("limit") int limit);

    long countActive();

    /** Rows changed: 0 when the user does not exist. */
    int updateLastLogin(@Param("id") String id, @Param("at") long at);

    /** Rows changed: 0 when the user does not exist. */
    int updateLocked(@Param("id") String id, @Param("locked") boolean locked);

    /**
     * Writes the columns the patch names. Rows changed: 0 when the user does not exist or is deleted,
     * or no longer has the patch's expected password hash.
     */
    int updateFields(UserPatch patch);

    /** Rows changed: 0 when the user does not exist or is already deleted. */
    int softDelete(@Param("id") String id, @Param("at") long at);

    /** Rows changed: 0 when the user does not exist. */
    int hardDelete(@Param("id") String id);
}
