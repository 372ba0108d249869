package org.longbox.auth;

import org.longbox.server.database.Database;
import org.longbox.user.UserRow;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Server-side sessions in the database. The cookie carries a random token; only its SHA-256 is
 * stored. Expiry slides with use, but the row is rewritten at most once per {@link #refreshStep}
 * so a busy client does not cost a write per request.
 */
public final class SessionService {
    /** 256 bits. */
    private static final int TOKEN_BYTES = 32;

    private final Database db;
    private final long ttlMillis;
    private final long refreshStep;

    public SessionService(Database db, Duration ttl) {
        this.db = db;
        this.ttlMillis = ttl.toMillis();
        this.refreshStep = Math.max(1000, Math.min(60_000, ttlMillis / 10));
    }

    public Duration ttl() {
        return Duration.ofMillis(ttlMillis);
    }

    /** A session newly stored; {@code token} goes in the cookie and is never stored. */
    public record NewSession(String id, String token, long expiresAt) {
    }

    /** A live session and its user; {@code extended} when this lookup moved its expiry. */
    public record Live(SessionRow session, UserRow user, boolean extended) {
    }

    /**
     * Stores a new session for the user. When the user may hold only {@code max_sessions_allowed}
     * sessions, the ones expiring first are dropped to make room.
     */
    public NewSession create(UserRow user, String ip, String userAgent) {
        String token = Secrets.randomToken(TOKEN_BYTES);
        long now = System.currentTimeMillis();
        SessionRow row = new SessionRow();
        row.id = UUID.randomUUID().toString();
        row.tokenHash = Secrets.sha256Hex(token);
        row.userId = user.id;
        row.createdAt = now;
        row.expiresAt = now + ttlMillis;
        row.ipAddress = clip(ip, 64);
        row.userAgent = clip(userAgent, 512);
        db.txVoid(s -> {
            SessionMapper m = s.getMapper(SessionMapper.class);
            if (user.maxSessionsAllowed != null) {
                List<SessionRow> live = m.listLiveForUser(user.id, now);
                for (int i = 0; i <= live.size() - user.maxSessionsAllowed; i++) {
                    m.deleteById(live.get(i).id);
                }
            }
            m.insert(row);
        });
        return new NewSession(row.id, token, row.expiresAt);
    }

    /** The live session behind a cookie token, or null. Locked users' sessions count as gone. */
    public Live resolve(String token) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            return null;
        }
        long now = System.currentTimeMillis();
        SessionRow row = db.auto(s -> s.getMapper(SessionMapper.class).findLive(Secrets.sha256Hex(token), now));
        if (row == null || row.user == null || row.user.locked) {
            return null;
        }
        long wanted = now + ttlMillis;
        if (wanted - row.expiresAt >= refreshStep) {
            db.auto(s -> s.getMapper(SessionMapper.class).extend(row.id, wanted));
            row.expiresAt = wanted;
            return new Live(row, row.user, true);
        }
        return new Live(row, row.user, false);
    }

    public void delete(String token) {
        if (token != null && !token.isEmpty()) {
            db.auto(s -> s.getMapper(SessionMapper.class).deleteByTokenHash(Secrets.sha256Hex(token)));
        }
    }

    public void deleteById(String id) {
        db.auto(s -> s.getMapper(SessionMapper.class).deleteById(id));
    }

    /** Signs the user out everywhere; returns how many sessions there were. */
    public int deleteAllFor(String userId) {
        return db.auto(s -> s.getMapper(SessionMapper.class).deleteForUser(userId));
    }

    /** Deletes sessions that have expired; returns how many. */
    public int deleteExpired() {
        long now = System.currentTimeMillis();
        return db.auto(s -> s.getMapper(SessionMapper.class).deleteExpired(now));
    }

    public int countLive(String userId) {
        long now = System.currentTimeMillis();
        return db.auto(s -> s.getMapper(SessionMapper.class).countLiveForUser(userId, now));
    }

    static String clip(String s, int max) {
        if (s == null) return null;
        return s.length() <= max ? s : s.substring(0, max);
    }
}
