package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code {username, password}} for login and register. */
@Schema(name = "LoginOrRegisterArgs")
public record Credentials(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "oromei") String username,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "password") String password) {
}
