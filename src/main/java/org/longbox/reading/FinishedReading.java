package org.longbox.reading;

/** One time a user finished a book (Stump's FinishedReadingSession). */
public record FinishedReading(String id, String userId, String mediaId, long startedAt, long completedAt,
                              Long elapsedSeconds) {
}
