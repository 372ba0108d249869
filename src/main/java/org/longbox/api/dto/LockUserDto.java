package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "UpdateUserLock")
public record LockUserDto(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean lock) {
}
