package org.longbox.user;

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
        Set<Permission> permissions) {

    /** Permissions as stored plus everything they imply. */
    public Set<Permission> effectivePermissions() {
        return Permission.withImplied(permissions);
    }
}
