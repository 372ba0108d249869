package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import org.longbox.reading.FinishedReading;

import java.time.Instant;

/** Stump's FinishedReadingSession: one time the user finished the book. */
@Schema(name = "FinishedReadingSession")
public record FinishedSessionDto(String id, Instant startedAt, Instant completedAt, Long elapsedSeconds, String mediaId,
                                 String userId) {
    public static FinishedSessionDto of(FinishedReading r) {
        return new FinishedSessionDto(r.id(), Instant.ofEpochMilli(r.startedAt()), Instant.ofEpochMilli(r.completedAt()),
                r.elapsedSeconds(), r.mediaId(), r.userId());
    }
}
