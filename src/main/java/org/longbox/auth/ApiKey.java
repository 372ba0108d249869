package org.longbox.auth;

/** An API key as its owner sees it: never the secret, never its hash. */
public record ApiKey(long id, String name, KeyPermissions permissions, long createdAt, Long lastUsedAt, Long expiresAt) {
    static ApiKey of(ApiKeyRow row) {
        return new ApiKey(row.id, row.name, KeyPermissions.fromStored(row.permissions), row.createdAt, row.lastUsedAt,
                row.expiresAt);
    }
}
