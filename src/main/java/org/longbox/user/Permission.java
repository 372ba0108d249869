package org.longbox.user;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Stump's permission strings, and the permissions each one implies (stump-api.md §1.7). */
public enum Permission {
    FEATURE_API_KEYS("feature:api_keys"),
    FEATURE_KOREADER_SYNC("feature:koreader_sync"),
    BOOKCLUB_READ("bookclub:read"),
    BOOKCLUB_CREATE("bookclub:create"),
    EMAILER_READ("emailer:read"),
    EMAILER_CREATE("emailer:create"),
    EMAILER_MANAGE("emailer:manage"),
    EMAIL_SEND("email:send"),
    EMAIL_ARBITRARY_SEND("email:arbitrary_send"),
    SMARTLIST_READ("smartlist:read"),
    FILE_EXPLORER("file:explorer"),
    FILE_UPLOAD("file:upload"),
    FILE_DOWNLOAD("file:download"),
    LIBRARY_CREATE("library:create"),
    LIBRARY_EDIT("library:edit"),
    LIBRARY_SCAN("library:scan"),
    LIBRARY_MANAGE("library:manage"),
    LIBRARY_DELETE("library:delete"),
    USER_READ("user:read"),
    USER_MANAGE("user:manage"),
    NOTIFIER_READ("notifier:read"),
    NOTIFIER_CREATE("notifier:create"),
    NOTIFIER_MANAGE("notifier:manage"),
    NOTIFIER_DELETE("notifier:delete"),
    SERVER_MANAGE("server:manage");

    private final String wire;

    Permission(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Permission> fromWire(String s) {
        String key = s.trim().toLowerCase(Locale.ROOT);
        for (Permission p : values()) {
            if (p.wire.equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** What holding this permission grants directly besides itself. */
    private Set<Permission> associated() {
        return switch (this) {
            case BOOKCLUB_CREATE -> EnumSet.of(BOOKCLUB_READ);
            case EMAILER_READ -> EnumSet.of(EMAIL_SEND);
            case EMAILER_CREATE -> EnumSet.of(EMAILER_READ);
            case EMAILER_MANAGE -> EnumSet.of(EMAILER_CREATE, EMAILER_READ);
            case EMAIL_ARBITRARY_SEND -> EnumSet.of(EMAIL_SEND);
            case LIBRARY_CREATE -> EnumSet.of(LIBRARY_EDIT, LIBRARY_SCAN);
            case LIBRARY_MANAGE -> EnumSet.of(LIBRARY_SCAN, LIBRARY_DELETE, LIBRARY_EDIT);
            case LIBRARY_DELETE -> EnumSet.of(LIBRARY_MANAGE, LIBRARY_SCAN);
            case NOTIFIER_CREATE -> EnumSet.of(NOTIFIER_READ);
            case NOTIFIER_MANAGE -> EnumSet.of(NOTIFIER_DELETE, NOTIFIER_READ, NOTIFIER_CREATE);
            case NOTIFIER_DELETE -> EnumSet.of(NOTIFIER_MANAGE, NOTIFIER_READ);
            case USER_MANAGE -> EnumSet.of(USER_READ);
            default -> EnumSet.noneOf(Permission.class);
        };
    }

    /** The given permissions with everything they imply, transitively. */
    public static Set<Permission> withImplied(Collection<Permission> held) {
        EnumSet<Permission> all = EnumSet.noneOf(Permission.class);
        all.addAll(held);
        Deque<Permission> todo = new ArrayDeque<>(all);
        while (!todo.isEmpty()) {
            for (Permission implied : todo.pop().associated()) {
                if (all.add(implied)) {
                    todo.push(implied);
                }
            }
        }
        return all;
    }

    /** Parses Stump's comma-joined storage form; unknown strings (from a newer version) are skipped. */
    public static Set<Permission> parseStored(String stored) {
        EnumSet<Permission> set = EnumSet.noneOf(Permission.class);
        if (stored == null || stored.isBlank()) {
            return set;
        }
        for (String part : stored.split(",")) {
            fromWire(part).ifPresent(set::add);
        }
        return set;
    }

    public static String toStored(Collection<Permission> perms) {
        StringBuilder sb = new StringBuilder();
        for (Permission p : perms) {
            if (sb.length() > 0) sb.append(',');
            sb.append(p.wire);
        }
        return sb.toString();
    }
}
