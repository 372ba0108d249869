package org.longbox.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.longbox.reading.ProgressService;

import java.time.Instant;

@Schema(name = "MediaIsComplete")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CompletionDto(boolean isCompleted, Instant lastCompletedAt) {
    public static CompletionDto of(ProgressService.Completion c) {
        return new CompletionDto(c.completed(), c.lastCompletedAt() == null ? null : Instant.ofEpochMilli(c.lastCompletedAt()));
    }
}
