package org.longbox.user;

/**
 * A row of {@code users}, as MyBatis maps it. Holds the password hash, so it never leaves the
 * server: resources turn it into a {@link User} and then a DTO.
 */
public class UserRow {
    public String id;
    public String username;
    public String usernameKey;
    public String hashedPassword;
    public boolean serverOwner;
    public String avatarUrl;
    public long createdAt;
    public Long lastLogin;
    public Long deletedAt;
    public boolean locked;
    public Integer maxSessionsAllowed;
    public String permissions;
    /** Highest age rating the user may see; null: no restriction. */
    public Integer ageRestriction;
    public boolean ageRestrictOnUnset;

    public boolean deleted() {
        return deletedAt != null;
    }

    /** The age restriction held in the two columns; null when there is none. */
    AgeRestriction restriction() {
        return ageRestriction == null ? null : new AgeRestriction(ageRestriction, ageRestrictOnUnset);
    }

    /** Sets both columns; null lifts the restriction. */
    void restrictTo(AgeRestriction r) {
        ageRestriction = r == null ? null : r.age();
        ageRestrictOnUnset = r != null && r.restrictOnUnset();
    }

    Account toAccount() {
        return new Account(toUser(), hashedPassword);
    }

    public User toUser() {
        return User.of(id, username, serverOwner, avatarUrl, createdAt, lastLogin, locked, maxSessionsAllowed,
                Permission.parseStored(permissions), restriction());
    }
}
