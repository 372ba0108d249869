package org.longbox.user;

/**
 * The sessions of users, as managing users needs them: locking or deleting an account, or changing
 * its password, ends its sessions in the same transaction. Auth's session store implements it.
 */
public interface UserSessions {
    /** Ends every session of the user but {@code keepSessionId} (null: all); returns how many ended. */
    int endAll(String userId, String keepSessionId);
}
