package org.longbox.auth;

/** A row of {@code login_activity}: one attempt to prove a password. */
public class LoginActivityRow {
    public String id;
    /** Null for a failed sign-in with a name that is no user's. */
    public String userId;
    public String username;
    public String ipAddress;
    public String userAgent;
    public boolean successful;
    public long occurredAt;

    LoginActivity toActivity() {
        return new LoginActivity(id, userId, username, ipAddress, userAgent, successful, occurredAt);
    }
}
