package org.longbox.opds;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.longbox.server.errors.ApiException;

/**
 * OPDS 1.2 (Atom) catalog for reading apps: navigation and acquisition feeds, OpenSearch. Pages,
 * covers and files are in {@link OpdsV12BookResource}. Everything also answers under
 * {@code /opds/{api_key}/v1.2/}.
 */
@Path("/opds/v1.2")
@Tag(name = "opds")
public final class OpdsV12Resource {
    private final Opds1Catalog catalog;

    @Context
    private HttpServletRequest request;

    public OpdsV12Resource(Opds1Catalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("catalog")
    @Produces(Atom.NAVIGATION)
    @Operation(summary = "OPDS 1.2 root catalog", description = "HTTP Basic, a session cookie, a bearer token, or an API key in the path (`/opds/{api_key}/v1.2/catalog`).")
    public Response catalog(@Context SecurityContext sc) {
        return atom(catalog.root(reader(sc)), Atom.NAVIGATION);
    }

    @GET
    @Path("libraries")
    @Produces(Atom.NAVIGATION)
    @Operation(summary = "Libraries")
    public Response libraries(@QueryParam("page") @DefaultValue("0") @Parameter(description = "0-based") int page, @Context SecurityContext sc) {
        return atom(catalog.libraries(reader(sc), check(page)), Atom.NAVIGATION);
    }

    @GET
    @Path("libraries/{id}")
    @Produces(Atom.NAVIGATION)
    @Operation(summary = "A library's series")
    public Response library(@PathParam("id") String id, @QueryParam("page") @DefaultValue("0") int page, @Context SecurityContext sc) {
        return atom(catalog.librarySeries(reader(sc), id, check(page)), Atom.NAVIGATION);
    }

    @GET
    @Path("series")
    @Produces(Atom.NAVIGATION)
    @Operation(summary = "All series, by name", description = "`search` filters by name.")
    public Response series(@QueryParam("search") String search, @QueryParam("page") @DefaultValue("0") int page,
                           @Context SecurityContext sc) {
        return atom(catalog.allSeries(reader(sc), search == null || search.isBlank() ? null : search, check(page)), Atom.NAVIGATION);
    }

    @GET
    @Path("series/latest")
    @Produces(Atom.NAVIGATION)
    @Operation(summary = "Series, newest first")
    public Response latestSeries(@QueryParam("page") @DefaultValue("0") int page, @Context SecurityContext sc) {
        return atom(catalog.latestSeries(reader(sc), check(page)), Atom.NAVIGATION);
    }

    @GET
    @Path("series/{id}")
    @Produces(Atom.ACQUISITION)
    @Operation(summary = "A series' books")
    public Response seriesBooks(@PathParam("id") String id, @QueryParam("page") @DefaultValue("0") int page, @Context SecurityContext sc) {
        return atom(catalog.seriesBooks(reader(sc), id, check(page)), Atom.ACQUISITION);
    }

    @GET
    @Path("books/latest")
    @Produces(Atom.ACQUISITION)
    @Operation(summary = "Books, newest first")
    public Response latestBooks(@QueryParam("page") @DefaultValue("0") int page, @Context SecurityContext sc) {
        return atom(catalog.latestBooks(reader(sc), check(page)), Atom.ACQUISITION);
    }

    @GET
    @Path("keep-reading")
    @Produces(Atom.ACQUISITION)
    @Operation(summary = "Books you are reading, last read first")
    public Response keepReading(@QueryParam("page") @DefaultValue("0") int page, @Context SecurityContext sc) {
        return atom(catalog.keepReading(reader(sc), check(page)), Atom.ACQUISITION);
    }

    @GET
    @Path("search")
    @Produces(Atom.OPENSEARCH)
    @Operation(summary = "OpenSearch description")
    public Response openSearch() {
        String xml = AtomWriter.openSearch("Longbox", "Search series and books by title, series or author",
                OpdsUrls.of(request, "1.2").to("/search/feed") + "?query={searchTerms}");
        return Response.ok(xml).header("Content-Type", Atom.OPENSEARCH + ";charset=utf-8").build();
    }

    @GET
    @Path("search/feed")
    @Produces(Atom.ACQUISITION)
    @Operation(summary = "Search results: matching series, then matching books")
    public Response search(@QueryParam("query") String query, @QueryParam("page") @DefaultValue("0") int page,
                           @Context SecurityContext sc) {
        if (query != null && query.length() > 200) {
            throw ApiException.badRequest("query may be at most 200 characters");
        }
        return atom(catalog.search(reader(sc), query, check(page)), Atom.ACQUISITION);
    }

    private OpdsReader reader(SecurityContext sc) {
        return OpdsReader.of(sc, request, "1.2");
    }

    private static int check(int page) {
        if (page < 0) {
            throw ApiException.badRequest("page must not be negative (OPDS pages count from 0)");
        }
        return page;
    }

    /** Set as text so the parameters keep the order OPDS documents use (MediaType would reorder them). */
    static Response atom(Atom.Feed feed, String kind) {
        return Response.ok(AtomWriter.feed(feed)).header("Content-Type", kind + ";charset=utf-8").build();
    }
}
