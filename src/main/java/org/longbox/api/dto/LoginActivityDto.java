package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import org.longbox.auth.LoginActivity;

import java.time.Instant;

/** One login attempt, as Stump reports it; {@code user} is null for a name that is no user's (the name is not kept). */
@Schema(name = "LoginActivity")
public record LoginActivityDto(String id, String ipAddress, String userAgent, boolean authenticationSuccessful,
                               Instant timestamp, UserRef user) {
    @Schema(name = "UserRef")
    public record UserRef(String id, String username) {
    }

    public static LoginActivityDto of(LoginActivity a) {
        return new LoginActivityDto(a.id(), a.ipAddress(), a.userAgent(), a.successful(), Instant.ofEpochMilli(a.occurredAt()),
                a.userId() == null ? null : new UserRef(a.userId(), a.username()));
    }
}
