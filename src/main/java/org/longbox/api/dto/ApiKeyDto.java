package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import org.longbox.auth.ApiKey;

import java.time.Instant;

/** An API key without its secret. */
@Schema(name = "APIKey")
public record ApiKeyDto(long id, String name, ApiKeyPermissionsDto permissions, Instant createdAt, Instant lastUsedAt,
                        Instant expiresAt) {
    public static ApiKeyDto of(ApiKey k) {
        return new ApiKeyDto(k.id(), k.name(), new ApiKeyPermissionsDto(k.permissions()), Instant.ofEpochMilli(k.createdAt()),
                k.lastUsedAt() == null ? null : Instant.ofEpochMilli(k.lastUsedAt()),
                k.expiresAt() == null ? null : Instant.ofEpochMilli(k.expiresAt()));
    }
}
