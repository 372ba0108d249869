package org.longbox.auth;

/** A row of {@code sessions}. */
public class SessionRow {
    public String id;
    public String tokenHash;
    public String userId;
    public long createdAt;
    public long expiresAt;
    public String ipAddress;
    public String userAgent;
}
