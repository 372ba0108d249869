package org.longbox.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.longbox.user.Permission;
import org.longbox.user.User;

import java.time.Instant;
import java.util.List;

/** Stump's User JSON. Permissions include those implied by the ones held. */
@Schema(name = "User")
public record UserDto(
        String id,
        String username,
        boolean isServerOwner,
        @JsonInclude(JsonInclude.Include.ALWAYS) String avatarUrl,
        Instant createdAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) Instant lastLogin,
        boolean isLocked,
        @ArraySchema(schema = @Schema(example = "file:download")) List<String> permissions,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxSessionsAllowed,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer loginSessionsCount,
        @JsonInclude(JsonInclude.Include.NON_NULL) AgeRestrictionDto ageRestriction) {

    public static UserDto of(User u) {
        return of(u, null);
    }

    public static UserDto of(User u, Integer sessions) {
        return new UserDto(u.id(), u.username(), u.serverOwner(), u.avatarUrl(), Instant.ofEpochMilli(u.createdAt()),
                u.lastLogin() == null ? null : Instant.ofEpochMilli(u.lastLogin()), u.locked(),
                u.effectivePermissions().stream().map(Permission::wire).toList(), u.maxSessionsAllowed(), sessions,
                AgeRestrictionDto.of(u.ageRestriction()));
    }
}
