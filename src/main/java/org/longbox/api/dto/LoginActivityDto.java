package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import org.longbox.auth.LoginActivityRow;

import java.time.Instant;

/** One login attempt, as Stump reports it. */
@Schema(name = "LoginActivity")
public record LoginActivityDto(String id, String ipAddress, String userAgent, boolean authenticationSuccessful,
                               Instant timestamp, UserRef user) {
    @Schema(name = "UserRef")
    public record UserRef(String id, String username) {
    }

    public static LoginActivityDto of(LoginActivityRow r) {
        return new LoginActivityDto(r.id, r.ipAddress, r.userAgent, r.successful, Instant.ofEpochMilli(r.occurredAt),
                new UserRef(r.userId, r.username));
    }
}
