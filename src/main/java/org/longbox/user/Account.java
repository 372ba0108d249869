package org.longbox.user;

/**
 * A user as signing in sees one: the user, and what only a credential check may read. Never
 * leaves the server: the password hash is compared here and in auth, and sent nowhere.
 */
public record Account(User user, String passwordHash) {
    public String id() {
        return user.id();
    }

    public boolean locked() {
        return user.locked();
    }
}
