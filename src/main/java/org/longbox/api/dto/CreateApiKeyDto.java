package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "CreateOrUpdateAPIKey")
public record CreateApiKeyDto(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Panels on my iPad") String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ApiKeyPermissionsDto permissions,
        @Schema(description = "RFC 3339; omit for a key that does not expire") OffsetDateTime expiresAt) {
}
