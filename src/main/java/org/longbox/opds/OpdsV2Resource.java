package org.longbox.opds;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.longbox.auth.Public;
import org.longbox.server.web.PublicUrl;

import java.util.List;

/** OPDS 2.0 (JSON): the root catalog and the public authentication document. */
@Path("/opds/v2.0")
@Tag(name = "opds")
@SecurityRequirement(name = "basic")
public final class OpdsV2Resource {
    public static final String OPDS_JSON = "application/opds+json";

    @Context
    private HttpServletRequest request;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Link(String rel, String href, String type, String title) {
    }

    public record Metadata(String title) {
    }

    public record Feed(Metadata metadata, List<Link> links, List<Link> navigation) {
    }

    @GET
    @Path("catalog")
    @Produces(OPDS_JSON)
    @Operation(summary = "OPDS 2.0 root catalog")
    public Response catalog() {
        PublicUrl url = PublicUrl.of(request);
        String base = OpdsLinks.base(request, "2.0");
        String self = url.absolute(base + "/catalog");
        Feed feed = new Feed(new Metadata("Longbox"),
                List.of(new Link("self", self, OPDS_JSON, null),
                        new Link("start", self, OPDS_JSON, null),
                        new Link(AuthenticationDocument.REL, url.absolute(AuthenticationDocument.PATH), AuthenticationDocument.MEDIA_TYPE, null)),
                List.of(new Link("start", self, OPDS_JSON, "Home")));
        return Response.ok(feed, OPDS_JSON).build();
    }

    @GET
    @Path("auth")
    @Public
    @Produces(AuthenticationDocument.MEDIA_TYPE)
    @Operation(summary = "Authentication for OPDS document", description = "Public: tells reading apps to use HTTP Basic.")
    public AuthenticationDocument auth() {
        return AuthenticationDocument.of(PublicUrl.of(request));
    }
}
