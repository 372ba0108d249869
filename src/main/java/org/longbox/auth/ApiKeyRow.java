package org.longbox.auth;

/** A row of {@code api_keys}. */
public class ApiKeyRow {
    public long id;
    public String name;
    public String shortToken;
    public String longTokenHash;
    /** "inherit" or comma-joined permission strings. */
    public String permissions;
    public long createdAt;
    public Long lastUsedAt;
    public Long expiresAt;
    public String userId;
}
