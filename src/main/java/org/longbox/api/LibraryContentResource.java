package org.longbox.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.longbox.api.dto.BookPageThumbnailDto;
import org.longbox.api.dto.CleanResultDto;
import org.longbox.api.dto.CountDto;
import org.longbox.api.dto.GenerateThumbnailsDto;
import org.longbox.api.dto.JobDto;
import org.longbox.api.dto.LastScanDto;
import org.longbox.api.dto.LibraryStatsDto;
import org.longbox.api.dto.MediaDto;
import org.longbox.api.dto.Pageable;
import org.longbox.api.dto.ScanOptionsDto;
import org.longbox.api.dto.ScanRecordDto;
import org.longbox.api.dto.SeriesDto;
import org.longbox.http.Callers;
import org.longbox.http.RequiresPermission;
import org.longbox.http.ThumbnailAnswers;
import org.longbox.library.Library;
import org.longbox.library.LibraryService;
import org.longbox.library.MediaService;
import org.longbox.library.ScanRecord;
import org.longbox.library.SeriesService;
import org.longbox.library.ThumbnailConfig;
import org.longbox.library.ThumbnailService;
import org.longbox.library.jobs.JobService;
import org.longbox.library.scan.LibraryScanner;
import org.longbox.library.scan.ScanService;
import org.longbox.user.Caller;
import org.longbox.user.Permission;
import org.longbox.user.Viewer;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** What is in a library and how it is scanned: its series and books, statistics, scans and cleaning. */
@Path("/api/v1/libraries")
@Tag(name = "library")
@Produces(MediaType.APPLICATION_JSON)
public final class LibraryContentResource {
    /** Stump lists a library's whole scan history; Longbox lists this many of the newest. */
    static final int SCAN_HISTORY_LIMIT = 100;
    private final LibraryService libraries;
    private final SeriesService series;
    private final MediaService media;
    private final ScanService scans;
    private final JobService jobs;
    private final MediaViews views;
    private final ThumbnailService thumbnails;

    public LibraryContentResource(LibraryService libraries, SeriesService series, MediaService media, ScanService scans,
                                  JobService jobs, MediaViews views, ThumbnailService thumbnails) {
        this.thumbnails = thumbnails;
        this.libraries = libraries;
        this.series = series;
        this.media = media;
        this.scans = scans;
        this.jobs = jobs;
        this.views = views;
    }

    @GET
    @Path("stats")
    @Operation(summary = "Counts over every library you may see", description = "all_users=true (owner only) counts everyone's reading.")
    public LibraryStatsDto stats(@QueryParam("all_users") @DefaultValue("false") boolean allUsers, @Context SecurityContext sc) {
        Caller caller = Callers.of(sc);
        if (allUsers) {
            caller.requireOwner();
        }
        return LibraryStatsDto.of(media.stats(Viewer.of(caller), null, allUsers));
    }

    @GET
    @Path("{id}/stats")
    @Operation(summary = "Counts for one library")
    public LibraryStatsDto libraryStats(@PathParam("id") String id, @QueryParam("all_users") @DefaultValue("false") boolean allUsers,
                                        @Context SecurityContext sc) {
        Caller caller = Callers.of(sc);
        if (allUsers) {
            caller.requireOwner();
        }
        Viewer viewer = Viewer.of(caller);
        libraries.get(viewer, id);
        return LibraryStatsDto.of(media.stats(viewer, id, allUsers));
    }

