package org.longbox.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.longbox.auth.Authenticator;
import org.longbox.auth.BasicAuthenticator;
import org.longbox.auth.SessionService;
import org.longbox.server.web.CrossSiteCheck;
import org.longbox.server.web.RequestPaths;
import org.longbox.server.Json;
import org.longbox.server.errors.ApiException;
import org.longbox.server.errors.ErrorWriter;
import org.longbox.user.Caller;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.security.Principal;

/**
 * Authenticates every request once, before JAX-RS sees it, and wraps it so
 * {@code getUserPrincipal()} (and JAX-RS's SecurityContext) return the {@link Caller}. Refused
 * credentials are answered here with the same error body and 401 headers as everywhere else.
 *
 * <p>Credentials are tried in Stump's order: an API key in an OPDS path, the session cookie, then
 * the Authorization header (Bearer JWT or API key anywhere, Basic only under /opds). An anonymous
 * request goes on and each endpoint decides whether it needs a caller, except under /opds: there
 * every path but the public authentication document is refused here, before routing, so anonymous
 * callers get the Basic challenge reading apps wait for and cannot tell an unknown path from a real one.
 *
 * <p>Credentials a browser attaches by itself (the session cookie, a Basic login it remembers) are
 * refused with 403 on a request that changes data and comes from another site's page
 * ({@link CrossSiteCheck}); a Basic login is refused before it is checked, so no session is made.
 */
public final class AuthFilter implements Filter {
    public static final String SAVE_SESSION_HEADER = "X-Stump-Save-Session";

    private static final String CROSS_SITE = "Cross-site request refused: a request that changes data with the session"
            + " cookie (or a browser's Basic login) must come from this server's own pages or an origin in"
            + " STUMP_ALLOWED_ORIGINS; scripts can send no Origin header, or use a Bearer token";

    private final Authenticator authenticator;
    private final CrossSiteCheck crossSite;
    private final Clock clock;

    public AuthFilter(Authenticator authenticator, CrossSiteCheck crossSite, Clock clock) {
        this.authenticator = authenticator;
        this.crossSite = crossSite;
        this.clock = clock;
    }

    /**
     * Who is calling and what to do with the cookie.
     *
     * @param setCookie   a Set-Cookie value to send (new or extended session), or null
     * @param clearCookie true when the request carried a cookie for no live session
     */
    private record Outcome(Caller caller, String setCookie, boolean clearCookie) {
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        Outcome outcome;
        try {
            outcome = authenticate(request);
        } catch (ApiException e) {
            refuse(request, response, e);
            return;
        }
        if (outcome.setCookie() != null) {
            response.addHeader("Set-Cookie", outcome.setCookie());
        } else if (outcome.clearCookie()) {
            response.addHeader("Set-Cookie", SessionCookie.clear(request));
        }
        chain.doFilter(outcome.caller() == null ? request : new AuthenticatedRequest(request, outcome.caller()), response);
    }

    /** Throws {@link ApiException} (401 or 403) for credentials that are presented and not good. */
    private Outcome authenticate(HttpServletRequest request) {
        String path = RequestPaths.full(request);
        String pathKey = RequestPaths.opdsPathKey(path);
        if (pathKey != null) {
            // A key in the path is checked even when a cookie is present: a wrong key must not pass.
            return new Outcome(authenticator.apiKey(pathKey), null, false);
        }

        String cookieToken = SessionCookie.read(request);
        if (cookieToken != null) {
            SessionService.Live live = authenticator.session(cookieToken);
            if (live != null) {
                if (!crossSite.allows(request)) {
                    throw ApiException.forbidden(CROSS_SITE);
                }
                String refresh = live.extended() ? SessionCookie.set(request, cookieToken, live.expiresAt(), clock) : null;
                return new Outcome(live.caller(), refresh, false);
            }
        }
        boolean staleCookie = cookieToken != null;

        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            if (RequestPaths.isOpds(path) && !path.equals(AuthenticationDocument.PATH)) {
                throw ApiException.unauthorized("Authentication required");
            }
            return new Outcome(null, null, staleCookie);
        }
        String scheme = scheme(authorization);
        String credentials = authorization.substring(Math.min(authorization.length(), scheme.length() + 1)).trim();
        switch (scheme.toLowerCase(Locale.ROOT)) {
            case "bearer" -> {
                return new Outcome(authenticator.bearer(credentials), null, staleCookie);
            }
            case "basic" -> {
                if (!RequestPaths.isOpds(path)) {
                    throw ApiException.unauthorized("HTTP Basic authentication is accepted only under /opds");
                }
                if (!crossSite.allows(request)) {
                    throw ApiException.forbidden(CROSS_SITE);
                }
                return basic(request, credentials);
            }
            default -> throw ApiException.unauthorized("Unsupported authorization scheme");
        }
    }

    private Outcome basic(HttpServletRequest request, String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.unauthorized("Malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw ApiException.unauthorized("Malformed Basic credentials");
        }
        // Split at the first colon: usernames cannot contain one, passwords may.
        String username = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        String save = request.getHeader(SAVE_SESSION_HEADER);
        boolean saveSession = save == null || save.trim().equalsIgnoreCase("true");
        BasicAuthenticator.Result r = authenticator.basic(username, password, saveSession, Clients.of(request));
        String cookie = r.sessionToken() == null ? null : SessionCookie.set(request, r.sessionToken(), r.sessionExpiresAt(), clock);
        return new Outcome(r.caller(), cookie, false);
    }

    private static String scheme(String authorization) {
        int sp = authorization.indexOf(' ');
        return sp < 0 ? authorization : authorization.substring(0, sp);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, ApiException e) throws IOException {
        if (e.status() == 401) {
            var document = AuthChallenge.addHeaders(request, response::addHeader);
            if (document != null) {
                response.setStatus(401);
                response.setContentType(AuthenticationDocument.MEDIA_TYPE);
                response.setCharacterEncoding("UTF-8");
                Json.MAPPER.writeValue(response.getOutputStream(), document);
                return;
            }
        }
        ErrorWriter.write(response, e);
    }

    /** The request as the rest of the chain sees it: with its caller as the principal. */
    static final class AuthenticatedRequest extends HttpServletRequestWrapper {
        private final Caller caller;

        AuthenticatedRequest(HttpServletRequest request, Caller caller) {
            super(request);
            this.caller = caller;
        }

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public String getRemoteUser() {
            return caller.getName();
        }

        @Override
        public String getAuthType() {
            return switch (caller.method()) {
                case BASIC -> BASIC_AUTH;
                case SESSION -> FORM_AUTH;
                default -> "BEARER";
            };
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }
    }
}
