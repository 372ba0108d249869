package org.longbox.opds;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.longbox.http.Callers;
import org.longbox.http.RequiresPermission;
import org.longbox.user.Permission;
import org.longbox.user.Viewer;

import java.io.IOException;

/** OPDS 1.2 book resources: Page Streaming (PSE), the cover, the thumbnail and the file. */
@Path("/opds/v1.2")
@Tag(name = "opds")
public final class OpdsV12BookResource {
    private final OpdsMedia media;

    public OpdsV12BookResource(OpdsMedia media) {
        this.media = media;
    }

    @GET
    @Path("books/{id}/pages/{page}")
    @Produces({"image/jpeg", "image/png", "image/gif"})
    @Operation(summary = "Page Streaming: a page image", description = "`page` counts from 0 (PSE) unless zero_based=false. "
            + "Always JPEG, PNG or GIF. Fetching a page records your progress there; the last page finishes the book.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "image/*"))
    public Response page(@PathParam("id") String id, @PathParam("page") int page,
                         @QueryParam("zero_based") @DefaultValue("true") boolean zeroBased,
                         @QueryParam("maxWidth") @Parameter(description = "Fit within this width") String maxWidth,
                         @Context Request request, @Context SecurityContext sc) {
        return media.page(Viewer.of(Callers.of(sc)), id, zeroBased ? page + 1 : page, OpdsMedia.width(maxWidth), OpdsMedia.As.STREAM, true,
                request);
    }

    @GET
    @Path("books/{id}/cover")
    @Produces({"image/jpeg", "image/png", "image/gif"})
    @Operation(summary = "The book's first page, full size", description = "Does not touch reading progress.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "image/*"))
    public Response cover(@PathParam("id") String id, @Context Request request, @Context SecurityContext sc) {
        return media.page(Viewer.of(Callers.of(sc)), id, 1, null, OpdsMedia.As.PAGE, false, request);
    }

    @GET
    @Path("books/{id}/thumbnail")
    @Produces({"image/jpeg", "image/png", "image/gif"})
    @Operation(summary = "The book's thumbnail")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "image/*"))
    public Response thumbnail(@PathParam("id") String id, @Context Request request, @Context SecurityContext sc) throws IOException {
        return media.thumbnail(Viewer.of(Callers.of(sc)), id, request);
    }

    @GET
    @Path("books/{id}/file/{filename}")
    @Produces("*/*")
    @RequiresPermission(Permission.FILE_DOWNLOAD)
    @Operation(summary = "Download the book", description = "The file name is for the app's benefit; needs file:download.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/octet-stream"))
    public Response file(@PathParam("id") String id, @PathParam("filename") String filename, @HeaderParam("Range") String range,
                         @HeaderParam("If-Range") String ifRange, @Context Request request, @Context SecurityContext sc) throws IOException {
        return media.file(Viewer.of(Callers.of(sc)), id, range, ifRange, request);
    }
}