    @GET
    @Path("{id}/thumbnail")
    @Produces({"image/jpeg", "image/png", "image/webp"})
    @Operation(summary = "The library's thumbnail", description = "The one set with PATCH, else its first book's (in name order).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "image/*"))
    public Response thumbnail(@PathParam("id") String id, @Context Request request, @Context SecurityContext sc)
            throws IOException {
        Viewer viewer = Viewer.of(Callers.of(sc));
        return ThumbnailAnswers.answer(thumbnails.ofLibrary(viewer, libraries.get(viewer, id)), request);
    }

    @PATCH
    @Path("{id}/thumbnail")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({"image/jpeg", "image/png", "image/webp"})
    @RequiresPermission(Permission.LIBRARY_MANAGE)
    @Operation(summary = "Make a page of one of its books the library's thumbnail", description = "Made with the library's "
            + "thumbnail options (the defaults when it has none) and kept until the library's thumbnails are deleted; "
            + "regenerating the books' thumbnails leaves it. Answers the new thumbnail. A book of another library, or a "
            + "page the book does not have, is 400.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "image/*"))
    public Response setThumbnail(@PathParam("id") String id, BookPageThumbnailDto body, @Context Request request,
                                 @Context HttpHeaders headers, @Context SecurityContext sc) throws IOException {
        Viewer viewer = Viewer.of(Callers.of(sc));
        Library library = libraries.get(viewer, id);
        ThumbnailAnswers.checkBeforeChange(headers, request, () -> thumbnails.ofLibrary(viewer, library));
        return ThumbnailAnswers.changed(thumbnails.setForLibrary(viewer, library, body == null ? null : body.mediaId(),
                body == null ? null : body.page(), body == null ? null : body.isZeroBased()));
    }

    @DELETE
    @Path("{id}/thumbnail")
    @RequiresPermission(Permission.LIBRARY_MANAGE)
    @Operation(summary = "Delete every thumbnail of the library", description = "Its books', its series' and its own, "
            + "from disk. Later requests make the books' again (from page 1, or as the library's thumbnail_config says) "
            + "and series and library fall back to their first book's. Answers how many files were removed.")
    public CountDto deleteThumbnails(@PathParam("id") String id, @Context SecurityContext sc) {
        return new CountDto(thumbnails.deleteAll(Viewer.of(Callers.of(sc)), id));
    }

    @POST
    @Path("{id}/thumbnail/generate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.LIBRARY_MANAGE)
    @Operation(summary = "Make thumbnails for the library's books", description = "A background job; with "
            + "force_regenerate it remakes existing ones. Options default to the library's thumbnail_config.")
    public JobDto generateThumbnails(@PathParam("id") String id, GenerateThumbnailsDto body, @Context SecurityContext sc) {
        ThumbnailConfig config = body == null ? null : body.imageOptions();
        boolean force = body != null && Boolean.TRUE.equals(body.forceRegenerate());
        return JobDto.of(jobs.get(thumbnails.generate(Viewer.of(Callers.of(sc)), id, config, force)));
    }

    @GET
    @Path("{id}/series")
    @Operation(summary = "The library's series")
    public Pageable<SeriesDto> series(@PathParam("id") String id, @QueryParam("search") String search,
                                      @QueryParam("order_by") String orderBy, @QueryParam("direction") String direction,
                                      @BeanParam PageParams page, @Context SecurityContext sc) {
        Caller caller = Callers.of(sc);
        Viewer viewer = Viewer.of(caller);
        libraries.get(viewer, id);
        return MediaViews.series(caller, series.list(viewer, new SeriesService.Filter(id, null, search, orderBy, direction, true),
                page.toRequest()));
    }

    @GET
    @Path("{id}/media")
    @Operation(summary = "The library's books")
    public Pageable<MediaDto> media(@PathParam("id") String id, @BeanParam MediaFilterParams filter,
                                    @BeanParam PageParams page, @Context SecurityContext sc) {
        Caller caller = Callers.of(sc);
        Viewer viewer = Viewer.of(caller);
        libraries.get(viewer, id);
        return views.page(caller, media.list(viewer, filter.toFilter().withLibrary(id), page.toRequest()));
    }

    @POST
    @Path("{id}/scan")
    @RequiresPermission(Permission.LIBRARY_SCAN)
    @Operation(summary = "Scan the library", description = "Queues a background scan (one per library at a time: asking "
            + "again returns the queued or running one) and answers its job. Body: Stump's ScanOptions, or nothing.")
    public JobDto scan(@PathParam("id") String id, ScanOptionsDto body, @Context SecurityContext sc) {
        Library library = libraries.get(Viewer.of(Callers.of(sc)), id);
        boolean rebuild = body != null && body.rebuild();
        return JobDto.of(jobs.get(scans.scan(library, new LibraryScanner.Options(rebuild))));
    }

    @GET
    @Path("{id}/last-scan")
    @Operation(summary = "When the library was last scanned, and how", description = "For every user who may see the "
            + "library, as in Stump; 404 for a library hidden from you.")
    public LastScanDto lastScan(@PathParam("id") String id, @Context SecurityContext sc) {
        Viewer viewer = Viewer.of(Callers.of(sc));
        Library library = libraries.get(viewer, id);
        List<ScanRecord> last = libraries.scanHistory(viewer, id, 1);
        return new LastScanDto(library.lastScannedAt() == null ? null : Instant.ofEpochMilli(library.lastScannedAt()),
                last.isEmpty() ? null : ScanRecordDto.of(last.get(0)));
    }

    @GET
    @Path("{id}/scan-history")
    @Operation(summary = "The library's scans, newest first", description = "A plain array, as Stump's: the last "
            + SCAN_HISTORY_LIMIT + " scans at most (older records are kept until the history is deleted, but not listed). "
            + "For every user who may see the library, as in Stump; 404 for a library hidden from you.")
    public List<ScanRecordDto> scanHistory(@PathParam("id") String id, @Context SecurityContext sc) {
        return libraries.scanHistory(Viewer.of(Callers.of(sc)), id, SCAN_HISTORY_LIMIT).stream().map(ScanRecordDto::of).toList();
    }

    @DELETE
    @Path("{id}/scan-history")
    @RequiresPermission(Permission.LIBRARY_MANAGE)
    @Operation(summary = "Forget the library's scan history")
    public CountDto clearScanHistory(@PathParam("id") String id, @Context SecurityContext sc) {
        return new CountDto(libraries.clearScanHistory(Viewer.of(Callers.of(sc)), id));
    }

    @PUT
    @Path("{id}/clean")
    @RequiresPermission(Permission.LIBRARY_MANAGE)
    @Operation(summary = "Remove missing books and empty series", description = "Books marked MISSING whose files are "
            + "still gone and series left without books are removed, with their reading progress; a MISSING book whose "
            + "file is back is kept for the next scan. Safe while the library is being scanned.")
    public CleanResultDto clean(@PathParam("id") String id, @Context SecurityContext sc) {
        LibraryService.Cleaned c = libraries.clean(Viewer.of(Callers.of(sc)), id);
        return new CleanResultDto(c.deletedMedia(), c.deletedSeries(), c.isEmpty());
    }
}
