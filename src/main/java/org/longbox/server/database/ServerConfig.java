package org.longbox.server.database;

import org.apache.ibatis.exceptions.PersistenceException;

import java.util.Optional;

/**
 * Server-wide values kept in the database, one string per name (the JWT signing key, the scan
 * schedule and its last run), shared by every node. Each call joins the caller's transaction when
 * there is one.
 */
public final class ServerConfig {
    /** The width of {@code server_config.value}: the longest value {@link #put} can store. */
    public static final int MAX_VALUE_LENGTH = 4000;

    private final Database db;

    public ServerConfig(Database db) {
        this.db = db;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(db.auto(s -> s.getMapper(ServerConfigMapper.class).find(name)));
    }

    /** Stores the value unless the name is taken; false when another node stored one first. */
    public boolean putIfAbsent(String name, String value) {
        try {
            db.auto(s -> {
                s.getMapper(ServerConfigMapper.class).insert(name, value);
                return null;
            });
            return true;
        } catch (PersistenceException e) {
            if (Database.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Stores the value, replacing any. */
    public void put(String name, String value) {
        db.txVoid(s -> {
            ServerConfigMapper m = s.getMapper(ServerConfigMapper.class);
            if (m.update(name, value) == 0) {
                m.insert(name, value);
            }
        });
    }

    /** Replaces the value only if it is still {@code expected}; false when another node changed it first. */
    public boolean replace(String name, String expected, String value) {
        return db.auto(s -> s.getMapper(ServerConfigMapper.class).replace(name, expected, value)) > 0;
    }
}
