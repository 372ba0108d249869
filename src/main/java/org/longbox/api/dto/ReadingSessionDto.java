package org.longbox.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.longbox.reading.ReadingSession;

import java.time.Instant;

/** Stump's ActiveReadingSession: where the user is in a book they are reading. */
@Schema(name = "ActiveReadingSession")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReadingSessionDto(String id, Integer page, String epubcfi, Double percentageCompleted, Long elapsedSeconds,
                                Instant startedAt, Instant updatedAt, String deviceId, String mediaId, String userId) {
    public static ReadingSessionDto of(ReadingSession r) {
        return r == null ? null : new ReadingSessionDto(r.id(), r.page(), r.epubcfi(), r.percentageCompleted(),
                r.elapsedSeconds(), Instant.ofEpochMilli(r.startedAt()), Instant.ofEpochMilli(r.updatedAt()), r.deviceId(),
                r.mediaId(), r.userId());
    }
}
