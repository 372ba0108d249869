package org.longbox.auth;

import org.longbox.user.UserRow;

/** A row of {@code sessions}; {@link #user} is filled when the query joins the owner. */
public class SessionRow {
    public String id;
    public String tokenHash;
    public String userId;
    public long createdAt;
    public long expiresAt;
    public String ipAddress;
    public String userAgent;
    public UserRow user;
}
