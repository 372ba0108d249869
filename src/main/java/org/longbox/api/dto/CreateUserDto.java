package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

@Schema(name = "CreateUser")
public record CreateUserDto(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String username,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "password") String password,
        @ArraySchema(schema = @Schema(example = "file:download")) List<String> permissions,
        Integer maxSessionsAllowed,
        AgeRestrictionDto ageRestriction) {
}
