package org.longbox.api;

import org.longbox.server.errors.ApiException;
import org.longbox.user.Permission;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Permission strings from a request body; an unknown one is a 400 that names it. */
final class Permissions {
    private Permissions() {
    }

    static Set<Permission> parse(List<String> wire) {
        if (wire == null) {
            return null;
        }
        Set<Permission> set = EnumSet.noneOf(Permission.class);
        for (String s : wire) {
            if (s == null) {
                throw ApiException.badRequest("permissions may not contain null");
            }
            set.add(Permission.fromWire(s).orElseThrow(() -> ApiException.badRequest("Unknown permission '" + s + "'")));
        }
        return set;
    }
}
