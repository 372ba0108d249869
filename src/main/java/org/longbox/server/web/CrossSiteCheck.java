package org.longbox.server.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a request that changes data may use credentials the browser attaches by itself (the
 * session cookie, a remembered Basic login): only when it comes from this deployment's own pages,
 * from an origin STUMP_ALLOWED_ORIGINS names, or from no browser page at all.
 *
 * <p>Browsers say where a request comes from. {@code Sec-Fetch-Site} is their own verdict and is
 * read first: {@code same-origin} passes whatever the proxy did to the Host header; any other
 * value passes only with an Origin listed by name. Without it (Safari before 16.4), {@code Origin}
 * must equal the public origin ({@link PublicUrl}: scheme and host in front of any proxy) or a
 * listed one; {@code null} never passes. Browsers send one of the two on every cross-site POST,
 * PUT, PATCH and DELETE, so a request with neither is not from another site's page (curl with a
 * cookie jar, scripts, reading apps) and passes.
 */
public final class CrossSiteCheck {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final AllowedOrigins allowed;

    public CrossSiteCheck(AllowedOrigins allowed) {
        this.allowed = allowed;
    }

    /** False when the request changes data and another site's page sent it. */
    public boolean allows(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return true;
        }
        String origin = request.getHeader("Origin");
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.trim().equalsIgnoreCase("same-origin") || listed(origin);
        }
        if (origin != null) {
            return listed(origin) || sameAsPublic(origin, request);
        }
        return true;
    }

    private boolean listed(String origin) {
        return allowed.grant(origin) == AllowedOrigins.Grant.WITH_CREDENTIALS;
    }

    private static boolean sameAsPublic(String origin, HttpServletRequest request) {
        PublicUrl url = PublicUrl.of(request);
        String own = normalise(url.scheme() + "://" + url.host());
        return own != null && own.equals(normalise(origin));
    }

    /** {@code scheme://host[:port]} in lower case without the scheme's default port; null if it is not one. */
    static String normalise(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        int sep = o.indexOf("://");
        if (sep <= 0 || o.indexOf('/', sep + 3) >= 0 || o.length() == sep + 3) {
            return null;
        }
        String scheme = o.substring(0, sep);
        if (scheme.equals("http") && o.endsWith(":80")) {
            return o.substring(0, o.length() - 3);
        }
        if (scheme.equals("https") && o.endsWith(":443")) {
            return o.substring(0, o.length() - 4);
        }
        return o;
    }
}
