package org.longbox.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.longbox.http.AuthenticationDocument;
import org.longbox.http.SessionCookie;
import org.longbox.server.database.Database;
import org.longbox.server.errors.ApiException;
import org.longbox.server.web.RequestPaths;
import org.longbox.user.Caller;
import org.longbox.user.UserMapper;
import org.longbox.user.UserRow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Decides who a request comes from, in Stump's order: the session cookie, then an API key in an
 * OPDS path, then the Authorization header (Bearer JWT or API key anywhere, Basic only under
 * /opds). Credentials that are presented and wrong are refused here. An anonymous request goes on
 * and each endpoint decides whether it needs a caller, except under /opds: there every path but the
 * public authentication document is refused here, before routing, so anonymous callers get the
 * Basic challenge reading apps wait for and cannot tell an unknown path from a real one.
 */
public final class Authenticator {
    public static final String SAVE_SESSION_HEADER = "X-Stump-Save-Session";

    private final SessionService sessions;
    private final JwtService jwt;
    private final ApiKeyService apiKeys;
    private final BasicAuthenticator basic;
    private final Database db;

    public Authenticator(SessionService sessions, JwtService jwt, ApiKeyService apiKeys, BasicAuthenticator basic, Database db) {
        this.sessions = sessions;
        this.jwt = jwt;
        this.apiKeys = apiKeys;
        this.basic = basic;
        this.db = db;
    }

    /**
     * Who is calling and what to do with the cookie.
     *
     * @param setCookie   a Set-Cookie value to send (new or extended session), or null
     * @param clearCookie true when the request carried a cookie for no live session
     */
    public record Outcome(Caller caller, String setCookie, boolean clearCookie) {
    }

    /** Throws {@link ApiException} (401 or 403) for credentials that are presented and not good. */
    public Outcome authenticate(HttpServletRequest request) {
        String path = RequestPaths.full(request);
        String pathKey = RequestPaths.opdsPathKey(path);
        if (pathKey != null) {
            // A key in the path is checked even when a cookie is present: a wrong key must not pass.
            return new Outcome(apiKeys.authenticate(pathKey), null, false);
        }

        String cookieToken = SessionCookie.read(request);
        if (cookieToken != null) {
            SessionService.Live live = sessions.resolve(cookieToken);
            if (live != null) {
                String refresh = live.extended() ? SessionCookie.set(request, cookieToken, live.expiresAt()) : null;
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
                return new Outcome(bearer(credentials), null, staleCookie);
            }
            case "basic" -> {
                if (!RequestPaths.isOpds(path)) {
                    throw ApiException.unauthorized("HTTP Basic authentication is accepted only under /opds");
                }
                return basic(request, credentials);
            }
            default -> throw ApiException.unauthorized("Unsupported authorization scheme");
        }
    }

    /** A JWT or an API key, as sent in {@code Authorization: Bearer}. */
    public Caller bearer(String token) {
        if (token.isEmpty()) {
            throw ApiException.unauthorized("Missing bearer token");
        }
        if (ApiKeyService.looksLikeKey(token)) {
            return apiKeys.authenticate(token);
        }
        JwtService.Verified v = jwt.verify(token);
        if (v == null) {
            throw ApiException.unauthorized("Invalid or expired token");
        }
        UserRow user = db.auto(s -> s.getMapper(UserMapper.class).findById(v.userId()));
        if (user == null || user.deleted() || !JwtService.fingerprint(user.hashedPassword).equals(v.passwordFingerprint())) {
            throw ApiException.unauthorized("Invalid or expired token");
        }
        if (user.locked) {
            throw ApiException.forbidden(PasswordLogin.LOCKED_MESSAGE);
        }
        return Caller.forUser(user.toUser(), Caller.AuthMethod.JWT, null);
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
        BasicAuthenticator.Result r = basic.authenticate(username, password, saveSession, ClientInfo.of(request));
        String cookie = r.sessionToken() == null ? null : SessionCookie.set(request, r.sessionToken(), r.sessionExpiresAt());
        return new Outcome(r.caller(), cookie, false);
    }

    private static String scheme(String authorization) {
        int sp = authorization.indexOf(' ');
        return sp < 0 ? authorization : authorization.substring(0, sp);
    }
}
