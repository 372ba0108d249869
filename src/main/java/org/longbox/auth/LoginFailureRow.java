package org.longbox.auth;

/** A row of {@code login_failures}: the failed sign-ins counted against a name, from one address or from all. */
public class LoginFailureRow {
    public String nameHash;
    /** The client address, or {@link LoginThrottle#EVERY_CLIENT} for the count over all of them. */
    public String client;
    public int failures;
    /** No password is checked for the name (from this client) before this time. */
    public long retryAt;
    /** The count is forgotten at this time. */
    public long expiresAt;
}
