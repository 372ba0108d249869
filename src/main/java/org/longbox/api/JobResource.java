package org.longbox.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.longbox.api.dto.CountDto;
import org.longbox.api.dto.JobDto;
import org.longbox.api.dto.Pageable;
import org.longbox.auth.OwnerOnly;
import org.longbox.library.jobs.JobService;

/** Stump's {@code /jobs}: background work (scans), with progress; owner only, as in Stump. */
@Path("/api/v1/jobs")
@Tag(name = "job")
@Produces(MediaType.APPLICATION_JSON)
@OwnerOnly
public final class JobResource {
    private final JobService jobs;

    public JobResource(JobService jobs) {
        this.jobs = jobs;
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
