package org.longbox.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.longbox.http.Public;
import org.longbox.server.web.PublicUrl;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /}: where to go from here, for someone who opened the server in a browser. */
@Path("/")
@Tag(name = "server")
@Public
public final class RootResource {
    private final String version;
    private final boolean swagger;

    @Context
    private HttpServletRequest request;

    public RootResource(String version, boolean swagger) {
        this.version = version;
        this.swagger = swagger;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Where to go from here",
            description = "Name and version, and absolute URLs of the API, both OPDS catalogs and (when on) Swagger UI.")
    public Map<String, String> index() {
        PublicUrl url = PublicUrl.of(request);
        Map<String, String> links = new LinkedHashMap<>();
        links.put("name", "Longbox");
        links.put("version", version);
        links.put("api", url.absolute("/api/v1"));
        links.put("opds_v1_2", url.absolute("/opds/v1.2/catalog"));
        links.put("opds_v2_0", url.absolute("/opds/v2.0/catalog"));
        if (swagger) {
            links.put("swagger_ui", url.absolute("/swagger-ui/"));
        }
        return links;
    }
}
