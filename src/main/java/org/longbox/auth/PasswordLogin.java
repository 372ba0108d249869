package org.longbox.auth;

import org.longbox.server.database.Database;
import org.longbox.server.errors.ApiException;
import org.longbox.user.CredentialEvents;
import org.longbox.user.PasswordHasher;
import org.longbox.user.UserMapper;
import org.longbox.user.UserRow;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Checks a username and password, records the attempt, and locks an account on the tenth
 * consecutive failure within 24 hours (deleting its sessions). Shared by the login endpoint and
 * HTTP Basic on OPDS, so both follow the same rules.
 */
public final class PasswordLogin {
    private static final Logger LOG = Logger.getLogger(PasswordLogin.class.getName());
    static final int LOCK_AFTER_FAILURES = 10;
    private static final long WINDOW = Duration.ofHours(24).toMillis();
    public static final String LOCKED_MESSAGE =
            "Your account is locked. Please contact an administrator to unlock your account.";
    private static final String BAD_CREDENTIALS = "Invalid username or password";

    private final Database db;
    private final PasswordHasher hasher;
    private final CredentialEvents events;

    public PasswordLogin(Database db, PasswordHasher hasher, CredentialEvents events) {
        this.db = db;
        this.hasher = hasher;
        this.events = events;
    }

    /**
     * The user these credentials prove. Throws 401 for an unknown user or a wrong password, 403 for
     * a locked account with the right password.
     */
    public UserRow verify(String username, String password, ClientInfo client) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            hasher.burn(password);
            throw ApiException.unauthorized(BAD_CREDENTIALS);
        }
        String key = username.trim().toLowerCase(Locale.ROOT);
        UserRow user = db.auto(s -> s.getMapper(UserMapper.class).findActiveByUsernameKey(key));
        if (user == null) {
            hasher.burn(password);
            throw ApiException.unauthorized(BAD_CREDENTIALS);
        }
        if (!hasher.verify(password, user.hashedPassword)) {
            recordFailure(user, client);
            throw ApiException.unauthorized(BAD_CREDENTIALS);
        }
        if (user.locked) {
            record(user.id, client, false);
            throw ApiException.forbidden(LOCKED_MESSAGE);
        }
        record(user.id, client, true);
        return user;
    }

    private void recordFailure(UserRow user, ClientInfo client) {
        long now = System.currentTimeMillis();
        long since = Math.max(now - WINDOW, user.failuresResetAt == null ? 0 : user.failuresResetAt);
        boolean lockNow = db.tx(s -> {
            insert(s.getMapper(LoginActivityMapper.class), user.id, client, false, now);
            if (user.locked) {
                return false;
            }
            List<Boolean> recent = s.getMapper(LoginActivityMapper.class).recentOutcomes(user.id, since, LOCK_AFTER_FAILURES);
            if (recent.size() < LOCK_AFTER_FAILURES || recent.contains(Boolean.TRUE)) {
                return false;
            }
            s.getMapper(UserMapper.class).updateLocked(user.id, true, null);
            s.getMapper(SessionMapper.class).deleteForUser(user.id);
            return true;
        });
        if (lockNow) {
            LOG.warning("Locked account '" + user.username + "' after " + LOCK_AFTER_FAILURES
                    + " consecutive failed logins; last from " + client.ip());
            events.changed(user.id);
        }
    }

    private void record(String userId, ClientInfo client, boolean success) {
        long now = System.currentTimeMillis();
        db.txVoid(s -> {
            insert(s.getMapper(LoginActivityMapper.class), userId, client, success, now);
            if (success) {
                s.getMapper(UserMapper.class).updateLastLogin(userId, now);
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
