package org.longbox.user;

import org.longbox.server.ClientInfo;

/**
 * Proving a password the way signing in does: recorded in login activity, and a wrong one counted
 * as a failed sign-in (throttled, and locked after too many), and forgetting those failures. Changing your own password asks it for the current one, so a session, a
 * token or an API key cannot be used to guess it. Auth's password check implements it.
 */
public interface PasswordChecks {
    /** Returns when {@code password} is the account's; throws 403 for a wrong one. */
    void confirm(Account account, String password, ClientInfo client);

    /** Forgets the failed sign-ins counted against the name (the owner unlocked the user). */
    void forgetFailures(String username);
}
