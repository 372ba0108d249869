package org.longbox.user;

/**
 * What a caller may see of the collection: every library not hidden from them, and only books
 * within their age restriction. Mappers turn it into SQL conditions, so lists, counts, searches,
 * pages and files all apply the same rules. The server owner sees everything.
 *
 * @param maxAge null when the user has no age restriction
 */
public record Viewer(String userId, boolean unrestricted, Integer maxAge, boolean restrictOnUnset) {

    public static Viewer of(Caller caller) {
        User u = caller.user();
        if (u.serverOwner()) {
            return new Viewer(u.id(), true, null, false);
        }
        AgeRestriction age = u.ageRestriction();
        return new Viewer(u.id(), false, age == null ? null : age.age(), age != null && age.restrictOnUnset());
    }
}
