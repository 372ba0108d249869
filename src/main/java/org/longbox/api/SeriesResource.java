package org.longbox.api;

import com.fasterxml.jackson.databind.node.NullNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import org.longbox.api.dto.BookPageThumbnailDto;
import org.longbox.api.dto.MediaDto;
import org.longbox.api.dto.Pageable;
import org.longbox.api.dto.SeriesDto;
import org.longbox.http.Callers;
import org.longbox.http.RequiresPermission;
import org.longbox.http.ThumbnailAnswers;
import org.longbox.library.Media;
import org.longbox.library.MediaService;
import org.longbox.library.Series;
import org.longbox.library.SeriesService;
import org.longbox.library.ThumbnailService;
import org.longbox.user.Caller;
import org.longbox.user.Permission;
import org.longbox.user.Viewer;

import java.io.IOException;
import java.util.List;

/** Stump's {@code /series}. */
@Path("/api/v1/series")
@Tag(name = "series")
@Produces(MediaType.APPLICATION_JSON)
public final class SeriesResource {
    private final SeriesService series;
    private final MediaService media;
    private final MediaViews views;
    private final ThumbnailService thumbnails;

    public SeriesResource(SeriesService series, MediaService media, MediaViews views, ThumbnailService thumbnails) {
        this.series = series;
        this.media = media;
        this.views = views;
        this.thumbnails = thumbnails;
    }

    @GET
    @Path("{id}/thumbnail")
    @Produces({"image/jpeg", "image/png", "image/webp"})
    @Operation(summary = "The series' thumbnail", description = "The one set with PATCH, else its first book's (in name order).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "image/*"))
    public Response thumbnail(@PathParam("id") String id, @Context Request request, @Context SecurityContext sc)
            throws IOException {
        Viewer viewer = Viewer.of(Callers.of(sc));
        return ThumbnailAnswers.answer(thumbnails.ofSeries(viewer, series.find(viewer, id)), request);
    }

    @PATCH
    @Path("{id}/thumbnail")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({"image/jpeg", "image/png", "image/webp"})
    @RequiresPermission(Permission.LIBRARY_MANAGE)
    @Operation(summary = "Make a page of one of its books the series' thumbnail", description = "Made with the library's "
            + "thumbnail options (the defaults when it has none) and kept until the library's thumbnails are deleted; "
            + "regenerating the books' thumbnails leaves it. Answers the new thumbnail. A book of another series, or a "
            + "page the book does not have, is 400.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "image/*"))
    public Response setThumbnail(@PathParam("id") String id, BookPageThumbnailDto body, @Context Request request,
                                 @Context HttpHeaders headers, @Context SecurityContext sc) throws IOException {
        Viewer viewer = Viewer.of(Callers.of(sc));
        Series s = series.find(viewer, id);
        ThumbnailAnswers.checkBeforeChange(headers, request, () -> thumbnails.ofSeries(viewer, s));
        return ThumbnailAnswers.changed(thumbnails.setForSeries(viewer, s, body == null ? null : body.mediaId(),
                body == null ? null : body.page(), body == null ? null : body.isZeroBased()));
    }

    @GET
    @Operation(summary = "Series you may see")
    public Pageable<SeriesDto> list(@QueryParam("search") String search, @QueryParam("id") List<String> ids,
                                    @QueryParam("library_id") String libraryId,
                                    @QueryParam("order_by") @Parameter(description = "name (default), description, updated_at, created_at, path, status, library_id") String orderBy,
                                    @QueryParam("direction") String direction,
                                    @QueryParam("count_media") @DefaultValue("false") boolean countMedia,
                                    @BeanParam PageParams page, @Context SecurityContext sc) {
        Caller caller = Callers.of(sc);
        SeriesService.Filter f = new SeriesService.Filter(libraryId, ids == null || ids.isEmpty() ? null : ids, search,
                orderBy, direction, countMedia);
        return MediaViews.series(caller, series.list(Viewer.of(caller), f, page.toRequest()));
    }

    @GET
    @Path("recently-added")
    @Operation(summary = "Series, newest first")
    public Pageable<SeriesDto> recentlyAdded(@BeanParam PageParams page, @Context SecurityContext sc) {
        Caller caller = Callers.of(sc);
        SeriesService.Filter f = new SeriesService.Filter(null, null, null, "created_at", "desc", true);
        return MediaViews.series(caller, series.list(Viewer.of(caller), f, page.toRequest()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A series, with your counts of its books")
    public SeriesDto get(@PathParam("id") String id, @Context SecurityContext sc) {
        Caller caller = Callers.of(sc);
        return SeriesDto.of(series.get(Viewer.of(caller), id), MediaViews.fullPaths(caller));
    }

    @GET
    @Path("{id}/media")
    @Operation(summary = "The series' books", description = "In name order (\"2\" before \"10\") unless order_by says otherwise.")
    public Pageable<MediaDto> media(@PathParam("id") String id, @BeanParam MediaFilterParams filter,
                                    @BeanParam PageParams page, @Context SecurityContext sc) {
        Caller caller = Callers.of(sc);
        Viewer viewer = Viewer.of(caller);
        series.find(viewer, id);
        return views.page(caller, media.list(viewer, filter.toFilter().withSeries(id), page.toRequest()));
    }

    @GET
    @Path("{id}/media/next")
    @Operation(summary = "The next book to read", description = "The first book, in name order, you have not finished; null when none.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The book, or null",
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = MediaDto.class, nullable = true)))
    public Object next(@PathParam("id") String id, @Context SecurityContext sc) {
        Caller caller = Callers.of(sc);
        Viewer viewer = Viewer.of(caller);
        series.find(viewer, id);
        Media next = media.nextInSeries(viewer, id);
        return next == null ? NullNode.getInstance() : views.one(caller, next, null);
    }
}
