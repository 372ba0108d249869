package org.longbox.user;

/**
 * A user as signing in sees one: the user, and what only a credential check may read. Never
 * leaves the server: the password hash is compared here and in auth, and sent nowhere.
 *
 * @param failuresResetAt when the owner last unlocked the account: failed logins before it no longer count
 */
public record Account(User user, String passwordHash, Long failuresResetAt) {
    public String id() {
        return user.id();
    }

    public boolean locked() {
        return user.locked();
    }
}
