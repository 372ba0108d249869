package org.longbox.auth;

import org.longbox.user.Permission;

import java.util.Set;

/** An API key's rights: the owner's own ({@code inherit}) or exactly a listed subset of them. */
public record KeyPermissions(boolean inherit, Set<Permission> custom) {
    public static final KeyPermissions INHERIT = new KeyPermissions(true, Set.of());
    private static final String INHERIT_STORED = "inherit";

    public static KeyPermissions custom(Set<Permission> perms) {
        return new KeyPermissions(false, Set.copyOf(perms));
    }

    String toStored() {
        return inherit ? INHERIT_STORED : Permission.toStored(custom);
    }

    static KeyPermissions fromStored(String stored) {
        return INHERIT_STORED.equals(stored) ? INHERIT : custom(Permission.parseStored(stored));
    }
}
