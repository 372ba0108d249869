package org.longbox.auth;

import org.longbox.server.ClientInfo;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Account;
import org.longbox.user.Accounts;
import org.longbox.user.Caller;

/**
 * Checks each kind of credential a request may carry: a session token, an API key, a bearer token
 * (JWT or API key) and a username and password sent with HTTP Basic. A credential that is
 * presented and not good is refused here (401, or 403 for a locked account); which ones a request
 * may use, and in which order they are tried, is the HTTP edge's business.
 */
public final class Authenticator {
    private final SessionService sessions;
    private final JwtService jwt;
    private final ApiKeyService apiKeys;
    private final BasicAuthenticator basic;
    private final Accounts accounts;

    public Authenticator(SessionService sessions, JwtService jwt, ApiKeyService apiKeys, BasicAuthenticator basic,
                         Accounts accounts) {
        this.sessions = sessions;
        this.jwt = jwt;
        this.apiKeys = apiKeys;
        this.basic = basic;
        this.accounts = accounts;
    }

    /** The live session behind a cookie's token, or null (expired, ended, or its user locked or deleted). */
    public SessionService.Live session(String token) {
        return sessions.resolve(token);
    }

    /** The caller of the live session behind a cookie's token, or null; the session's expiry is not moved. */
    public Caller sessionCaller(String token) {
        return sessions.peek(token);
    }

    /** The caller an API key stands for; 401 or 403 as {@link ApiKeyService#authenticate} says. */
    public Caller apiKey(String key) {
        return apiKeys.authenticate(key);
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
        Account account = accounts.byId(v.userId()).orElse(null);
        if (account == null || !JwtService.fingerprint(account.passwordHash()).equals(v.passwordFingerprint())) {
            throw ApiException.unauthorized("Invalid or expired token");
        }
        if (account.locked()) {
            throw ApiException.forbidden(PasswordLogin.LOCKED_MESSAGE);
        }
        return Caller.forUser(account.user(), Caller.AuthMethod.JWT, null);
    }

    /**
     * A username and password (HTTP Basic from a reading app): the caller, and the session token to
     * send as the cookie when {@code saveSession} (null otherwise).
     */
    public BasicAuthenticator.Result basic(String username, String password, boolean saveSession, ClientInfo client) {
        return basic.authenticate(username, password, saveSession, client);
    }
}
