package org.longbox.reading;

/** A row of {@code finished_reading_sessions}: one time a user finished a book. */
public class FinishedSessionRow {
    public String id;
    public String userId;
    public String mediaId;
    public long startedAt;
    public long completedAt;
    public Long elapsedSeconds;

    FinishedReading toReading() {
        return new FinishedReading(id, userId, mediaId, startedAt, completedAt, elapsedSeconds);
    }
}
