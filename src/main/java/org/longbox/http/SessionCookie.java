package org.longbox.http;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.longbox.server.web.PublicUrl;

import java.time.Clock;

/**
 * The {@code stump_session} cookie: HttpOnly, SameSite=Lax, Path = the context path, Secure when
 * the client came over https. Written as a header so every container emits the same attributes.
 */
public final class SessionCookie {
    public static final String NAME = "stump_session";

    private SessionCookie() {
    }

    /** The cookie's token in the request, or null. */
    public static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (NAME.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty()) {
                return c.getValue();
            }
        }
        return null;
    }

    /** A Set-Cookie value that stores the token until {@code expiresAtMillis}, counted from the clock's now. */
    public static String set(HttpServletRequest request, String token, long expiresAtMillis, Clock clock) {
        long maxAge = Math.max(0, (expiresAtMillis - clock.millis()) / 1000);
        return cookie(request, token, "Max-Age=" + maxAge);
    }

    /** A Set-Cookie value that removes the cookie. */
    public static String clear(HttpServletRequest request) {
        return cookie(request, "", "Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    }

    /** One {@link PublicUrl} per cookie: Basic on OPDS sends a cookie with every answer. */
    private static String cookie(HttpServletRequest request, String value, String lifetime) {
        PublicUrl url = PublicUrl.of(request);
        boolean https = request.isSecure() || "https".equals(url.scheme());
        return NAME + "=" + value + "; Path=" + (url.prefix().isEmpty() ? "/" : url.prefix()) + "; " + lifetime
                + "; HttpOnly; SameSite=Lax" + (https ? "; Secure" : "");
    }
}
