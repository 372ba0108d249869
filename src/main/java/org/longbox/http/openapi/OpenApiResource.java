package org.longbox.http.openapi;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.longbox.http.Public;
import org.longbox.server.errors.ApiException;
import org.longbox.server.web.PublicUrl;

/** {@code /api-doc/openapi.json}; 404 when ENABLE_SWAGGER_UI=false. */
@Path("/api-doc")
@Hidden
@Public
public final class OpenApiResource {
    private final OpenApiSpec spec;
    private final boolean enabled;

    @Context
    private HttpServletRequest request;

    public OpenApiResource(OpenApiSpec spec, boolean enabled) {
        this.spec = spec;
        this.enabled = enabled;
    }

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public String json() {
        if (!enabled) {
            throw ApiException.notFound("Not found: the API documentation is turned off (ENABLE_SWAGGER_UI=false)");
        }
        String prefix = PublicUrl.of(request).prefix();
        return spec.json(prefix.isEmpty() ? "/" : prefix);
    }
}
