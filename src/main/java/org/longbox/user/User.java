package org.longbox.user;

import java.util.Collections;
import java.util.Set;

/** A user as the rest of the server sees one: no password hash, permissions parsed. */
public record User(
        String id,
        String username,
        boolean serverOwner,
        String avatarUrl,
        long createdAt,
        Long lastLogin,
        boolean locked,
        Integer maxSessionsAllowed,
        Set<Permission> effectivePermissions,
        AgeRestriction ageRestriction) {

    /**
     * @param permissions as stored; {@link #effectivePermissions()} adds everything they imply,
     *                    worked out once here because every authenticated request reads it, and
     *                    kept read-only in the enum's (documentation) order, so JSON lists come out
     *                    the same every time
     */
    public static User of(String id, String username, boolean serverOwner, String avatarUrl, long createdAt,
                          Long lastLogin, boolean locked, Integer maxSessionsAllowed, Set<Permission> permissions,
                          AgeRestriction ageRestriction) {
        return new User(id, username, serverOwner, avatarUrl, createdAt, lastLogin, locked, maxSessionsAllowed,
                Collections.unmodifiableSet(Permission.withImplied(permissions)), ageRestriction);
    }
}
