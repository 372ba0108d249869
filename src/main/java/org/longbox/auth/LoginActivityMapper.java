package org.longbox.auth;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/** SQL for {@code login_activity} (LoginActivityMapper.xml). */
public interface LoginActivityMapper {
    void insert(LoginActivityRow row);

    /** The user's attempts, newest first; empty when none. */
    List<LoginActivityRow> listForUser(@Param("userId") String userId, @Param("offset") long offset, @Param("limit") int limit);

    long countForUser(@Param("userId") String userId);

    /** Everyone's attempts (those with a name that is no user's too), newest first; empty when none. */
    List<LoginActivityRow> listAll(@Param("offset") long offset, @Param("limit") int limit);

    long countAll();

    /** Rows deleted. */
    int deleteAll();
}
