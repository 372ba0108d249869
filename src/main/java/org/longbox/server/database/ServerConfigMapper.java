package org.longbox.server.database;

import org.apache.ibatis.annotations.Param;

/** SQL for {@code server_config}, server-wide values such as the JWT signing key (ServerConfigMapper.xml). */
public interface ServerConfigMapper {
    /** The value stored under this name; null when there is none. */
    String find(@Param("name") String name);

    /** Fails with a unique violation when the name is taken (another node got there first). */
    void insert(@Param("name") String name, @Param("value") String value);

    /** Rows changed: 0 when the name is not stored. */
    int update(@Param("name") String name, @Param("value") String value);

    /** Rows changed: 0 when the stored value is no longer {@code expected} (another node changed it first). */
    int replace(@Param("name") String name, @Param("expected") String expected, @Param("value") String value);
}
