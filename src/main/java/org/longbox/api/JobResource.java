package org.longbox.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.longbox.api.dto.CountDto;
import org.longbox.api.dto.JobDto;
import org.longbox.api.dto.Pageable;
import org.longbox.http.OwnerOnly;
import org.longbox.library.jobs.JobService;
import org.longbox.library.scan.ScanScheduler;
import org.longbox.server.errors.ApiException;

import java.util.List;

/** Stump's {@code /jobs}: background work (scans), with progress; owner only, as in Stump. */
@Path("/api/v1/jobs")
@Tag(name = "job")
@Produces(MediaType.APPLICATION_JSON)
@OwnerOnly
public final class JobResource {
    private final JobService jobs;
    private final ScanScheduler scheduler;

    public JobResource(JobService jobs, ScanScheduler scheduler) {
        this.jobs = jobs;
        this.scheduler = scheduler;
    }

    /** Stump's JobScheduleConfig. */
    @Schema(name = "JobSchedulerConfig")
    public record SchedulerConfigDto(@Schema(description = "Seconds between scans of every library (at least 60); null: none")
                                     Integer intervalSecs, List<String> excludedLibraryIds) {
    }

    @GET
    @Path("scheduler-config")
    @Operation(summary = "The scheduled-scan settings")
    public SchedulerConfigDto schedulerConfig() {
        ScanScheduler.Config c = scheduler.config();
        return new SchedulerConfigDto(c.intervalSecs(), c.excludedLibraryIds());
    }

    @POST
    @Path("scheduler-config")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the scheduled-scan settings", description = "Every interval_secs every library but the "
            + "excluded ones is scanned; interval_secs null stops scheduled scans. Excluded ids that name no library are "
            + "refused (400, naming them).")
    public SchedulerConfigDto setSchedulerConfig(SchedulerConfigDto body) {
        if (body == null) {
            throw ApiException.badRequest("A JSON body {interval_secs, excluded_library_ids} is required");
        }
        ScanScheduler.Config c = scheduler.update(new ScanScheduler.Config(body.intervalSecs(), body.excludedLibraryIds()));
        return new SchedulerConfigDto(c.intervalSecs(), c.excludedLibraryIds());
    }

    @GET
    @Operation(summary = "Jobs, newest first", description = "Running jobs show live task counts and percent done.")
    public Pageable<JobDto> list(@BeanParam PageParams page) {
        return Pageable.of(jobs.list(page.toRequest()).map(JobDto::of));
    }

    @DELETE
    @Operation(summary = "Delete the records of every finished job")
    public CountDto deleteFinished() {
        return new CountDto(jobs.deleteAllFinished());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A job")
    public JobDto get(@PathParam("id") String id) {
        return JobDto.of(jobs.get(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a finished job's record")
    public JobDto delete(@PathParam("id") String id) {
        JobDto dto = JobDto.of(jobs.get(id));
        jobs.delete(id);
        return dto;
    }

    @DELETE
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a queued or running job", description = "A cancelled scan keeps the batches it finished; the next scan does the rest.")
    public JobDto cancel(@PathParam("id") String id) {
        return JobDto.of(jobs.cancel(id));
    }
}
