package org.longbox.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.longbox.api.dto.EpubProgressDto;
import org.longbox.api.dto.FinishedSessionDto;
import org.longbox.api.dto.ReadingSessionDto;
import org.longbox.http.Callers;
import org.longbox.reading.ProgressService;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Viewer;

/** Stump's {@code /epub}: so far the EPUB reader's progress reports. */
@Path("/api/v1/epub")
@Tag(name = "epub")
@Produces(MediaType.APPLICATION_JSON)
public final class EpubResource {
    private final ProgressService progress;

    public EpubResource(ProgressService progress) {
        this.progress = progress;
    }

    @PUT
    @Path("{id}/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report progress in an EPUB", description = "Recorded as PUT /api/v1/media/{id}/progress records "
            + "the same fields: percentage 1, or is_complete, finishes the book and the answer is then the finished reading. "
            + "A book that is not an EPUB is 400.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(oneOf = {ReadingSessionDto.class, FinishedSessionDto.class})))
    public Object put(@PathParam("id") String id, EpubProgressDto body, @Context SecurityContext sc) {
        if (body == null) {
            throw ApiException.badRequest("A JSON body {epubcfi, percentage} is required");
        }
        return ProgressResource.answer(progress.updateEpub(Viewer.of(Callers.of(sc)), id, body.epubcfi(), body.percentage(),
                Boolean.TRUE.equals(body.isComplete())));
    }
}
