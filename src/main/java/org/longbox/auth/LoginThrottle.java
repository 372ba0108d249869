package org.longbox.auth;

import org.apache.ibatis.exceptions.PersistenceException;
import org.longbox.server.database.Database;
import org.longbox.server.errors.ApiException;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Failed sign-ins, counted in the database (so every node sees the same counts) before the password
 * is checked: an attempt is counted as a failure first and forgiven when it succeeds, and one that
 * may not be made now is refused (429 with Retry-After) without checking anything. Each count is a
 * compare-and-set on its row, so parallel guesses cannot get more than {@link #LOCK_AFTER} checks.
 *
 * <ul>
 *   <li>Per name and client address: the first {@link #FREE_FAILURES} failures cost nothing; after
 *   that each one makes the next try from that address wait longer (1 s, 2 s, 4 s, ... at most
 *   {@link #MAX_DELAY_MILLIS}). Time is the injected clock's; no thread waits.</li>
 *   <li>{@link #LOCK_AFTER} failures lock the name: no password is checked until the window
 *   (STUMP_LOCKOUT_SECONDS) has passed since the last of them. Everyone's names are counted over
 *   all addresses, so guesses spread over many addresses lock it too; the owner's only per address,
 *   so guesses from elsewhere never lock the owner out.</li>
 *   <li>A count is forgotten a window after its last failure, at a success from that address, or
 *   when the owner (or STUMP_UNLOCK_USER) unlocks the user.</li>
 * </ul>
 * Names are counted whether or not they are a user's, alike, and kept only as a hash.
 */
public final class LoginThrottle {
    static final int LOCK_AFTER = 10;
    static final int FREE_FAILURES = 2;
    static final long FIRST_DELAY_MILLIS = 1_000;
    static final long MAX_DELAY_MILLIS = 60_000;
    /** The {@code client} of the count over every address. */
    static final String EVERY_CLIENT = "*";
    /** Compare-and-set rounds before giving up; only many requests racing for one name lose them all. */
    private static final int MAX_ROUNDS = 20;

    private final Database db;
    private final long windowMillis;
    private final Clock clock;

    public LoginThrottle(Database db, Duration window, Clock clock) {
        this.db = db;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /**
     * Counts an attempt to prove the name's password from {@code clientIp} as a failure, before the
     * password is checked; throws 429 when the name may not be tried now (the attempt is then not
     * counted, and nothing may be checked).
     *
     * @param everywhere also count it over every address: true for everyone but the server owner
     */
    public void begin(String username, String clientIp, boolean everywhere) {
        long now = clock.millis();
        String name = nameHash(username);
        Long until = reserve(name, client(clientIp), true, now);
        if (until == null && everywhere) {
            until = reserve(name, EVERY_CLIENT, false, now);
        }
        if (until != null) {
            long waitSeconds = Math.max(1, (until - now + 999) / 1000);
            throw ApiException.tooManyRequests("Too many failed sign-ins; try again in " + describe(waitSeconds), waitSeconds);
        }
    }

    /** The password was right: the failures counted against the name from this address, and over all, are forgiven. */
    public void succeeded(String username, String clientIp) {
        db.auto(s -> s.getMapper(LoginFailureMapper.class).deleteForClient(nameHash(username), client(clientIp), EVERY_CLIENT));
    }

    /** Forgets every failure counted against the name, from anywhere. */
    public void forget(String username) {
        db.auto(s -> s.getMapper(LoginFailureMapper.class).deleteForName(nameHash(username)));
    }

    /** Deletes the counts that are forgotten by now; returns how many. */
    public int deleteExpired() {
        long now = clock.millis();
        return db.auto(s -> s.getMapper(LoginFailureMapper.class).deleteExpired(now));
    }

    /** Null when the failure was counted; else the time until which the name may not be tried (from this client). */
    private Long reserve(String name, String client, boolean throttle, long now) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            LoginFailureRow old = db.auto(s -> s.getMapper(LoginFailureMapper.class).find(name, client));
            boolean live = old != null && old.expiresAt > now;
            if (live && old.failures >= LOCK_AFTER) {
                return old.expiresAt;
            }
            if (live && throttle && old.retryAt > now) {
                return old.retryAt;
            }
            LoginFailureRow next = new LoginFailureRow();
            next.nameHash = name;
            next.client = client;
            next.failures = live ? old.failures + 1 : 1;
            next.retryAt = throttle ? now + delay(next.failures) : now;
            next.expiresAt = now + windowMillis;
            if (old == null) {
                try {
                    db.auto(s -> {
                        s.getMapper(LoginFailureMapper.class).insert(next);
                        return null;
                    });
                    return null;
                } catch (PersistenceException e) {
                    if (!Database.isUniqueViolation(e)) {
                        throw e;
                    }
                    continue; // another request counted the first failure: count on top of it
                }
            }
            if (db.auto(s -> s.getMapper(LoginFailureMapper.class).replace(next, old.failures, old.expiresAt)) == 1) {
                return null;
            }
        }
        // Lost every race for this name: refuse rather than check a password without counting it.
        return now + FIRST_DELAY_MILLIS;
    }

    /** The wait after the n-th failure in a row before the next try from the same address. */
    static long delay(int failures) {
        int doublings = failures - FREE_FAILURES - 1;
        if (doublings < 0) {
            return 0;
        }
        return doublings >= 16 ? MAX_DELAY_MILLIS : Math.min(MAX_DELAY_MILLIS, FIRST_DELAY_MILLIS << doublings);
    }

    /** The name as counted: a hash of what sign-in looks it up by (trimmed, lower case), never the name. */
    private static String nameHash(String username) {
        return Secrets.sha256Hex("longbox-sign-in:" + username.trim().toLowerCase(Locale.ROOT));
    }

    private static String client(String ip) {
        return ip == null || ip.isEmpty() ? "unknown" : SessionService.clip(ip, 64);
    }

    private static String describe(long seconds) {
        if (seconds < 120) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        return ((seconds + 59) / 60) + " minutes";
    }
}
