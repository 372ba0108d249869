package org.longbox.auth;

import org.longbox.server.ClientInfo;
import org.longbox.server.database.Database;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Account;
import org.longbox.user.Accounts;
import org.longbox.user.CredentialEvents;
import org.longbox.user.PasswordChecks;
import org.longbox.user.PasswordHasher;

import java.time.Clock;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Checks a username and password and records the attempt, through the {@link LoginThrottle}: the
 * attempt is counted before the password is checked, and refused (429) while the name is throttled
 * or locked after failed sign-ins. Shared by the login endpoint, HTTP Basic on OPDS and the current
 * password a password change asks for, so all three follow the same rules.
 *
 * <p>A name that is no user's goes the same way as a wrong password: counted, a bcrypt spent on a
 * dummy hash, a login-activity row (without a user, and without the name, which may be a mistyped
 * password), the same 401. Neither the answer, the time nor the throttle tells who exists.
 */
public final class PasswordLogin implements PasswordChecks {
    private static final Logger LOG = Logger.getLogger(PasswordLogin.class.getName());
    public static final String LOCKED_MESSAGE =
            "Your account is locked. Please contact an administrator to unlock your account.";
    private static final String BAD_CREDENTIALS = "Invalid username or password";

    private final Database db;
    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final CredentialEvents events;
    private final Clock clock;

    public PasswordLogin(Database db, Accounts accounts, PasswordHasher hasher, LoginThrottle throttle,
                         CredentialEvents events, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The user these credentials prove. Throws 401 for an unknown user or a wrong password, 403 for
     * an account the owner locked (with the right password), 429 while the name may not be tried.
     */
    public Account verify(String username, String password, ClientInfo client) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            hasher.burn(password);
            throw ApiException.unauthorized(BAD_CREDENTIALS);
        }
        Account account = accounts.byUsername(username).orElse(null);
        // The owner's name is locked only where the guesses come from, so nobody can lock the owner out.
        throttle.begin(username, client.ip(), account == null || !account.user().serverOwner());
        if (account == null) {
            hasher.burn(password);
            record(null, client, false, false);
            throw ApiException.unauthorized(BAD_CREDENTIALS);
        }
        if (!hasher.verify(password, account.passwordHash())) {
            record(account.id(), client, false, false);
            throw ApiException.unauthorized(BAD_CREDENTIALS);
        }
        if (account.locked()) {
            record(account.id(), client, false, false);
            throw ApiException.forbidden(LOCKED_MESSAGE);
        }
        throttle.succeeded(username, client.ip());
        record(account.id(), client, true, true);
        return account;
    }

    /**
     * The current password, asked for when a signed-in user changes theirs: counted, throttled and
     * recorded like a sign-in; a wrong one is a 403 (a 401 would end the caller's session).
     */
    @Override
    public void confirm(Account account, String password, ClientInfo client) {
        String name = account.user().username();
        throttle.begin(name, client.ip(), !account.user().serverOwner());
        if (password == null || !hasher.verify(password, account.passwordHash())) {
            record(account.id(), client, false, false);
            throw ApiException.forbidden("current_password is not your current password");
        }
        throttle.succeeded(name, client.ip());
        record(account.id(), client, true, false);
    }

    @Override
    public void forgetFailures(String username) {
        throttle.forget(username);
    }

    /**
     * STUMP_UNLOCK_USER, at start: lifts the owner's lock of the named user and forgets the failed
     * sign-ins counted against the name, and says so in one log line (a warning, so it shows at any
     * verbosity). A name that is no user's is reported the same way and changes nothing.
     */
    public void unlockAtStart(String username) {
        if (username == null) {
            return;
        }
        Account account = accounts.byUsername(username).orElse(null);
        if (account == null) {
            LOG.warning("STUMP_UNLOCK_USER names no user ('" + username + "'): nothing was unlocked");
            return;
        }
        throttle.forget(account.user().username());
        accounts.unlock(account.id());
        events.changed(account.id());
        LOG.warning("STUMP_UNLOCK_USER: unlocked '" + account.user().username() + "' and forgot the failed sign-ins "
                + "against the name. This happens at every start while the setting is there: remove it once you are back in.");
    }

    /**
     * @param userId null for a name that is no user's
     * @param signIn true when the attempt signs the user in (it becomes their last login)
     */
    private void record(String userId, ClientInfo client, boolean success, boolean signIn) {
        long now = clock.millis();
        db.txVoid(s -> {
            LoginActivityRow row = new LoginActivityRow();
            row.id = UUID.randomUUID().toString();
            row.userId = userId;
            row.ipAddress = SessionService.clip(client.ip(), 64);
            row.userAgent = SessionService.clip(client.userAgent(), 512);
            row.successful = success;
            row.occurredAt = now;
            s.getMapper(LoginActivityMapper.class).insert(row);
            if (signIn) {
                accounts.signedIn(userId, now);
            }
        });
    }
}
