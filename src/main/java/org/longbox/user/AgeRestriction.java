package org.longbox.user;

/**
 * Stump's age restriction: the user sees a book when its age rating (or, failing that, its
 * series') is at most {@code age}; unrated items are visible unless {@code restrictOnUnset}.
 */
public record AgeRestriction(int age, boolean restrictOnUnset) {
}
