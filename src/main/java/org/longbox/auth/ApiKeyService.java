package org.longbox.auth;

import org.longbox.server.database.Database;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Account;
import org.longbox.user.Accounts;
import org.longbox.user.Caller;
import org.longbox.user.Permission;
import org.longbox.user.User;
import org.longbox.user.UserApiKeys;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stump's prefixed API keys, {@code stump_<short>_<long>}: the short token finds the row, the long
 * token is checked against its stored SHA-256. The full key is shown once, at creation.
 */
public final class ApiKeyService implements UserApiKeys {
    public static final String PREFIX = "stump";
    /** A well-formed key; base58 has no underscore, so the three parts split unambiguously. */
    public static final Pattern FORMAT = Pattern.compile("stump_([1-9A-HJ-NP-Za-km-z]{6,32})_([1-9A-HJ-NP-Za-km-z]{20,64})");
    private static final long TOUCH_EVERY = 60_000;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final Database db;
    private final Accounts accounts;
    private final Clock clock;

    public ApiKeyService(Database db, Accounts accounts, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A new or regenerated key: the row's view and the secret, shown this once. */
    public record Created(ApiKey key, String secret) {
    }

    public static boolean looksLikeKey(String s) {
        return s != null && s.startsWith(PREFIX + "_");
    }

    public List<ApiKey> list(Caller caller) {
        requireFeature(caller);
        return db.auto(s -> s.getMapper(ApiKeyMapper.class).listForUser(caller.userId())).stream().map(ApiKey::of).toList();
    }

    public ApiKey get(Caller caller, long id) {
        requireFeature(caller);
        return ApiKey.of(find(caller, id));
    }

    public Created create(Caller caller, String name, KeyPermissions perms, Long expiresAt) {
        requireFeature(caller);
        check(caller, name, perms, expiresAt);
        ApiKeyRow row = new ApiKeyRow();
        row.name = name.trim();
        row.permissions = perms.toStored();
        row.createdAt = clock.millis();
        row.expiresAt = expiresAt;
        row.userId = caller.userId();
        String secret = newSecret(row);
        db.txVoid(s -> s.getMapper(ApiKeyMapper.class).insert(row));
        return new Created(ApiKey.of(row), secret);
    }

    public ApiKey update(Caller caller, long id, String name, KeyPermissions perms, Long expiresAt) {
        requireFeature(caller);
        check(caller, name, perms, expiresAt);
        ApiKeyRow row = find(caller, id);
        row.name = name.trim();
        row.permissions = perms.toStored();
        row.expiresAt = expiresAt;
        db.txVoid(s -> s.getMapper(ApiKeyMapper.class).update(row));
        return ApiKey.of(row);
    }

    public Created regenerate(Caller caller, long id) {
        requireFeature(caller);
        ApiKeyRow row = find(caller, id);
        requireWithin(caller, KeyPermissions.fromStored(row.permissions));
        String secret = newSecret(row);
        row.lastUsedAt = null;
        db.txVoid(s -> s.getMapper(ApiKeyMapper.class).updateSecret(row.id, row.shortToken, row.longTokenHash));
        return new Created(ApiKey.of(row), secret);
    }

    public ApiKey delete(Caller caller, long id) {
        requireFeature(caller);
        ApiKeyRow row = find(caller, id);
        db.txVoid(s -> s.getMapper(ApiKeyMapper.class).deleteForUser(id, caller.userId()));
        return ApiKey.of(row);
    }

    /** Owner only: another user's keys (or your own), newest first; 404 when there is no such user. */
    public List<ApiKey> listOf(Caller caller, String userId) {
        requireOwnerAndUser(caller, userId);
        return db.auto(s -> s.getMapper(ApiKeyMapper.class).listForUser(userId)).stream().map(ApiKey::of).toList();
    }

    /** Owner only: deletes one of the user's keys; 404 when there is no such user or key of theirs. */
    public ApiKey deleteOf(Caller caller, String userId, long id) {
        requireOwnerAndUser(caller, userId);
        return db.tx(s -> {
            ApiKeyMapper m = s.getMapper(ApiKeyMapper.class);
            ApiKeyRow row = m.findForUser(id, userId);
            if (row == null || m.deleteForUser(id, userId) == 0) {
                throw ApiException.notFound("The user has no API key with id " + id);
            }
            return ApiKey.of(row);
        });
    }

    /** Owner only: deletes every key of the user; returns how many. */
    public int deleteAllOf(Caller caller, String userId) {
        requireOwnerAndUser(caller, userId);
        return deleteAll(userId);
    }

    /** Joins the caller's transaction when there is one (a password reset and the keys it ends are one change). */
    @Override
    public int deleteAll(String userId) {
        return db.auto(s -> s.getMapper(ApiKeyMapper.class).deleteAllForUser(userId));
    }

    private void requireOwnerAndUser(Caller caller, String userId) {
        caller.requireOwner();
        if (accounts.byId(userId).isEmpty()) {
            throw ApiException.notFound("No user with id " + userId);
        }
    }

    /** True when {@code key} is a valid key of the caller's. */
    public boolean validate(Caller caller, String key) {
        requireFeature(caller);
        try {
            return authenticate(key).userId().equals(caller.userId());
        } catch (ApiException e) {
            return false;
        }
    }

    /**
     * The caller a key stands for. 401 when it is malformed, unknown, wrong, expired, or its owner
     * is deleted or may not use keys; 403 when its owner is locked.
     */
    public Caller authenticate(String key) {
        Matcher m = key == null ? null : FORMAT.matcher(key);
        if (m == null || !m.matches()) {
            throw ApiException.unauthorized("Invalid API key");
        }
        ApiKeyRow row = db.auto(s -> s.getMapper(ApiKeyMapper.class).findByShortToken(m.group(1)));
        long now = clock.millis();
        if (row == null || !Secrets.constantTimeEquals(row.longTokenHash, Secrets.sha256Hex(m.group(2)))) {
            throw ApiException.unauthorized("Invalid API key");
        }
        if (row.expiresAt != null && row.expiresAt <= now) {
            throw ApiException.unauthorized("The API key has expired");
        }
        Account owner = accounts.byId(row.userId).orElse(null);
        if (owner == null) {
            throw ApiException.unauthorized("Invalid API key");
        }
        if (owner.locked()) {
            throw ApiException.forbidden(PasswordLogin.LOCKED_MESSAGE);
        }
        User user = owner.user();
        if (!user.serverOwner() && !user.effectivePermissions().contains(Permission.FEATURE_API_KEYS)) {
            throw ApiException.unauthorized("API keys are not enabled for this user");
        }
        if (row.lastUsedAt == null || now - row.lastUsedAt >= TOUCH_EVERY) {
            db.auto(s -> s.getMapper(ApiKeyMapper.class).touch(row.id, now));
        }
        KeyPermissions perms = KeyPermissions.fromStored(row.permissions);
        if (perms.inherit()) {
            return new Caller(user, Caller.AuthMethod.API_KEY, user.serverOwner(), user.effectivePermissions(), null);
        }
        // Exactly the listed permissions, and never more than the owner holds today.
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        granted.addAll(Permission.withImplied(perms.custom()));
        if (!user.serverOwner()) {
            granted.retainAll(user.effectivePermissions());
        }
        return new Caller(user, Caller.AuthMethod.API_KEY, false, granted, null);
    }

    private static void requireFeature(Caller caller) {
        caller.require(Permission.FEATURE_API_KEYS);
    }

    private void check(Caller caller, String name, KeyPermissions perms, Long expiresAt) {
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("The API key needs a name");
        }
        if (name.trim().length() > 255) {
            throw ApiException.badRequest("The API key name may be at most 255 characters");
        }
        if (CONTROL.matcher(name).find()) {
            throw ApiException.badRequest("The API key name may not contain control characters");
        }
        if (perms == null) {
            throw ApiException.badRequest("permissions must be \"inherit\" or a list of permissions");
        }
        if (expiresAt != null && expiresAt <= clock.millis()) {
            throw ApiException.badRequest("expires_at must be in the future");
        }
        requireWithin(caller, perms);
    }

