package org.longbox.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.longbox.api.dto.ClaimResponse;
import org.longbox.api.dto.VersionDto;
import org.longbox.http.Public;
import org.longbox.server.Version;
import org.longbox.user.UserService;

/** Liveness, version and whether the server has an owner yet. */
@Path("/api/v1")
@Tag(name = "server")
@Public
public final class ServerResource {
    private final UserService users;
    private final Version version;

    public ServerResource(UserService users, Version version) {
        this.users = users;
        this.version = version;
    }

    @GET
    @Path("ping")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Liveness check", description = "Answers the text `pong`.")
    public String ping() {
        return "pong";
    }

    @POST
    @Path("version")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The server's version")
    public VersionDto version() {
        return new VersionDto(version.semver(), version.rev(), version.compileTime());
    }

    @GET
    @Path("claim")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Whether the server has an owner", description = "`is_claimed` is false until the first user registers; that user becomes the server owner.")
    public ClaimResponse claim() {
        return new ClaimResponse(users.isClaimed());
    }
}
