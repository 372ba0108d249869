package org.longbox.auth;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/** SQL for {@code api_keys} (ApiKeyMapper.xml). */
public interface ApiKeyMapper {
    /** Sets {@code row.id}. */
    void insert(ApiKeyRow row);

    /** The key with this short token; null when there is none. */
    ApiKeyRow findByShortToken(@Param("shortToken") String shortToken);

    /** The user's key with this id; null when there is none or it is someone else's. */
    ApiKeyRow findForUser(@Param("id") long id, @Param("userId") String userId);

    /** The user's keys, newest first; empty when none. */
    List<ApiKeyRow> listForUser(@Param("userId") String userId);

    /** Rows changed: 0 when the key is not the user's. */
    int update(ApiKeyRow row);

    /** Rows changed: 0 when the key is gone. */
    int updateSecret(@Param("id") long id, @Param("shortToken") String shortToken, @Param("longTokenHash") String hash);

    /** Rows changed: 0 when the key is gone. */
    int touch(@Param("id") long id, @Param("at") long at);

    /** Rows deleted: 0 when the key is not the user's. */
    int deleteForUser(@Param("id") long id, @Param("userId") String userId);

    /** Rows deleted: 0 when the user has no key. */
    int deleteAllForUser(@Param("userId") String userId);
}
