package org.longbox.user;

/**
 * The API keys of users, as managing users needs them: the owner's reset of someone's password
 * ends their keys in the same transaction. Auth's key store implements it.
 */
public interface UserApiKeys {
    /** Deletes every API key of the user; returns how many there were. */
    int deleteAll(String userId);
}
