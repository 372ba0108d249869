package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** Login with {@code generate_token=true}: the user and a JWT access token. */
@Schema(name = "LoginResponseWithToken")
public record TokenResponse(UserDto forUser, Token token) {
    @Schema(name = "CreatedToken")
    public record Token(String accessToken, Instant expiresAt) {
    }
}
