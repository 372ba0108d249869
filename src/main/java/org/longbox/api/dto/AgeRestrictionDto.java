package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import org.longbox.user.AgeRestriction;

/** Stump's AgeRestriction: the highest age rating the user may see, and whether unrated items are hidden. */
@Schema(name = "AgeRestriction")
public record AgeRestrictionDto(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "13") Integer age,
                                Boolean restrictOnUnset) {
    public static AgeRestrictionDto of(AgeRestriction a) {
        return a == null ? null : new AgeRestrictionDto(a.age(), a.restrictOnUnset());
    }

    public AgeRestriction toDomain() {
        if (age == null || age < 0 || age > 99) {
            throw org.longbox.server.errors.ApiException.badRequest("age_restriction.age must be between 0 and 99");
        }
        return new AgeRestriction(age, restrictOnUnset != null && restrictOnUnset);
    }
}
