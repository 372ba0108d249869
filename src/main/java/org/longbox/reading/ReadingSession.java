package org.longbox.reading;

/**
 * Where a user is in a book they have started and not finished (Stump's ActiveReadingSession).
 *
 * @param page                1-based; null when only an EPUB position was reported
 * @param percentageCompleted 0 to 1 (EPUBs); null when not reported
 */
public record ReadingSession(String id, String userId, String mediaId, Integer page, String epubcfi,
                             Double percentageCompleted, Long elapsedSeconds, String deviceId, long startedAt,
                             long updatedAt) {
}
