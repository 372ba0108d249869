package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "DeleteUser")
public record DeleteUserDto(@Schema(description = "Remove the row instead of marking it deleted") Boolean hardDelete) {
}
