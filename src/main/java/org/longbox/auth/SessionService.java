package org.longbox.auth;

import org.longbox.server.database.Database;
import org.longbox.user.Account;
import org.longbox.user.Accounts;
import org.longbox.user.Caller;
import org.longbox.user.CredentialEvents;
import org.longbox.user.UserSessions;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions in the database. The cookie carries a random token; only its SHA-256 is
 * stored. Expiry slides with use, but the row is rewritten at most once per {@link #refreshStep}
 * so a busy client does not cost a write per request.
 *
 * <p>A session found in the database is remembered here for {@link #RECHECK_NANOS}, so a client
 * making many requests costs one query every two seconds rather than one per request. Expiry is
 * still checked on every request; ending a session or changing its user on this node forgets it at
 * once, and other nodes sharing the database see the change within {@link #RECHECK_NANOS}. Expiry
 * is wall time (the clock); how long a lookup is trusted is elapsed time (System.nanoTime).
 */
public final class SessionService implements UserSessions {
    /** 256 bits. */
    private static final int TOKEN_BYTES = 32;
    static final long RECHECK_NANOS = 2_000_000_000L;
    private static final int MAX_REMEMBERED = 20_000;

    private final Database db;
    private final Accounts accounts;
    private final Clock clock;
    private final long ttlMillis;
    private final long refreshStep;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    public SessionService(Database db, Accounts accounts, Duration ttl, CredentialEvents events, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.clock = clock;
        this.ttlMillis = ttl.toMillis();
        this.refreshStep = Math.max(1000, Math.min(60_000, ttlMillis / 10));
        events.subscribe(this::forgetUser);
    }

    /** A session newly stored; {@code token} goes in the cookie and is never stored. */
    public record NewSession(String id, String token, long expiresAt) {
    }

    /**
     * A live session: its caller (with the session's id), its user's account, its expiry, and whether
     * this lookup moved the expiry (then the cookie is sent again with the new lifetime).
     */
    public record Live(Caller caller, Account account, long expiresAt, boolean extended) {
    }

    /** What a lookup found, and when (System.nanoTime) the database last confirmed it. */
    private record Remembered(Caller caller, Account account, long expiresAt, long checkedAt) {
    }

    /**
     * Stores a new session for the user. When the user may hold only {@code max_sessions_allowed}
     * sessions, the ones expiring first are dropped to make room.
     */
    public NewSession create(Account account, String ip, String userAgent) {
        String token = Secrets.randomToken(TOKEN_BYTES);
        long now = clock.millis();
        String userId = account.id();
        Integer max = account.user().maxSessionsAllowed();
        SessionRow row = new SessionRow();
        row.id = UUID.randomUUID().toString();
        row.tokenHash = Secrets.sha256Hex(token);
        row.userId = userId;
        row.createdAt = now;
        row.expiresAt = now + ttlMillis;
        row.ipAddress = clip(ip, 64);
        row.userAgent = clip(userAgent, 512);
        List<String> dropped = new ArrayList<>();
        db.txVoid(s -> {
            SessionMapper m = s.getMapper(SessionMapper.class);
            if (max != null) {
                List<SessionRow> live = m.listLiveForUser(userId, now);
                for (int i = 0; i <= live.size() - max; i++) {
                    m.deleteById(live.get(i).id);
                    dropped.add(live.get(i).id);
                }
            }
            m.insert(row);
        });
        if (!dropped.isEmpty()) {
            remembered.values().removeIf(r -> dropped.contains(r.caller().sessionId()));
        }
        return new NewSession(row.id, token, row.expiresAt);
    }

    /** The live session behind a cookie token, or null. Locked users' sessions count as gone. */
    public Live resolve(String token) {
        return resolve(token, true);
    }

    /**
     * The caller of the live session behind a cookie token, or null, without sliding its expiry:
     * for asking again whether a long-lived answer (an event stream) may go on.
     */
    public Caller peek(String token) {
        Live live = resolve(token, false);
        return live == null ? null : live.caller();
    }

    private Live resolve(String token, boolean slide) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            return null;
        }
        String hash = Secrets.sha256Hex(token);
        long now = clock.millis();
        Remembered r = remembered.get(hash);
        if (r == null || System.nanoTime() - r.checkedAt() >= RECHECK_NANOS) {
            r = lookUp(hash, now);
            if (r == null) {
                return null;
            }
        }
        if (r.expiresAt() <= now) {
            remembered.remove(hash);
            return null;
        }
        long wanted = now + ttlMillis;
        if (slide && wanted - r.expiresAt() >= refreshStep) {
            String id = r.caller().sessionId();
            db.auto(s -> s.getMapper(SessionMapper.class).extend(id, wanted));
            r = new Remembered(r.caller(), r.account(), wanted, r.checkedAt());
            remembered.put(hash, r);
            return new Live(r.caller(), r.account(), wanted, true);
        }
        return new Live(r.caller(), r.account(), r.expiresAt(), false);
    }

    private Remembered lookUp(String hash, long now) {
        SessionRow row = db.auto(s -> s.getMapper(SessionMapper.class).findLive(hash, now));
        Account account = row == null ? null : accounts.byId(row.userId).orElse(null);
        if (account == null || account.locked()) {
            remembered.remove(hash);
            return null;
        }
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        Caller caller = Caller.forUser(account.user(), Caller.AuthMethod.SESSION, row.id);
        Remembered r = new Remembered(caller, account, row.expiresAt, System.nanoTime());
        remembered.put(hash, r);
        return r;
    }

    public void delete(String token) {
        if (token != null && !token.isEmpty()) {
            String hash = Secrets.sha256Hex(token);
            remembered.remove(hash);
            db.auto(s -> s.getMapper(SessionMapper.class).deleteByTokenHash(hash));
        }
    }

    /** Signs the user out everywhere but {@code keepSessionId} (null: everywhere); returns how many sessions ended. */
    @Override
    public int endAll(String userId, String keepSessionId) {
        int n = db.auto(s -> s.getMapper(SessionMapper.class).deleteForUserExcept(userId, keepSessionId));
        forgetUser(userId);
        return n;
    }

    /** Deletes sessions that have expired; returns how many. */
    public int deleteExpired() {
        long now = clock.millis();
        remembered.values().removeIf(r -> r.expiresAt() <= now);
        return db.auto(s -> s.getMapper(SessionMapper.class).deleteExpired(now));
    }

    /** The user's unexpired sessions. */
    public int countLive(String userId) {
        long now = clock.millis();
        return db.auto(s -> s.getMapper(SessionMapper.class).countLiveForUser(userId, now));
    }

    /** Forgets what is remembered of the user's sessions: the next request asks the database. */
    void forgetUser(String userId) {
        remembered.values().removeIf(r -> r.account().id().equals(userId));
    }

    static String clip(String s, int max) {
        if (s == null) return null;
        return s.length() <= max ? s : s.substring(0, max);
    }
}
