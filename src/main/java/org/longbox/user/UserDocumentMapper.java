package org.longbox.user;

import org.apache.ibatis.annotations.Param;

/** SQL for {@code user_documents} (UserDocumentMapper.xml). */
public interface UserDocumentMapper {
    /** The JSON text stored under the name; null when there is none. */
    String find(@Param("userId") String userId, @Param("name") String name);

    /** Rows changed: 0 when nothing is stored under the name yet. */
    int update(@Param("userId") String userId, @Param("name") String name, @Param("value") String value, @Param("at") long at);

    void insert(@Param("userId") String userId, @Param("name") String name, @Param("value") String value, @Param("at") long at);
}
