package org.longbox.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.longbox.api.dto.MediaDto;
import org.longbox.api.dto.Pageable;
import org.longbox.http.Callers;
import org.longbox.http.RequiresPermission;
import org.longbox.library.Media;
import org.longbox.library.MediaService;
import org.longbox.library.SeriesService;
import org.longbox.user.Caller;
import org.longbox.user.Permission;
import org.longbox.user.Viewer;

/** Stump's {@code /media}: books, as lists and one at a time. */
@Path("/api/v1/media")
@Tag(name = "media")
@Produces(MediaType.APPLICATION_JSON)
public final class MediaResource {
    private final MediaService media;
    private final SeriesService series;
    private final MediaViews views;

    public MediaResource(MediaService media, SeriesService series, MediaViews views) {
        this.media = media;
        this.series = series;
        this.views = views;
    }

    @GET
    @Operation(summary = "Books you may see", description = "Filtered, ordered and paged; hidden libraries and "
            + "books beyond your age restriction are never listed or counted.")
    public Pageable<MediaDto> list(@BeanParam MediaFilterParams filter, @BeanParam PageParams page, @Context SecurityContext sc) {
        Caller caller = Callers.of(sc);
        return views.page(caller, media.list(Viewer.of(caller), filter.toFilter(), page.toRequest()));
    }

    @GET
    @Path("keep-reading")
    @Operation(summary = "Books you are reading, last read first")
    public Pageable<MediaDto> keepReading(@BeanParam PageParams page, @Context SecurityContext sc) {
        Caller caller = Callers.of(sc);
        return views.page(caller, media.keepReading(Viewer.of(caller), page.toRequest()));
    }

    @GET
    @Path("recently-added")
    @Operation(summary = "Books, newest first")
    public Pageable<MediaDto> recentlyAdded(@BeanParam MediaFilterParams filter, @BeanParam PageParams page,
                                            @Context SecurityContext sc) {
        Caller caller = Callers.of(sc);
        MediaService.Filter f = filter.toFilter().orderedBy("created_at", "desc");
        return views.page(caller, media.list(Viewer.of(caller), f, page.toRequest()));
    }

    @GET
    @Path("duplicates")
    @Operation(summary = "Books that share their content hash with another", description = "Needs libraries scanned "
            + "with generate_file_hashes.")
    public Pageable<MediaDto> duplicates(@BeanParam PageParams page, @Context SecurityContext sc) {
        Caller caller = Callers.of(sc);
        return views.page(caller, media.duplicates(Viewer.of(caller), page.toRequest()));
    }

    @GET
    @Path("path/{path: .+}")
    @RequiresPermission(Permission.LIBRARY_MANAGE)
    @Operation(summary = "The book at an absolute file path", description = "For those who manage libraries. The path's "
            + "segments each URL-encoded, without the leading slash (containers refuse %2F): /media/path/srv/comics/A%20B/c.cbz")
    public MediaDto byPath(@PathParam("path") String path, @Context SecurityContext sc) {
        Caller caller = Callers.of(sc);
        String absolute = path.startsWith("/") ? path : "/" + path;
        return views.one(caller, media.byPath(Viewer.of(caller), absolute), null);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A book")
    public MediaDto get(@PathParam("id") String id,
                        @QueryParam("load_series") @DefaultValue("false") @Parameter(description = "Include the series") boolean loadSeries,
                        @Context SecurityContext sc) {
        Caller caller = Callers.of(sc);
        Viewer viewer = Viewer.of(caller);
        Media m = media.get(viewer, id);
        return views.one(caller, m, loadSeries ? series.get(viewer, m.seriesId()) : null);
    }
}
