package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

@Schema(name = "UpdateLibraryExcludedUsers")
public record UserIdsDto(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> userIds) {
}
