package org.longbox.user;

import java.util.Collections;
import java.util.EnumSet;
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
        Set<Permission> permissions,
        Set<Permission> effectivePermissions,
        AgeRestriction ageRestriction) {

    /**
     * @param permissions as stored; {@link #effectivePermissions()} adds everything they imply,
     *                    worked out once here because every authenticated request reads it
     */
    public static User of(String id, String username, boolean serverOwner, String avatarUrl, long createdAt,
                          Long lastLogin, boolean locked, Integer maxSessionsAllowed, Set<Permission> permissions,
                          AgeRestriction ageRestriction) {
        Set<Permission> stored = ordered(permissions);
        return new User(id, username, serverOwner, avatarUrl, createdAt, lastLogin, locked, maxSessionsAllowed, stored,
                ordered(Permission.withImplied(stored)), ageRestriction);
    }

    /** Read-only, in the enum's (documentation) order, so JSON lists come out the same every time. */
    private static Set<Permission> ordered(Set<Permission> perms) {
        EnumSet<Permission> copy = EnumSet.noneOf(Permission.class);
        copy.addAll(perms);
        return Collections.unmodifiableSet(copy);
    }
}
