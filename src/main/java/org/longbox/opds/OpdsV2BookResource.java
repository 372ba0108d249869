package org.longbox.opds;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.longbox.http.Callers;
import org.longbox.http.RequiresPermission;
import org.longbox.library.Media;
import org.longbox.library.MediaService;
import org.longbox.reading.ProgressService;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Permission;
import org.longbox.user.Viewer;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** OPDS 2.0 book resources: pages (1-based), thumbnail, file and Readium progression. */
@Path("/opds/v2.0")
@Tag(name = "opds")
public final class OpdsV2BookResource {
    private final OpdsMedia images;
    private final MediaService media;
    private final ProgressService progress;

    @Context
    private HttpServletRequest request;

    public OpdsV2BookResource(OpdsMedia images, MediaService media, ProgressService progress) {
        this.images = images;
        this.media = media;
        this.progress = progress;
    }

    @GET
    @Path("books/{id}/pages/{page}")
    @Produces({"image/jpeg", "image/png", "image/gif"})
    @Operation(summary = "A page image (1-based)", description = "JPEG, PNG or GIF. Progress goes through the progression API.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "image/*"))
    public Response page(@PathParam("id") String id, @PathParam("page") int page, @Context Request req, @Context SecurityContext sc) {
        return images.page(Viewer.of(Callers.of(sc)), id, page, null, OpdsMedia.As.PAGE, false, req);
    }

    @GET
    @Path("books/{id}/thumbnail")
    @Produces({"image/jpeg", "image/png", "image/gif"})
    @Operation(summary = "The book's thumbnail")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "image/*"))
    public Response thumbnail(@PathParam("id") String id, @Context Request req, @Context SecurityContext sc) throws IOException {
        return images.thumbnail(Viewer.of(Callers.of(sc)), id, req);
    }

    @GET
    @Path("books/{id}/file")
    @Produces("*/*")
    @RequiresPermission(Permission.FILE_DOWNLOAD)
    @Operation(summary = "Download the book (file:download)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/octet-stream"))
    public Response file(@PathParam("id") String id, @HeaderParam("Range") String range,
                         @HeaderParam("If-Range") String ifRange, @Context Request req,
                         @Context SecurityContext sc) throws IOException {
        return images.file(Viewer.of(Callers.of(sc)), id, range, ifRange, req);
    }

    @GET
    @Path("books/{id}/progression")
    @Produces(Opds2.PROGRESSION)
    @Operation(summary = "Readium progression: where you are in the book", description = "204 when you have not started it.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = Opds2.PROGRESSION))
    public Response getProgression(@PathParam("id") String id, @Context SecurityContext sc) {
        Viewer viewer = Viewer.of(Callers.of(sc));
        Media m = media.getReadable(viewer, id);
        ProgressService.Progress p = progress.forMedia(viewer.userId(), List.of(id)).get(id);
        Integer page;
        Double fraction;
        long modified;
        String device = null;
        if (p.active() != null) {
            page = p.active().page();
            fraction = p.active().percentageCompleted() != null ? p.active().percentageCompleted()
                    : page != null && m.pages() > 0 ? (double) page / m.pages() : null;
            modified = p.active().updatedAt();
            device = p.active().deviceId();
        } else if (p.completed()) {
            page = m.pages() > 0 ? m.pages() : null;
            fraction = 1.0;
            modified = p.finished().get(0).completedAt();
        } else {
            return Response.noContent().build();
        }
        Map<String, Object> locations = new LinkedHashMap<>();
        if (page != null) {
            locations.put("position", page);
        }
        if (fraction != null) {
            locations.put("progression", fraction);
            locations.put("totalProgression", fraction);
        }
        Map<String, Object> locator = new LinkedHashMap<>();
        OpdsUrls u = OpdsUrls.of(request, "2.0");
        locator.put("href", page != null && OpdsBooks.streamable(m) ? u.to("/books/" + id + "/pages/" + page) : u.to("/books/" + id));
        locator.put("type", OpdsBooks.streamable(m) ? OpdsBooks.pageType(m, page != null ? page : 1) : OpdsBooks.mediaType(m));
        locator.put("locations", locations);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("modified", Instant.ofEpochMilli(modified).toString());
        body.put("device", Map.of("id", device == null ? "longbox" : device, "name", device == null ? "Longbox" : device));
        body.put("locator", locator);
        return Response.ok(Opds2.write(body)).header("Content-Type", Opds2.PROGRESSION).build();
    }

    @PUT
    @Path("books/{id}/progression")
    @Consumes({Opds2.PROGRESSION, "application/json"})
    @Operation(summary = "Readium progression: report where you are", description = "locator.locations.position "
            + "(1-based page) or totalProgression (0-1); reaching the end finishes the book. 204 on success.")
    public Response putProgression(@PathParam("id") String id, JsonNode body, @Context SecurityContext sc) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("A Readium progression object {locator: {locations: {...}}} is required");
        }
        Viewer viewer = Viewer.of(Callers.of(sc));
        Media m = media.getReadable(viewer, id);
        JsonNode locations = body.path("locator").path("locations");
        Integer position = locations.path("position").isIntegralNumber() ? locations.path("position").asInt() : null;
        Double total = locations.path("totalProgression").isNumber() ? locations.path("totalProgression").asDouble() : null;
        if (position == null && total == null) {
            throw ApiException.badRequest("locator.locations needs a position or a totalProgression");
        }
        if (total != null && (total < 0 || total > 1)) {
            throw ApiException.badRequest("totalProgression must be between 0 and 1");
        }
        boolean epub = m.isEpub();
        Integer page = position != null ? position
                : !epub && m.pages() > 0 ? (int) Math.max(1, Math.round(total * m.pages())) : null;
        String device = body.path("device").path("id").asText(null);
        progress.update(viewer, id, new ProgressService.Update(page, null, epub ? total : null, null, device));
        return Response.noContent().build();
    }
}
