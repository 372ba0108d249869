package org.longbox.api.dto;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.longbox.auth.KeyPermissions;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Permission;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Stump's untagged {@code "inherit" | ["perm", ...]}. */
@Schema(name = "APIKeyPermissions", description = "\"inherit\" (the owner's permissions) or a list that is a subset of them",
        oneOf = {String.class, ApiKeyPermissionsDto.PermissionList.class}, example = "inherit")
public final class ApiKeyPermissionsDto {
    private final KeyPermissions value;

    public ApiKeyPermissionsDto(KeyPermissions value) {
        this.value = value;
    }

    @ArraySchema(schema = @Schema(type = "string", example = "file:download"))
    public static final class PermissionList extends ArrayList<String> {
    }

    @JsonCreator
    public static ApiKeyPermissionsDto fromJson(JsonNode node) {
        if (node.isTextual() && node.asText().equals("inherit")) {
            return new ApiKeyPermissionsDto(KeyPermissions.INHERIT);
        }
        if (node.isArray()) {
            Set<Permission> set = EnumSet.noneOf(Permission.class);
            for (JsonNode item : node) {
                String s = item.isTextual() ? item.asText() : item.toString();
                set.add(Permission.fromWire(s).orElseThrow(() -> ApiException.badRequest("Unknown permission '" + s + "'")));
            }
            return new ApiKeyPermissionsDto(KeyPermissions.custom(set));
        }
        throw ApiException.badRequest("permissions must be \"inherit\" or a list of permissions");
    }

    @JsonValue
    public Object toJson() {
        if (value.inherit()) {
            return "inherit";
        }
        List<String> list = new ArrayList<>();
        for (Permission p : Permission.values()) {
            if (value.custom().contains(p)) list.add(p.wire());
        }
        return list;
    }

    public KeyPermissions value() {
        return value;
    }
}
