package org.longbox.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.longbox.auth.Caller;
import org.longbox.library.BookFiles;
import org.longbox.library.Library;
import org.longbox.library.LibraryService;
import org.longbox.library.MediaRow;
import org.longbox.library.MediaService;
import org.longbox.library.SeriesRow;
import org.longbox.library.SeriesService;
import org.longbox.library.ThumbnailService;
import org.longbox.media.BookException;
import org.longbox.server.PageRequest;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Viewer;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Date;

/** Thumbnails of books, series (their first book) and libraries (their first series). */
@Path("/api/v1")
@Tag(name = "thumbnail")
public final class ThumbnailResource {
    private final LibraryService libraries;
    private final SeriesService series;
    private final MediaService media;
    private final BookFiles files;
    private final ThumbnailService thumbnails;

    public ThumbnailResource(LibraryService libraries, SeriesService series, MediaService media, BookFiles files,
                             ThumbnailService thumbnails) {
        this.libraries = libraries;
        this.series = series;
        this.media = media;
        this.files = files;
        this.thumbnails = thumbnails;
    }

    @GET
    @Path("media/{id}/thumbnail")
    @Produces({"image/jpeg", "image/png", "image/webp"})
    @Operation(summary = "A book's thumbnail", description = "Made during scans when the library asks for thumbnails, "
            + "else from the first page on first request; never larger than its box.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "image/*"))
    public Response book(@PathParam("id") String id, @Context Request request, @Context SecurityContext sc) throws IOException {
        return serve(media.get(Viewer.of(Caller.of(sc)), id), request);
    }

    @GET
    @Path("series/{id}/thumbnail")
    @Produces({"image/jpeg", "image/png", "image/webp"})
    @Operation(summary = "A series' thumbnail: its first book's")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "image/*"))
    public Response ofSeries(@PathParam("id") String id, @Context Request request, @Context SecurityContext sc) throws IOException {
        Viewer viewer = Viewer.of(Caller.of(sc));
        series.get(viewer, id);
        return serve(firstBook(viewer, new MediaService.Filter(null, id, null, null, null, null, null, null, null, null,
                null, null, java.util.List.of("READY"), null, null)), request);
    }

    @GET
    @Path("libraries/{id}/thumbnail")
    @Produces({"image/jpeg", "image/png", "image/webp"})
    @Operation(summary = "A library's thumbnail: its first series' first book's")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "image/*"))
    public Response ofLibrary(@PathParam("id") String id, @Context Request request, @Context SecurityContext sc) throws IOException {
        Viewer viewer = Viewer.of(Caller.of(sc));
        Library library = libraries.get(viewer, id);
        var first = series.list(viewer, new SeriesService.Filter(library.id(), null, null, null, null, false),
                PageRequest.of(1, 1, false, null, null));
        if (first.items().isEmpty()) {
            throw ApiException.notFound("The library has no series yet");
        }
        SeriesRow s = first.items().get(0);
        return serve(firstBook(viewer, new MediaService.Filter(null, s.id, null, null, null, null, null, null, null, null,
                null, null, java.util.List.of("READY"), null, null)), request);
    }

    private MediaRow firstBook(Viewer viewer, MediaService.Filter filter) {
        var page = media.list(viewer, filter, PageRequest.of(1, 1, false, null, null));
        if (page.items().isEmpty()) {
            throw ApiException.notFound("No readable book to take a thumbnail from");
        }
        return page.items().get(0);
    }

    private Response serve(MediaRow m, Request request) throws IOException {
        if (!"READY".equals(m.status)) {
            throw ApiException.notFound("The book cannot be read (" + m.status + ")");
        }
        ThumbnailService.Stored t;
        try {
            t = thumbnails.findOrMake(m.id, files.file(m), libraries.thumbnailConfig(m.libraryId));
        } catch (BookException e) {
            throw ApiException.notFound("No thumbnail: " + e.getMessage());
        }
        long modified = Files.getLastModifiedTime(t.file()).toMillis();
        EntityTag etag = new EntityTag(m.id + "-" + Long.toHexString(modified));
        Date lastModified = new Date(modified / 1000 * 1000);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(lastModified, etag);
        if (notModified != null) {
            return notModified.tag(etag).build();
        }
        return Response.ok(Files.readAllBytes(t.file()), t.mediaType()).tag(etag).lastModified(lastModified)
                .header("Cache-Control", "private, max-age=86400").build();
    }
}
