package org.longbox.auth;

import org.longbox.server.ClientInfo;
import org.longbox.user.Account;
import org.longbox.user.Accounts;
import org.longbox.user.Caller;
import org.longbox.user.CredentialEvents;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP Basic for OPDS clients. Reading apps send the password with every request and many never
 * return the cookie, so a verified credential is remembered (for {@link #TTL_MILLIS}) under an
 * HMAC of username and password with a per-process key: never the password itself. A hit still
 * reads the user row and must find the same password hash, not locked and not deleted, and any
 * change to those drops the user's entries at once through {@link CredentialEvents}. A hit also
 * reuses the session it created, so a cookie-less client holds one session, not one per request.
 */
public final class BasicAuthenticator {
    private static final int MAX_ENTRIES = 10_000;
    private static final long TTL_MILLIS = 30 * 60_000L;

    private final PasswordLogin passwords;
    private final SessionService sessions;
    private final Accounts accounts;
    private final Clock clock;
    private final byte[] cacheKey = Secrets.randomBytes(32);
    /** Initialised once and never used itself: each call works on a clone (cheaper than a new Mac). */
    private final Mac macPrototype = newMac();
    private final Map<String, Entry> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public BasicAuthenticator(PasswordLogin passwords, SessionService sessions, Accounts accounts, CredentialEvents events,
                              Clock clock) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.accounts = accounts;
        this.clock = clock;
        events.subscribe(this::forget);
    }

    /** The caller, and the session token to set as the cookie (null when no session is wanted). */
    public record Result(Caller caller, String sessionToken, long sessionExpiresAt) {
    }

    private static final class Entry {
        final String userId;
        final String passwordHash;
        final long expiresAt;
        volatile String sessionToken;

        Entry(String userId, String passwordHash, long expiresAt, String sessionToken) {
            this.userId = userId;
            this.passwordHash = passwordHash;
            this.expiresAt = expiresAt;
            this.sessionToken = sessionToken;
        }
    }

    /** Throws 401 for bad credentials and 403 for a locked account, like the login endpoint. */
    public Result authenticate(String username, String password, boolean saveSession, ClientInfo client) {
        String key = cacheKey(username, password);
        Entry hit;
        synchronized (cache) {
            hit = cache.get(key);
        }
        long now = clock.millis();
        if (hit != null && hit.expiresAt > now) {
            Result fast = fromCache(hit, saveSession, client);
            if (fast != null) {
                return fast;
            }
            synchronized (cache) {
                cache.remove(key);
            }
        }
        Account account = passwords.verify(username, password, client);
        SessionService.NewSession session = saveSession ? sessions.create(account, client.ip(), client.userAgent()) : null;
        synchronized (cache) {
            cache.put(key, new Entry(account.id(), account.passwordHash(), now + TTL_MILLIS, session == null ? null : session.token()));
        }
        return result(account, session == null ? null : session.id(), session == null ? null : session.token(),
                session == null ? 0 : session.expiresAt());
    }

    private Result fromCache(Entry hit, boolean saveSession, ClientInfo client) {
        String token = hit.sessionToken;
        if (saveSession && token != null) {
            SessionService.Live live = sessions.resolve(token);
            if (live != null && live.account().id().equals(hit.userId) && unchanged(live.account(), hit)) {
                return new Result(live.caller().withMethod(Caller.AuthMethod.BASIC), token, live.expiresAt());
            }
        }
        Account account = accounts.byId(hit.userId).orElse(null);
        if (account == null || !unchanged(account, hit)) {
            return null;
        }
        if (!saveSession) {
            return result(account, null, null, 0);
        }
        SessionService.NewSession created = sessions.create(account, client.ip(), client.userAgent());
        hit.sessionToken = created.token();
        return result(account, created.id(), created.token(), created.expiresAt());
    }

    /** Not deleted (the caller checked), not locked, and the password it was verified against still the user's. */
    private static boolean unchanged(Account account, Entry hit) {
        return !account.locked() && Secrets.constantTimeEquals(account.passwordHash(), hit.passwordHash);
    }

    private static Result result(Account account, String sessionId, String token, long expiresAt) {
        return new Result(Caller.forUser(account.user(), Caller.AuthMethod.BASIC, sessionId), token, expiresAt);
    }

    /** Drops every remembered credential of the user. */
    public void forget(String userId) {
        synchronized (cache) {
            cache.values().removeIf(e -> e.userId.equals(userId));
        }
    }

    private String cacheKey(String username, String password) {
        // A clone per call rather than a ThreadLocal: nothing of ours stays on container threads.
        Mac mac;
        try {
            mac = (Mac) macPrototype.clone();
        } catch (CloneNotSupportedException e) {
            mac = newMac();
        }
        mac.update(username.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
