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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.longbox.api.dto.ThumbnailPageDto;
import org.longbox.http.Callers;
import org.longbox.http.RequiresPermission;
import org.longbox.http.ThumbnailAnswers;
import org.longbox.library.BookFiles;
import org.longbox.library.Media;
import org.longbox.library.MediaService;
import org.longbox.library.PageStore;
import org.longbox.library.ThumbnailService;
import org.longbox.media.PageData;
import org.longbox.server.errors.ApiException;
import org.longbox.server.web.ConditionalGet;
import org.longbox.server.web.FileResponder;
import org.longbox.user.Permission;
import org.longbox.user.Viewer;

import java.io.IOException;
import java.util.List;

/** A book's bytes: the file, its pages, their sizes. */
@Path("/api/v1/media")
@Tag(name = "media")
public final class MediaFileResource {
    /** Pages of a book file never change without its ETag changing; shared with {@link PageFilter}. */
    static final String PAGE_CACHE_CONTROL = "private, max-age=86400";

    private final MediaService media;
    private final BookFiles files;
    private final ThumbnailService thumbnails;

    public MediaFileResource(MediaService media, BookFiles files, ThumbnailService thumbnails) {
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
        return ThumbnailAnswers.answer(thumbnails.ofBook(media.get(Viewer.of(Callers.of(sc)), id)), request);
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
                            @Context HttpHeaders headers, @Context SecurityContext sc) throws IOException {
        if (body == null || body.page() == null) {
            throw ApiException.badRequest("A JSON body {page} is required");
        }
        Media m = media.get(Viewer.of(Callers.of(sc)), id);
        ThumbnailAnswers.checkBeforeChange(headers, request, () -> thumbnails.ofBook(m));
        return ThumbnailAnswers.changed(thumbnails.remakeForBook(m, body.page(), body.isZeroBased()));
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
        BookFiles.Download d = files.download(media.get(Viewer.of(Callers.of(sc)), id));
        return FileResponder.serve(request, range, ifRange, d.file(), d.mediaType(), d.fileName());
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
        Media m = media.get(Viewer.of(Callers.of(sc)), id);
        String etag = PageStore.etag(m, page, width, height);
        long modified = PageStore.lastModified(m);
        Response notModified = ConditionalGet.notModified(request, etag, modified);
        if (notModified != null) {
            return notModified;
        }
        PageData data = files.page(m, page, width, height);
        return ConditionalGet.image(data.bytes(), data.mediaType(), etag, modified, PAGE_CACHE_CONTROL);
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
        Media m = media.get(Viewer.of(Callers.of(sc)), id);
        if (page < 1 || page > m.pages()) {
            throw ApiException.badRequest("page must be between 1 and " + m.pages());
        }
        List<PageDimension> all = dimensions(m);
        if (page > all.size()) {
            throw ApiException.notFound("The book has changed since it was scanned; rescan the library");
        }
        return all.get(page - 1);
    }

    private List<PageDimension> dimensions(Media m) {
        return files.pageSizes(m).stream().map(d -> new PageDimension(d.height(), d.width())).toList();
    }
}
