package org.longbox.server.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The other web origins STUMP_ALLOWED_ORIGINS lets in. An origin listed by name may act with the
 * visitor's credentials (a web reader on another host that signs in with the cookie); {@code *}
 * lets any other origin read answers, but without credentials, so a page anywhere cannot act as a
 * signed-in visitor. The {@code null} origin (sandboxed frames, file: pages) is never let in.
 */
public final class AllowedOrigins {
    /** What an origin may do. */
    public enum Grant {
        /** Nothing: no CORS headers. */
        NONE,
        /** Read answers to requests without credentials: {@code Access-Control-Allow-Origin: *}. */
        WITHOUT_CREDENTIALS,
        /** Read answers and send credentials: the origin echoed, {@code Access-Control-Allow-Credentials: true}. */
        WITH_CREDENTIALS
    }

    private final Set<String> named;
    private final boolean any;

    /** @param configured origins as the setting holds them: lower case, {@code *} for any */
    public AllowedOrigins(List<String> configured) {
        this.any = configured.contains("*");
        this.named = Set.copyOf(configured.stream().filter(o -> !o.equals("*")).toList());
    }

    public boolean isEmpty() {
        return named.isEmpty() && !any;
    }

    /** What a request's {@code Origin} header may do; NONE for no header and for {@code null}. */
    public Grant grant(String origin) {
        if (origin == null || origin.isBlank() || origin.trim().equalsIgnoreCase("null")) {
            return Grant.NONE;
        }
        if (named.contains(origin.trim().toLowerCase(Locale.ROOT))) {
            return Grant.WITH_CREDENTIALS;
        }
        return any ? Grant.WITHOUT_CREDENTIALS : Grant.NONE;
    }
}
