package org.longbox.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.longbox.api.dto.ApiKeyDto;
import org.longbox.api.dto.CreateApiKeyDto;
import org.longbox.api.dto.CreatedApiKeyDto;
import org.longbox.auth.ApiKeyService;
import org.longbox.http.Callers;
import org.longbox.http.RequiresPermission;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Permission;

import java.util.List;

/** Stump's {@code /api-keys}: each caller manages their own keys (needs feature:api_keys). */
@Path("/api/v1/api-keys")
@Tag(name = "api-key")
@Produces(MediaType.APPLICATION_JSON)
@RequiresPermission(Permission.FEATURE_API_KEYS)
public final class ApiKeyResource {
    private final ApiKeyService keys;

    public ApiKeyResource(ApiKeyService keys) {
        this.keys = keys;
    }

    @GET
    @Operation(summary = "Your API keys", description = "Never the secrets.")
    public List<ApiKeyDto> list(@Context SecurityContext sc) {
        return keys.list(Callers.of(sc)).stream().map(ApiKeyDto::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API key", description = "Answers the full key once; only its hash is kept. "
            + "Custom permissions must be a subset of yours (else 403).")
    public CreatedApiKeyDto create(CreateApiKeyDto body, @Context SecurityContext sc) {
        require(body);
        return new CreatedApiKeyDto(keys.create(Callers.of(sc), body.name(), body.permissions() == null ? null
                : body.permissions().value(), expiry(body)).secret());
    }

    @POST
    @Path("validate-key")
    @Operation(summary = "Whether the key in the x-api-key header is a valid key of yours")
    public boolean validate(@HeaderParam("x-api-key") String key, @Context SecurityContext sc) {
        return keys.validate(Callers.of(sc), key);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of your API keys")
    public ApiKeyDto get(@PathParam("id") long id, @Context SecurityContext sc) {
        return ApiKeyDto.of(keys.get(Callers.of(sc), id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename an API key or change its permissions or expiry")
    public ApiKeyDto update(@PathParam("id") long id, CreateApiKeyDto body, @Context SecurityContext sc) {
        require(body);
        return ApiKeyDto.of(keys.update(Callers.of(sc), id, body.name(), body.permissions() == null ? null
                : body.permissions().value(), expiry(body)));
    }

    @POST
    @Path("{id}/regenerate-secret")
    @Operation(summary = "Replace the key's secret", description = "The old key stops working; the new one is shown once.")
    public CreatedApiKeyDto regenerate(@PathParam("id") long id, @Context SecurityContext sc) {
        return new CreatedApiKeyDto(keys.regenerate(Callers.of(sc), id).secret());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an API key")
    public ApiKeyDto delete(@PathParam("id") long id, @Context SecurityContext sc) {
        return ApiKeyDto.of(keys.delete(Callers.of(sc), id));
    }

    private static void require(CreateApiKeyDto body) {
        if (body == null) {
            throw ApiException.badRequest("A JSON body {name, permissions, expires_at?} is required");
        }
    }

    private static Long expiry(CreateApiKeyDto body) {
        return body.expiresAt() == null ? null : body.expiresAt().toInstant().toEpochMilli();
    }
}