    /**
     * A key may not carry more than the request that makes or reveals it. "inherit" stands for all
     * of the user's rights (owner powers included), so a request made with a restricted key may
     * not create, widen to, or regenerate an inheriting key.
     */
    private static void requireWithin(Caller caller, KeyPermissions perms) {
        if (caller.ownerPowers()) {
            return;
        }
        if (perms.inherit()) {
            if (caller.restricted()) {
                throw ApiException.forbidden("A request made with a restricted API key cannot make or regenerate an inheriting key");
            }
            return;
        }
        for (Permission p : perms.custom()) {
            if (!caller.permissions().contains(p)) {
                throw ApiException.forbidden("An API key cannot hold a permission you do not have (" + p.wire() + ")");
            }
        }
    }

    private ApiKeyRow find(Caller caller, long id) {
        ApiKeyRow row = db.auto(s -> s.getMapper(ApiKeyMapper.class).findForUser(id, caller.userId()));
        if (row == null) {
            throw ApiException.notFound("No API key with id " + id);
        }
        return row;
    }

    private static String newSecret(ApiKeyRow row) {
        String shortToken = Secrets.randomBase58(8);
        String longToken = Secrets.randomBase58(24);
        row.shortToken = shortToken;
        row.longTokenHash = Secrets.sha256Hex(longToken);
        return PREFIX + "_" + shortToken + "_" + longToken;
    }
}
