package org.longbox.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.longbox.api.dto.ApiKeyDto;
import org.longbox.api.dto.CountDto;
import org.longbox.auth.ApiKeyService;
import org.longbox.http.Callers;
import org.longbox.http.OwnerOnly;

import java.util.List;

/**
 * The server owner's view of another user's API keys (Longbox's own; Stump has none): see them and
 * revoke them, e.g. after a device is lost. Users manage their own under {@code /api-keys}.
 */
@Path("/api/v1/users")
@Tag(name = "api-key")
@Produces(MediaType.APPLICATION_JSON)
@OwnerOnly
public final class UserApiKeyResource {
    private final ApiKeyService keys;

    public UserApiKeyResource(ApiKeyService keys) {
        this.keys = keys;
    }

    @GET
    @Path("{id}/api-keys")
    @Operation(summary = "A user's API keys", description = "Server owner only. Never the secrets.")
    public List<ApiKeyDto> list(@PathParam("id") String userId, @Context SecurityContext sc) {
        return keys.listOf(Callers.of(sc), userId).stream().map(ApiKeyDto::of).toList();
    }

    @DELETE
    @Path("{id}/api-keys/{key_id}")
    @Operation(summary = "Revoke one of a user's API keys", description = "Server owner only. The key stops working at once.")
    public ApiKeyDto delete(@PathParam("id") String userId, @PathParam("key_id") long keyId, @Context SecurityContext sc) {
        return ApiKeyDto.of(keys.deleteOf(Callers.of(sc), userId, keyId));
    }

    @DELETE
    @Path("{id}/api-keys")
    @Operation(summary = "Revoke every API key of a user", description = "Server owner only.")
    public CountDto deleteAll(@PathParam("id") String userId, @Context SecurityContext sc) {
        return new CountDto(keys.deleteAllOf(Callers.of(sc), userId));
    }
}
