package org.longbox.api.dto;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * A change to a user; absent fields stay as they are. {@code max_sessions_allowed: null} and
 * {@code age_restriction: null} (present) remove the limit, which is why this is a class that
 * remembers what was sent.
 */
@Schema(name = "UpdateUser")
public final class UpdateUserDto {
    public String username;
    @Schema(format = "password", description = "A new password. Changing your own needs current_password.")
    public String password;
    @Schema(format = "password", description = "Your current password: required to change your own password, "
            + "whatever credential the request carries (session, JWT or API key). Not needed when the server owner "
            + "resets another user's password.")
    public String currentPassword;
    public String avatarUrl;
    public List<String> permissions;
    private Integer maxSessionsAllowed;
    @JsonIgnore
    private boolean maxSessionsSent;

    @JsonProperty("max_sessions_allowed")
    public void setMaxSessionsAllowed(Integer value) {
        this.maxSessionsAllowed = value;
        this.maxSessionsSent = true;
    }

    @JsonProperty("max_sessions_allowed")
    public Integer getMaxSessionsAllowed() {
        return maxSessionsAllowed;
    }

    private AgeRestrictionDto ageRestriction;
    @JsonIgnore
    private boolean ageRestrictionSent;

    @JsonProperty("age_restriction")
    public void setAgeRestriction(AgeRestrictionDto value) {
        this.ageRestriction = value;
        this.ageRestrictionSent = true;
    }

    @JsonProperty("age_restriction")
    public AgeRestrictionDto getAgeRestriction() {
        return ageRestriction;
    }

    @JsonIgnore
    public boolean ageRestrictionCleared() {
        return ageRestrictionSent && ageRestriction == null;
    }

    @JsonIgnore
    public boolean maxSessionsCleared() {
        return maxSessionsSent && maxSessionsAllowed == null;
    }
}
