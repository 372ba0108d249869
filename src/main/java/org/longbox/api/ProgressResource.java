package org.longbox.api;

import com.fasterxml.jackson.databind.node.NullNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.longbox.api.dto.CompletionDto;
import org.longbox.api.dto.FinishedSessionDto;
import org.longbox.api.dto.ProgressUpdateDto;
import org.longbox.api.dto.ReadingSessionDto;
import org.longbox.api.dto.SetCompleteDto;
import org.longbox.http.Callers;
import org.longbox.reading.ProgressService;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Viewer;

/** Stump's {@code /media/{id}/progress}: the caller's own reading progress on a book. */
@Path("/api/v1/media/{id}/progress")
@Tag(name = "media")
@Produces(MediaType.APPLICATION_JSON)
public final class ProgressResource {
    private final ProgressService progress;

    public ProgressResource(ProgressService progress) {
        this.progress = progress;
    }

    @GET
    @Operation(summary = "Your active reading session on the book, or null")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReadingSessionDto.class, nullable = true)))
    public Object get(@PathParam("id") String id, @Context SecurityContext sc) {
        ReadingSessionDto dto = ReadingSessionDto.of(progress.active(Viewer.of(Callers.of(sc)), id));
        return dto == null ? NullNode.getInstance() : dto;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report progress", description = "Reaching the last page (or percentage 1 of an EPUB, or "
            + "is_complete) finishes the book: the answer is then the finished reading instead of the active session.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(oneOf = {ReadingSessionDto.class, FinishedSessionDto.class})))
    public Object put(@PathParam("id") String id, ProgressUpdateDto body, @Context SecurityContext sc) {
        if (body == null) {
            throw ApiException.badRequest("A JSON body {page} or {epubcfi, percentage} is required");
        }
        Viewer viewer = Viewer.of(Callers.of(sc));
        ProgressService.Outcome o = Boolean.TRUE.equals(body.isComplete())
                ? progress.finish(viewer, id)
                : progress.update(viewer, id, new ProgressService.Update(body.page(), body.epubcfi(), body.percentage(),
                body.elapsedSeconds(), body.deviceId()));
        return answer(o);
    }

    /** Stump's untagged union: the finished reading when the report finished the book, else the active session. */
    static Object answer(ProgressService.Outcome o) {
        return o.finished() != null ? FinishedSessionDto.of(o.finished()) : ReadingSessionDto.of(o.active());
    }

    @DELETE
    @Operation(summary = "Forget where you are in the book", description = "Finished readings stay.")
    public CompletionDto delete(@PathParam("id") String id, @Context SecurityContext sc) {
        progress.clear(Viewer.of(Callers.of(sc)), id);
        return new CompletionDto(false, null);
    }

    @GET
    @Path("complete")
    @Operation(summary = "Whether you have finished the book, and when last")
    public CompletionDto completion(@PathParam("id") String id, @Context SecurityContext sc) {
        return CompletionDto.of(progress.completion(Viewer.of(Callers.of(sc)), id));
    }

    @PUT
    @Path("complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark the book finished, or not", description = "Not finished puts you back at `page` "
            + "(default: the last page of a comic, the start of an EPUB).")
    public CompletionDto setComplete(@PathParam("id") String id, SetCompleteDto body, @Context SecurityContext sc) {
        if (body == null || body.isComplete() == null) {
            throw ApiException.badRequest("A JSON body {is_complete: true|false} is required");
        }
        return CompletionDto.of(progress.setComplete(Viewer.of(Callers.of(sc)), id, body.isComplete(), body.page()));
    }
}
