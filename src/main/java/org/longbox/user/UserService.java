package org.longbox.user;

import org.apache.ibatis.exceptions.PersistenceException;
import org.longbox.server.ClientInfo;
import org.longbox.server.Page;
import org.longbox.server.PageRequest;
import org.longbox.server.database.Database;
import org.longbox.server.errors.ApiException;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Creating, changing and removing users. Rules that Stump gets wrong are kept here: nobody grants
 * themselves permissions, nobody grants another user a permission they do not hold, and nobody
 * but the owner makes a user who sees more than they do (a looser age restriction, or a library
 * hidden from them) and so could log in as that user to escape their own restrictions.
 */
public final class UserService {
    private static final Pattern USERNAME = Pattern.compile("^[^:\\p{Cntrl}]{1,255}$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /** The width of {@code users.avatar_url}. */
    private static final int MAX_AVATAR_URL = 1024;

    private final Database db;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final UserSessions sessions;
    private final UserApiKeys apiKeys;
    private final PasswordChecks passwords;
    private final CredentialEvents events;

    public UserService(Database db, PasswordHasher hasher, PasswordChecks passwords, UserSessions sessions,
                       UserApiKeys apiKeys, CredentialEvents events, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.hasher = hasher;
        this.passwords = passwords;
        this.sessions = sessions;
        this.apiKeys = apiKeys;
        this.events = events;
    }

    /** What a new user starts with. */
    public record NewUser(String username, String password, Set<Permission> permissions, Integer maxSessionsAllowed,
                          AgeRestriction ageRestriction) {
    }

    /**
     * A change to a user; null fields stay as they are.
     *
     * @param currentPassword proves the right to change your own password (not needed for the owner's reset of another's)
     */
    public record Change(String username, String password, String currentPassword, String avatarUrl,
                         Set<Permission> permissions, Integer maxSessionsAllowed, boolean clearMaxSessions,
                         AgeRestriction ageRestriction, boolean clearAgeRestriction) {
    }

    public boolean isClaimed() {
        return db.auto(s -> s.getMapper(UserMapper.class).anyUser());
    }

    /**
     * Stump's register: on an unclaimed server anyone may register and becomes the owner; after
     * that only the owner may (401 anonymous, 403 anyone else).
     */
    public User register(Caller caller, String username, String password) {
        NewUser spec = new NewUser(username, password, Set.of(), null, null);
        if (!isClaimed()) {
            try {
                return insert(spec, true, null);
            } catch (ApiException e) {
                if (e.status() != 422 || !isClaimed()) {
                    throw e;
                }
                // Someone claimed the server a moment before us: fall through to the owner rule.
            }
        }
        if (caller == null) {
            throw ApiException.unauthorized("The server is claimed; only its owner may register users");
        }
        caller.requireOwner();
        return insert(spec, false, null);
    }

    /**
     * {@code POST /users}: the caller holds user:manage and may only hand out permissions they hold.
     * A caller other than the owner passes on their restrictions: the new user's age restriction
     * must be at least as strict as theirs, and every library hidden from them is hidden from the
     * new user too.
     */
    public User create(Caller caller, NewUser spec) {
        caller.require(Permission.USER_MANAGE);
        requireGrantable(caller, spec.permissions());
        User creator = caller.user();
        if (creator.serverOwner()) {
            return insert(spec, false, null);
        }
        requireAgeAtLeastAsStrict(creator.ageRestriction(), spec.ageRestriction());
        return insert(spec, false, creator.id());
    }

    public User get(Caller caller, String id) {
        if (!caller.userId().equals(id) && !caller.has(Permission.USER_READ)) {
            throw ApiException.forbidden("You do not have permission to do this (user:read)");
        }
        return find(id).toUser();
    }

    public Page<User> list(PageRequest page) {
        return db.auto(s -> {
            UserMapper m = s.getMapper(UserMapper.class);
            if (page.cursorMode()) {
                List<UserRow> rows = page.cursor() == null ? m.listActive(0, page.limit() + 1)
                        : m.listActiveAfter(page.cursor(), page.limit() + 1);
                return Page.ofCursor(rows, page, r -> r.id).map(UserRow::toUser);
            }
            List<UserRow> rows = m.listActive(page.offset(), page.pageSize());
            return new Page<>(rows.stream().map(UserRow::toUser).toList(), m.countActive(), page, null);
        });
    }

    /**
     * Self or owner. A user changing themselves may change their name, password and avatar, never
     * their own permissions or session limit (Stump's self-escalation bug).
     *
     * <p>Only the fields in the change are written, and the password is hashed before the row is
     * touched, so a change cannot write back what it read: a user saving their profile while the
     * owner changes their permissions, age restriction or password leaves the owner's change in place.
     *
     * <p>A new password of your own needs your current one, whatever credential the request came
     * with, and is written only while the password it was proven against is still the user's (409
     * when the owner reset it meanwhile); it ends your other sessions and your JWTs. The owner's
     * reset of another user's password ends all their sessions, JWTs and API keys.
     */
    public User update(Caller caller, String id, Change change, ClientInfo client) {
        boolean self = caller.userId().equals(id);
        if (!self && !caller.ownerPowers()) {
            throw ApiException.forbidden("Only the server owner may change other users");
        }
        UserRow row = find(id);
        if (change.password() != null) {
            if (caller.restricted()) {
                // else a key limited to, say, file:download could take over the account
                throw ApiException.forbidden("A restricted API key cannot change the password");
            }
            PasswordHasher.checkAcceptable(change.password());
            if (self && (change.currentPassword() == null || change.currentPassword().isEmpty())) {
                throw ApiException.badRequest("current_password is required to change your own password");
            }
        }
        UserPatch patch = new UserPatch(id);
        if (change.username() != null) {
            patch.username = checkUsername(change.username());
            patch.usernameKey = patch.username.toLowerCase(Locale.ROOT);
        }
        if (change.avatarUrl() != null) {
            patch.setAvatarUrl = true;
            patch.avatarUrl = checkAvatarUrl(change.avatarUrl());
        }
        if (caller.ownerPowers()) {
            if (change.permissions() != null) {
                patch.permissions = Permission.toStored(change.permissions());
            }
            if (change.clearAgeRestriction() || change.ageRestriction() != null) {
                patch.restrictTo(change.clearAgeRestriction() ? null : change.ageRestriction());
            }
            if (change.clearMaxSessions()) {
                patch.setMaxSessionsAllowed = true;
            } else if (change.maxSessionsAllowed() != null) {
                patch.setMaxSessionsAllowed = true;
                patch.maxSessionsAllowed = checkMaxSessions(change.maxSessionsAllowed());
            }
        } else {
            // Sending what you already have is fine (Stump's clients send the whole user back) and writes nothing.
            if (change.permissions() != null && !change.permissions().equals(Permission.parseStored(row.permissions))) {
                throw ApiException.forbidden("You cannot change your own permissions");
            }
            if (change.clearMaxSessions() || (change.maxSessionsAllowed() != null
                    && !change.maxSessionsAllowed().equals(row.maxSessionsAllowed))) {
                throw ApiException.forbidden("You cannot change your own session limit");
            }
            AgeRestriction current = row.restriction();
            if ((change.clearAgeRestriction() && current != null)
                    || (change.ageRestriction() != null && !change.ageRestriction().equals(current))) {
                throw ApiException.forbidden("You cannot change your own age restriction");
            }
        }
        if (change.password() != null) {
            if (self) {
                // Only a password changes a password: not a session, a JWT or an API key on its own.
                passwords.confirm(row.toAccount(), change.currentPassword(), client);
                patch.expectedPasswordHash = row.hashedPassword;
            }
            patch.hashedPassword = hasher.hash(change.password());
        }
        UserRow updated;
        try {
            updated = db.tx(s -> {
                UserMapper m = s.getMapper(UserMapper.class);
                if (!patch.isEmpty() && m.updateFields(patch) == 0) {
                    UserRow now = m.findById(id);
                    if (now != null && !now.deleted() && patch.expectedPasswordHash != null) {
                        throw ApiException.editConflict("The password was changed while this request ran; nothing was saved");
                    }
                    throw ApiException.notFound("No user with id " + id);
                }
                if (patch.hashedPassword != null) {
                    // Everything proven with the old password ends: other sessions, cached Basic credentials, tokens
                    // (they carry a fingerprint of the hash). The owner's reset ends the user's API keys too.
                    sessions.endAll(id, self ? caller.sessionId() : null);
                    if (!self) {
                        apiKeys.deleteAll(id);
                    }
                }
                return m.findById(id);
            });
        } catch (PersistenceException e) {
            throw uniqueOr(e, "The username '" + patch.username + "' is taken");
        }
        // Whatever changed, nothing remembered of the old user (sessions, Basic credentials) is used again.
        events.changed(id);
        if (updated == null || updated.deleted()) {
            throw ApiException.notFound("No user with id " + id);
        }
        return updated.toUser();
    }

    /**
     * Owner only; never yourself. Locking signs the user out everywhere and holds until the owner
     * unlocks; unlocking also forgets the failed sign-ins counted against the user's name, which
     * lifts a lock they caused at once.
     */
    public User setLocked(Caller caller, String id, boolean locked) {
        caller.requireOwner();
        if (caller.userId().equals(id)) {
            throw ApiException.badRequest("You cannot lock or unlock yourself");
        }
        UserRow row = find(id);
        db.txVoid(s -> {
            s.getMapper(UserMapper.class).updateLocked(id, locked);
            if (locked) {
                sessions.endAll(id, null);
            }
        });
        if (!locked) {
            passwords.forgetFailures(row.username);
        }
        events.changed(id);
        row.locked = locked;
        return row.toUser();
    }

    /** Owner only; never yourself. Soft by default: the row stays, marked deleted, and cannot log in. */
    public User delete(Caller caller, String id, boolean hard) {
        caller.requireOwner();
        if (caller.userId().equals(id)) {
            throw ApiException.badRequest("You cannot delete yourself");
        }
        UserRow row = find(id);
        long now = clock.millis();
        db.txVoid(s -> {
            if (hard) {
                s.getMapper(UserMapper.class).hardDelete(id);
            } else {
                s.getMapper(UserMapper.class).softDelete(id, now);
                sessions.endAll(id, null);
            }
        });
        events.changed(id);
        return row.toUser();
    }

    /** Owner only: signs the user out of every session. */
    public int deleteSessions(Caller caller, String id) {
        caller.requireOwner();
        find(id);
        return sessions.endAll(id, null);
    }

    /** The user with this id, unless there is none or it is deleted. */
    public Optional<User> active(String id) {
        return Optional.ofNullable(db.auto(s -> s.getMapper(UserMapper.class).findById(id)))
                .filter(row -> !row.deleted()).map(UserRow::toUser);
    }

    /** A user that exists and is not deleted; 404 otherwise. */
    UserRow find(String id) {
        UserRow row = db.auto(s -> s.getMapper(UserMapper.class).findById(id));
        if (row == null || row.deleted()) {
            throw ApiException.notFound("No user with id " + id);
        }
        return row;
    }

    /** @param hiddenLike a user whose hidden libraries the new user gets too; null for none */
    private User insert(NewUser spec, boolean owner, String hiddenLike) {
        UserRow row = new UserRow();
        row.id = UUID.randomUUID().toString();
        row.username = checkUsername(spec.username());
        row.usernameKey = row.username.toLowerCase(Locale.ROOT);
        row.hashedPassword = hasher.hash(spec.password());
        row.serverOwner = owner;
        row.createdAt = clock.millis();
        row.maxSessionsAllowed = spec.maxSessionsAllowed() == null ? null : checkMaxSessions(spec.maxSessionsAllowed());
        row.permissions = Permission.toStored(spec.permissions() == null ? Set.of() : spec.permissions());
        row.restrictTo(spec.ageRestriction());
        try {
            db.txVoid(s -> {
                UserMapper m = s.getMapper(UserMapper.class);
                m.insert(row);
                if (owner) {
                    m.insertClaim(row.id, row.createdAt);
                }
                if (hiddenLike != null) {
                    m.copyHiddenLibraries(hiddenLike, row.id);
                }
            });
        } catch (PersistenceException e) {
            throw uniqueOr(e, owner ? "The server has been claimed already" : "The username '" + row.username + "' is taken");
        }
        return row.toUser();
    }

    private static void requireGrantable(Caller caller, Set<Permission> wanted) {
        if (caller.ownerPowers() || wanted == null) {
            return;
        }
        Set<Permission> missing = EnumSet.noneOf(Permission.class);
        missing.addAll(Permission.withImplied(wanted));
        missing.removeAll(caller.permissions());
        if (!missing.isEmpty()) {
            throw ApiException.forbidden("You cannot grant a permission you do not hold (" + missing.iterator().next().wire() + ")");
        }
    }

    /** 403 unless {@code wanted} hides at least what {@code own} does; anything passes an unrestricted creator. */
    private static void requireAgeAtLeastAsStrict(AgeRestriction own, AgeRestriction wanted) {
        if (own == null) {
            return;
        }
        if (wanted == null || wanted.age() > own.age()) {
            throw ApiException.forbidden("You are restricted to age " + own.age()
                    + "; a user you create needs an age_restriction of at most " + own.age());
        }
        if (own.restrictOnUnset() && !wanted.restrictOnUnset()) {
            throw ApiException.forbidden("Unrated books are hidden from you; a user you create needs "
                    + "age_restriction.restrict_on_unset true");
        }
    }

    private static String checkUsername(String username) {
        String u = username == null ? "" : username.trim();
        if (u.isEmpty()) {
            throw ApiException.badRequest("The username may not be empty");
        }
        if (!USERNAME.matcher(u).matches()) {
            throw ApiException.badRequest("The username must be at most 255 characters, without ':' or control characters");
        }
        return u;
    }

    /** The URL to store, null for a blank one (no avatar); 400 for one that does not fit its column. */
    private static String checkAvatarUrl(String url) {
        if (url.isBlank()) {
            return null;
        }
        if (url.length() > MAX_AVATAR_URL) {
            throw ApiException.badRequest("avatar_url may be at most " + MAX_AVATAR_URL + " characters");
        }
        if (CONTROL.matcher(url).find()) {
            throw ApiException.badRequest("avatar_url may not contain control characters");
        }
        return url;
    }

    private static int checkMaxSessions(int max) {
        if (max < 1) {
            throw ApiException.badRequest("max_sessions_allowed must be at least 1");
        }
        return max;
    }

    private static RuntimeException uniqueOr(PersistenceException e, String message) {
        return Database.isUniqueViolation(e) ? ApiException.conflict(message) : e;
    }
}
