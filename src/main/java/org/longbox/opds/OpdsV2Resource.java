package org.longbox.opds;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.longbox.http.AuthenticationDocument;
import org.longbox.http.Public;
import org.longbox.library.MediaService;
import org.longbox.server.errors.ApiException;

/**
 * OPDS 2.0 (JSON) catalog: navigation, groups, publications, search and the public authentication
 * document. Book images, files and Readium progression are in {@link OpdsV2BookResource}.
 */
@Path("/opds/v2.0")
@Tag(name = "opds")
public final class OpdsV2Resource {
    private final Opds2Catalog catalog;
    private final MediaService media;

    @Context
    private HttpServletRequest request;

    public OpdsV2Resource(Opds2Catalog catalog, MediaService media) {
        this.catalog = catalog;
        this.media = media;
    }

    @GET
    @Path("catalog")
    @Produces(Opds2.FEED)
    @Operation(summary = "OPDS 2.0 root catalog: navigation and groups (libraries, keep reading, latest books)")
    public Response catalog(@Context SecurityContext sc) {
        return feed(catalog.root(reader(sc)));
    }

    @GET
    @Path("libraries")
    @Produces(Opds2.FEED)
    @Operation(summary = "Libraries")
    public Response libraries(@QueryParam("page") @DefaultValue("1") @Parameter(description = "1-based") int page, @Context SecurityContext sc) {
        return feed(catalog.libraries(reader(sc), check(page)));
    }

    @GET
    @Path("libraries/{id}")
    @Produces(Opds2.FEED)
    @Operation(summary = "A library's series")
    public Response library(@PathParam("id") String id, @QueryParam("page") @DefaultValue("1") int page, @Context SecurityContext sc) {
        return feed(catalog.librarySeries(reader(sc), id, check(page)));
    }

    @GET
    @Path("libraries/{id}/books")
    @Produces(Opds2.FEED)
    @Operation(summary = "A library's books")
    public Response libraryBooks(@PathParam("id") String id, @QueryParam("page") @DefaultValue("1") int page, @Context SecurityContext sc) {
        return feed(catalog.libraryBooks(reader(sc), id, false, check(page)));
    }

    @GET
    @Path("libraries/{id}/books/latest")
    @Produces(Opds2.FEED)
    @Operation(summary = "A library's books, newest first")
    public Response libraryLatest(@PathParam("id") String id, @QueryParam("page") @DefaultValue("1") int page, @Context SecurityContext sc) {
        return feed(catalog.libraryBooks(reader(sc), id, true, check(page)));
    }

    @GET
    @Path("series")
    @Produces(Opds2.FEED)
    @Operation(summary = "All series")
    public Response series(@QueryParam("page") @DefaultValue("1") int page, @Context SecurityContext sc) {
        return feed(catalog.allSeries(reader(sc), check(page)));
    }

    @GET
    @Path("series/{id}")
    @Produces(Opds2.FEED)
    @Operation(summary = "A series' books")
    public Response seriesBooks(@PathParam("id") String id, @QueryParam("page") @DefaultValue("1") int page, @Context SecurityContext sc) {
        return feed(catalog.seriesBooks(reader(sc), id, check(page)));
    }

    @GET
    @Path("books/browse")
    @Produces(Opds2.FEED)
    @Operation(summary = "All books, by name")
    public Response browse(@QueryParam("page") @DefaultValue("1") int page, @Context SecurityContext sc) {
        return feed(catalog.books(reader(sc), "browse", check(page)));
    }

    @GET
    @Path("books/latest")
    @Produces(Opds2.FEED)
    @Operation(summary = "Books, newest first")
    public Response latest(@QueryParam("page") @DefaultValue("1") int page, @Context SecurityContext sc) {
        return feed(catalog.books(reader(sc), "latest", check(page)));
    }

    @GET
    @Path("books/keep-reading")
    @Produces(Opds2.FEED)
    @Operation(summary = "Books you are reading")
    public Response keepReading(@QueryParam("page") @DefaultValue("1") int page, @Context SecurityContext sc) {
        return feed(catalog.books(reader(sc), "keep-reading", check(page)));
    }

    @GET
    @Path("books/{id}")
    @Produces(Opds2.PUBLICATION)
    @Operation(summary = "A book as an OPDS publication", description = "With its pages as a readingOrder when they are images.")
    public Response publication(@PathParam("id") String id, @Context SecurityContext sc) {
        OpdsReader r = reader(sc);
        return Response.ok(Opds2.write(catalog.publication(r, media.getReadable(r.viewer(), id))))
                .header("Content-Type", Opds2.PUBLICATION + ";charset=utf-8").build();
    }

    @GET
    @Path("search")
    @Produces(Opds2.FEED)
    @Operation(summary = "Search series and books", description = "Templated in feeds as search{?query}. Two groups, "
            + "series and books, paged together: page n holds the n-th 20 of each.")
    public Response search(@QueryParam("query") String query, @QueryParam("page") @DefaultValue("1") @Parameter(description = "1-based") int page,
                           @Context SecurityContext sc) {
        if (query != null && query.length() > 200) {
            throw ApiException.badRequest("query may be at most 200 characters");
        }
        return feed(catalog.search(reader(sc), query, check(page)));
    }

    @GET
    @Path("auth")
    @Public
    @Produces(AuthenticationDocument.MEDIA_TYPE)
    @Operation(summary = "Authentication for OPDS document", description = "Public: tells reading apps to use HTTP Basic.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = AuthenticationDocument.MEDIA_TYPE))
    public Response auth() {
        OpdsUrls u = OpdsUrls.of(request, "2.0");
        return Response.ok(Opds2.write(AuthenticationDocument.of(u.to("/auth"), u.to("/catalog"))))
                .header("Content-Type", AuthenticationDocument.MEDIA_TYPE + ";charset=utf-8").build();
    }

    private OpdsReader reader(SecurityContext sc) {
        return OpdsReader.of(sc, request, "2.0");
    }

    private static int check(int page) {
        if (page < 1) {
            throw ApiException.badRequest("page must be at least 1 (OPDS 2 pages count from 1)");
        }
        return page;
    }

    private static Response feed(Opds2.Feed feed) {
        return Response.ok(Opds2.write(feed)).header("Content-Type", Opds2.FEED + ";charset=utf-8").build();
    }
}
