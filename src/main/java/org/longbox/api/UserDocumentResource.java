package org.longbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.longbox.http.Callers;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Caller;
import org.longbox.user.UserDocuments;

/** Stump's per-user preferences and navigation arrangement: JSON the clients own, kept per user. */
@Path("/api/v1/users")
@Tag(name = "user")
@Produces(MediaType.APPLICATION_JSON)
public final class UserDocumentResource {
    private final UserDocuments documents;

    public UserDocumentResource(UserDocuments documents) {
        this.documents = documents;
    }

    @GET
    @Path("me/preferences")
    @Operation(summary = "Your client preferences (a JSON object; {} until set)")
    public JsonNode myPreferences(@Context SecurityContext sc) {
        return documents.get(Callers.of(sc).userId(), UserDocuments.PREFERENCES);
    }

    @PUT
    @Path("me/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace your client preferences")
    public JsonNode setMyPreferences(JsonNode body, @Context SecurityContext sc) {
        return documents.put(Callers.of(sc).userId(), UserDocuments.PREFERENCES, body);
    }

    @GET
    @Path("{id}/preferences")
    @Operation(summary = "A user's client preferences (yourself only)")
    public JsonNode preferences(@PathParam("id") String id, @Context SecurityContext sc) {
        return documents.get(self(sc, id), UserDocuments.PREFERENCES);
    }

    @PUT
    @Path("{id}/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a user's client preferences (yourself only)")
    public JsonNode setPreferences(@PathParam("id") String id, JsonNode body, @Context SecurityContext sc) {
        return documents.put(self(sc, id), UserDocuments.PREFERENCES, body);
    }

    @GET
    @Path("me/navigation-arrangement")
    @Operation(summary = "Your sidebar arrangement (a JSON object; {} until set)")
    public JsonNode navigation(@Context SecurityContext sc) {
        return documents.get(Callers.of(sc).userId(), UserDocuments.NAVIGATION);
    }

    @PUT
    @Path("me/navigation-arrangement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace your sidebar arrangement")
    public JsonNode setNavigation(JsonNode body, @Context SecurityContext sc) {
        return documents.put(Callers.of(sc).userId(), UserDocuments.NAVIGATION, body);
    }

    private static String self(SecurityContext sc, String id) {
        Caller caller = Callers.of(sc);
        if (!caller.userId().equals(id)) {
            throw ApiException.forbidden("Preferences are only your own");
        }
        return id;
    }
}
