package org.longbox.user;

import org.longbox.server.database.Database;

import java.util.Locale;
import java.util.Optional;

/**
 * Users as signing in needs them (auth's view of users): an account found by name or id with its
 * password hash, and the two writes signing in makes: the last login, and lifting a lock at start. Each write joins the caller's transaction
 * when there is one, so a lock and the sessions it ends are one change.
 */
public final class Accounts {
    private final Database db;

    public Accounts(Database db) {
        this.db = db;
    }

    /** The account that signs in with this name (case-insensitive, trimmed); empty when there is none or it is deleted. */
    public Optional<Account> byUsername(String username) {
        String key = username.trim().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(db.auto(s -> s.getMapper(UserMapper.class).findActiveByUsernameKey(key)))
                .map(UserRow::toAccount);
    }

    /** The account with this id; empty when there is none or it is deleted. */
    public Optional<Account> byId(String id) {
        return Optional.ofNullable(db.auto(s -> s.getMapper(UserMapper.class).findById(id)))
                .filter(row -> !row.deleted()).map(UserRow::toAccount);
    }

    /** Records a successful sign-in at {@code at} (epoch milliseconds). */
    public void signedIn(String userId, long at) {
        db.auto(s -> s.getMapper(UserMapper.class).updateLastLogin(userId, at));
    }

    /** Lifts the owner's lock of the account (STUMP_UNLOCK_USER at start). */
    public void unlock(String userId) {
        db.auto(s -> s.getMapper(UserMapper.class).updateLocked(userId, false));
    }
}
