package org.longbox.reading;

/** A row of {@code reading_sessions}: where a user is in a book they have not finished. */
public class ActiveSessionRow {
    public String id;
    public String userId;
    public String mediaId;
    public Integer page;
    public String epubcfi;
    public Double percentageCompleted;
    public Long elapsedSeconds;
    public String deviceId;
    public long startedAt;
    public long updatedAt;

    ReadingSession toSession() {
        return new ReadingSession(id, userId, mediaId, page, epubcfi, percentageCompleted, elapsedSeconds, deviceId,
                startedAt, updatedAt);
    }
}
