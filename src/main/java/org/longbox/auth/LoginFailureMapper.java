package org.longbox.auth;

import org.apache.ibatis.annotations.Param;

/** SQL for {@code login_failures} (LoginFailureMapper.xml). */
public interface LoginFailureMapper {
    /** The count for the name from the client; null when there is none. */
    LoginFailureRow find(@Param("nameHash") String nameHash, @Param("client") String client);

    /** Fails with a unique violation when another request inserted the same count first. */
    void insert(LoginFailureRow row);

    /**
     * Replaces a count only if it still holds {@code failures} and {@code expiresAt} as read (a
     * compare-and-set): rows changed, 0 when another request changed or removed it first.
     */
    int replace(@Param("row") LoginFailureRow row, @Param("failures") int expectedFailures,
                @Param("expiresAt") long expectedExpiresAt);

    /** Rows deleted: the name's count from the client and its count over all clients; 0 when there were none. */
    int deleteForClient(@Param("nameHash") String nameHash, @Param("client") String client,
                        @Param("everyClient") String everyClient);

    /** Rows deleted: every count of the name; 0 when there were none. */
    int deleteForName(@Param("nameHash") String nameHash);

    /** Rows deleted: counts forgotten by {@code now}; 0 when there were none. */
    int deleteExpired(@Param("now") long now);
}
