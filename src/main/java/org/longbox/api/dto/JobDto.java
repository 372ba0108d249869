package org.longbox.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.longbox.library.jobs.JobRow;
import org.longbox.library.jobs.JobService;
import org.longbox.library.jobs.JobStatus;

import java.time.Instant;

/** Stump's Job JSON plus live progress: task counts and percent done. */
@Schema(name = "Job")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobDto(String id, String name, String description, String status, String libraryId, int totalTasks,
                     int completedTasks, double percent, String outputData, long msElapsed, Instant createdAt,
                     Instant completedAt) {
    public static JobDto of(JobRow j) {
        return new JobDto(j.id, j.name, j.description, j.status, j.libraryId, j.totalTasks, j.completedTasks,
                JobService.percent(j.completedTasks, j.totalTasks, JobStatus.valueOf(j.status)), j.outputData, j.msElapsed,
                Instant.ofEpochMilli(j.createdAt), j.completedAt == null ? null : Instant.ofEpochMilli(j.completedAt));
    }
}
