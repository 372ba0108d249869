package org.longbox.user;

/**
 * The columns one change to a user writes, and only those (UserMapper.updateFields): a change never
 * writes back a value it merely read, so two changes made at the same time cannot undo each other.
 * Null means "leave as it is", except where a {@code set...} flag says the column is written (to
 * null, too).
 */
public final class UserPatch {
    public final String id;
    public String username;
    public String usernameKey;
    public String hashedPassword;
    /**
     * When set, the row is written only while it still holds this hash: a password change proven
     * with the old password cannot overwrite a newer one.
     */
    public String expectedPasswordHash;
    public boolean setAvatarUrl;
    public String avatarUrl;
    public String permissions;
    public boolean setAgeRestriction;
    public Integer ageRestriction;
    public boolean ageRestrictOnUnset;
    public boolean setMaxSessionsAllowed;
    public Integer maxSessionsAllowed;

    UserPatch(String id) {
        this.id = id;
    }

    /** True when the change writes no column. */
    boolean isEmpty() {
        return username == null && hashedPassword == null && !setAvatarUrl && permissions == null && !setAgeRestriction
                && !setMaxSessionsAllowed;
    }

    void restrictTo(AgeRestriction r) {
        setAgeRestriction = true;
        ageRestriction = r == null ? null : r.age();
        ageRestrictOnUnset = r != null && r.restrictOnUnset();
    }
}
