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
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Checks a username and password, records the attempt, and locks an account on the tenth
 * consecutive failure within 24 hours (deleting its sessions). Shared by the login endpoint and
 * HTTP Basic on OPDS, so both follow the same rules.
 */
public final class PasswordLogin implements PasswordChecks {
    private static final Logger LOG = Logger.getLogger(PasswordLogin.class.getName());
    static final int LOCK_AFTER_FAILURES = 10;
    private static final long WINDOW = Duration.ofHours(24).toMillis();
    public static final String LOCKED_MESSAGE =
            "Your account is locked. Please contact an administrator to unlock your account.";
    private static final String BAD_CREDENTIALS = "Invalid username or password";

    private final Database db;
    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final CredentialEvents events;
    private final Clock clock;

    public PasswordLogin(Database db, Accounts accounts, PasswordHasher hasher, CredentialEvents events, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.hasher = hasher;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The user these credentials prove. Throws 401 for an unknown user or a wrong password, 403 for
     * a locked account with the right password.
     */
    public Account verify(String username, String password, ClientInfo client) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            hasher.burn(password);
            throw ApiException.unauthorized(BAD_CREDENTIALS);
        }
        Account account = accounts.byUsername(username).orElse(null);
        if (account == null) {
            hasher.burn(password);
            throw ApiException.unauthorized(BAD_CREDENTIALS);
        }
        if (!hasher.verify(password, account.passwordHash())) {
            recordFailure(account, client);
            throw ApiException.unauthorized(BAD_CREDENTIALS);
        }
        if (account.locked()) {
            record(account.id(), client, false, false);
            throw ApiException.forbidden(LOCKED_MESSAGE);
        }
        record(account.id(), client, true, true);
        return account;
    }

    /**
     * The current password, asked for when a signed-in user changes theirs: a wrong one is recorded
     * and counted like a failed sign-in (403 rather than 401, which would end the caller's session).
     */
    @Override
    public void confirm(Account account, String password, ClientInfo client) {
        if (password == null || !hasher.verify(password, account.passwordHash())) {
            recordFailure(account, client);
            throw ApiException.forbidden("current_password is not your current password");
        }
        record(account.id(), client, true, false);
    }

    private void recordFailure(Account account, ClientInfo client) {
        long now = clock.millis();
        long since = Math.max(now - WINDOW, account.failuresResetAt() == null ? 0 : account.failuresResetAt());
        String userId = account.id();
        boolean lockNow = db.tx(s -> {
            insert(s.getMapper(LoginActivityMapper.class), userId, client, false, now);
            if (account.locked()) {
                return false;
            }
            List<Boolean> recent = s.getMapper(LoginActivityMapper.class).recentOutcomes(userId, since, LOCK_AFTER_FAILURES);
            if (recent.size() < LOCK_AFTER_FAILURES || recent.contains(Boolean.TRUE)) {
                return false;
            }
            accounts.lock(userId);
            s.getMapper(SessionMapper.class).deleteForUser(userId);
            return true;
        });
        if (lockNow) {
            LOG.warning("Locked account '" + account.user().username() + "' after " + LOCK_AFTER_FAILURES
                    + " consecutive failed logins; last from " + client.ip());
            events.changed(userId);
        }
    }

    /** @param signIn true when the attempt signs the user in (it becomes their last login) */
    private void record(String userId, ClientInfo client, boolean success, boolean signIn) {
        long now = clock.millis();
        db.txVoid(s -> {
            insert(s.getMapper(LoginActivityMapper.class), userId, client, success, now);
            if (signIn) {
                accounts.signedIn(userId, now);
            }
        });
    }

    private static void insert(LoginActivityMapper m, String userId, ClientInfo client, boolean success, long at) {
        LoginActivityRow row = new LoginActivityRow();
        row.id = UUID.randomUUID().toString();
        row.userId = userId;
        row.ipAddress = SessionService.clip(client.ip(), 64);
        row.userAgent = SessionService.clip(client.userAgent(), 512);
        row.successful = success;
        row.occurredAt = at;
        m.insert(row);
    }
}
