package org.longbox.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.longbox.library.jobs.Job;

import java.time.Instant;
import java.util.List;

/** Stump's Job JSON plus live progress: task counts and percent done. */
@Schema(name = "Job")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobDto(String id, String name, String description, String status, String libraryId, int totalTasks,
                     int completedTasks, double percent,
                     @Schema(description = "Always null: Longbox jobs are never paused to be resumed later, so there is "
                             + "no state to save (a job whose server died ends FAILED; the next scan finishes its work).",
                             nullable = true, type = "object")
                     Object saveState,
                     String outputData, long msElapsed, Instant createdAt, Instant completedAt,
                     @ArraySchema(arraySchema = @Schema(description = "Always empty: Longbox keeps no log lines per job. "
                             + "A failure is in output_data; a scan's output_data counts the unreadable books, and each of "
                             + "them has status ERROR and an error_reason."), schema = @Schema(type = "object"))
                     List<Object> logs) {
    public static JobDto of(Job j) {
        return new JobDto(j.id(), j.name(), j.description(), j.status().name(), j.libraryId(), j.totalTasks(),
                j.completedTasks(), j.percent(), null, j.outputData(), j.msElapsed(), Instant.ofEpochMilli(j.createdAt()),
                j.completedAt() == null ? null : Instant.ofEpochMilli(j.completedAt()), List.of());
    }
}
