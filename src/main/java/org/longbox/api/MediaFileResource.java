package org.longbox.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.longbox.api.dto.ThumbnailPageDto;
import org.longbox.http.Callers;
import org.longbox.http.RequiresPermission;
import org.longbox.library.BookFiles;
import org.longbox.library.MediaRow;
import org.longbox.library.MediaService;
import org.longbox.library.PageStore;
import org.longbox.media.Dimensions;
import org.longbox.media.PageData;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Permission;
import org.longbox.user.Viewer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** A book's bytes: the file, its pages, their sizes. */
@Path("/api/v1/media")
@Tag(name = "media")
public final class MediaFileResource {
    /** Pages of a book file never change without its ETag changing; shared with {@link PageFilter}. */
    static final String PAGE_CACHE_CONTROL = "private, max-age=86400";

    private final MediaService media;
    private final BookFiles files;
    private final Thumbnails thumbnails;

    public MediaFileResource(MediaService media, BookFiles files, Thumbnails thumbnails) {
        this.media = media;
        this.files = files;
        this.thumbnails = thumbnails;
    }

    @GET
    @Path("{id}/thumbnail")
    @Produces({"image/jpeg", "image/png", "image/webp"})
    @Operation(summary = "The book's thumbnail", description = "Made during scans when the library asks for thumbnails, "
            + "else from the first page on first request; never larger than its box.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "image/*"))
    public Response thumbnail(@PathParam("id") String id, @Context Request request, @Context SecurityContext sc) throws IOException {
        return thumbnails.serve(media.get(Viewer.of(Callers.of(sc)), id), request);
    }

    /** One page's size. */
    @Schema(name = "PageDimension")
    public record PageDimension(int height, int width) {
    }

    @PATCH
    @Path("{id}/thumbnail")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({"image/jpeg", "image/png", "image/webp"})
    @RequiresPermission(Permission.LIBRARY_MANAGE)
    @Operation(summary = "Remake the book's thumbnail from another page", description = "Answers the new thumbnail.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "image/*"))
    public Response rethumb(@PathParam("id") String id, ThumbnailPageDto body, @Context Request request,
                            @Context SecurityContext sc) throws IOException {
        if (body == null || body.page() == null) {
            throw ApiException.badRequest("A JSON body {page} is required");
        }
        MediaRow m = media.get(Viewer.of(Callers.of(sc)), id);
        thumbnails.remake(m.id, m, Thumbnails.page(body.page(), body.isZeroBased(), m));
        return thumbnails.serve(m, request);
    }

    @GET
    @Path("{id}/file")
    @Produces(MediaType.WILDCARD)
    @RequiresPermission(Permission.FILE_DOWNLOAD)
    @Operation(summary = "Download the book file", description = "Streamed, with Range requests (206), ETag and "
            + "Last-Modified. A Range with an If-Range that no longer matches (another ETag, a weak one, or a date "
            + "other than Last-Modified) gets the whole file (200). Needs file:download.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/octet-stream"))
    public Response file(@PathParam("id") String id, @HeaderParam("Range") String range,
                         @HeaderParam("If-Range") String ifRange, @Context Request request,
                         @Context SecurityContext sc) throws IOException {
        return files.download(media.get(Viewer.of(Callers.of(sc)), id), request, range, ifRange);
    }

    @GET
    @Path("{id}/page/{page}")
    @Produces({"image/jpeg", "image/png", "image/gif", "image/webp"})
    @Operation(summary = "A page image (1-based)", description = "In its own format (Content-Type says which), or "
            + "scaled to fit width and/or height. Conditional GET with ETag and Last-Modified. A page out of range is 400.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "image/*"))
    public Response page(@PathParam("id") String id, @PathParam("page") int page,
                         @QueryParam("width") @Parameter(description = "Fit within this width, 1-4000") Integer width,
                         @QueryParam("height") @Parameter(description = "Fit within this height, 1-4000") Integer height,
                         @Context Request request, @Context SecurityContext sc) {
        MediaRow m = media.get(Viewer.of(Callers.of(sc)), id);
        EntityTag etag = new EntityTag(PageStore.etag(m, page, width, height));
        Date modified = PageStore.lastModifiedDate(m);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(modified, etag);
        if (notModified != null) {
            return notModified.tag(etag).build();
        }
        PageData data = files.page(m, page, width, height);
        return Response.ok(data.bytes(), data.mediaType()).tag(etag).lastModified(modified)
                .header("Cache-Control", PAGE_CACHE_CONTROL).build();
    }

    @GET
    @Path("{id}/dimensions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The size of every page", description = "Measured once, then kept.")
    public List<PageDimension> dimensions(@PathParam("id") String id, @Context SecurityContext sc) {
        return dimensions(media.get(Viewer.of(Callers.of(sc)), id));
    }

    @GET
    @Path("{id}/page/{page}/dimensions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The size of one page (1-based)", description = "From the sizes kept for /dimensions. "
            + "A page out of range is 400.")
    public PageDimension pageDimensions(@PathParam("id") String id, @PathParam("page") int page, @Context SecurityContext sc) {
        MediaRow m = media.get(Viewer.of(Callers.of(sc)), id);
        if (page < 1 || page > m.pages) {
            throw ApiException.badRequest("page must be between 1 and " + m.pages);
        }
        List<PageDimension> all = dimensions(m);
        if (page > all.size()) {
            throw ApiException.notFound("The book has changed since it was scanned; rescan the library");
        }
        return all.get(page - 1);
    }

    /** Every page's size: stored ones, else measured now and stored. */
    private List<PageDimension> dimensions(MediaRow m) {
        String stored = media.dimensions(m.id);
        List<PageDimension> out = new ArrayList<>();
        if (stored == null) {
            StringBuilder sb = new StringBuilder();
            for (Dimensions d : files.dimensions(m)) {
                out.add(new PageDimension(d.height(), d.width()));
                sb.append(sb.length() == 0 ? "" : ";").append(d.width()).append(',').append(d.height());
            }
            if (sb.length() <= 32000) {
                media.saveDimensions(m.id, sb.toString());
            }
            return out;
        }
        for (String pair : stored.split(";")) {
            String[] wh = pair.split(",");
            if (wh.length == 2) {
                out.add(new PageDimension(Integer.parseInt(wh[1]), Integer.parseInt(wh[0])));
            }
        }
        return out;
    }
}
