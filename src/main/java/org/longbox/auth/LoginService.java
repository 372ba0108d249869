package org.longbox.auth;

import org.longbox.server.ClientInfo;
import org.longbox.user.Account;
import org.longbox.user.User;

/** {@code POST /auth/login} and {@code /auth/logout}: password check, a fresh session, a token. */
public final class LoginService {
    private final PasswordLogin passwords;
    private final SessionService sessions;
    private final JwtService jwt;

    public LoginService(PasswordLogin passwords, SessionService sessions, JwtService jwt) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.jwt = jwt;
    }

    /** The user, and the new session and token when they were asked for (else null). */
    public record Result(User user, SessionService.NewSession session, JwtService.Issued token) {
    }

    /**
     * Every successful login gets a new session token, and the session the request came with (if
     * any) is ended, so a token planted before login is worth nothing after it.
     */
    public Result login(String username, String password, boolean createSession, boolean generateToken,
                        ClientInfo client, String previousSessionToken) {
        Account account = passwords.verify(username, password, client);
        if (previousSessionToken != null) {
            sessions.delete(previousSessionToken);
        }
        SessionService.NewSession session = createSession ? sessions.create(account, client.ip(), client.userAgent()) : null;
        JwtService.Issued token = generateToken ? jwt.issue(account.id(), account.passwordHash()) : null;
        return new Result(account.user(), session, token);
    }

    public void logout(String sessionToken) {
        sessions.delete(sessionToken);
    }
}
