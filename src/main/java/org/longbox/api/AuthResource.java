package org.longbox.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.longbox.api.dto.Credentials;
import org.longbox.api.dto.StatusMessage;
import org.longbox.api.dto.TokenResponse;
import org.longbox.api.dto.UserDto;
import org.longbox.auth.LoginService;
import org.longbox.http.Callers;
import org.longbox.http.Clients;
import org.longbox.http.Public;
import org.longbox.http.SessionCookie;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Caller;
import org.longbox.user.UserService;

import java.time.Clock;

/** Stump's {@code /auth}: log in (session cookie and/or JWT), log out, register, who am I. */
@Path("/api/v1/auth")
@Tag(name = "auth")
@Produces(MediaType.APPLICATION_JSON)
public final class AuthResource {
    private final LoginService logins;
    private final UserService users;
    private final Clock clock;

    @Context
    private HttpServletRequest request;

    public AuthResource(LoginService logins, UserService users, Clock clock) {
        this.logins = logins;
        this.users = users;
        this.clock = clock;
    }

    @POST
    @Path("login")
    @Public
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in with a username and password",
            description = "Usernames are case-insensitive. Sets the `stump_session` cookie unless `create_session=false`; "
                    + "with `generate_token=true` answers `{for_user, token}` with a JWT for `Authorization: Bearer`. "
                    + "Failed sign-ins are throttled per name and address (after two, each makes the next try wait "
                    + "longer), and ten lock signing in with the name for STUMP_LOCKOUT_SECONDS (the server owner's "
                    + "only from the addresses they came from); a try that comes too early is not checked (429).")
    @ApiResponse(responseCode = "200", description = "The user, or `{for_user, token}` with generate_token=true",
            content = @Content(schema = @Schema(oneOf = {UserDto.class, TokenResponse.class})))
    @ApiResponse(responseCode = "401", description = "Unknown username or wrong password (a locked account with a wrong "
            + "password included); counts towards the lockout, whether the user exists or not")
    @ApiResponse(responseCode = "403", description = "The account is locked by the server owner (the password was right)")
    @ApiResponse(responseCode = "429", description = "Too many failed sign-ins with this name: throttled or locked for a "
            + "while (Retry-After says how long); the password was not checked")
    public Response login(Credentials body,
                          @QueryParam("generate_token") @DefaultValue("false") @Parameter(description = "Also return a JWT access token") boolean generateToken,
                          @QueryParam("create_session") @DefaultValue("true") @Parameter(description = "Start a cookie session") boolean createSession) {
        if (body == null) {
            throw ApiException.badRequest("A JSON body {username, password} is required");
        }
        LoginService.Result r = logins.login(body.username(), body.password(), createSession, generateToken,
                Clients.of(request), SessionCookie.read(request));
        UserDto user = UserDto.of(r.user());
        Response.ResponseBuilder response = Response.ok(r.token() == null ? user
                : new TokenResponse(user, new TokenResponse.Token(r.token().token(), r.token().expiresAt())));
        if (r.session() != null) {
            response.header("Set-Cookie", SessionCookie.set(request, r.session().token(), r.session().expiresAt(), clock));
        }
        return response.header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("logout")
    @Public
    @Operation(summary = "End the cookie session", description = "Deletes the session and clears the cookie.")
    public Response logout() {
        logins.logout(SessionCookie.read(request));
        return Response.ok(StatusMessage.OK).header("Set-Cookie", SessionCookie.clear(request)).build();
    }

    @POST
    @Path("register")
    @Public
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a user",
            description = "On an unclaimed server anyone may register and becomes the server owner. "
                    + "After that only the server owner may register users. Does not log the new user in.")
    @ApiResponse(responseCode = "200", description = "The new user",
            content = @Content(schema = @Schema(implementation = UserDto.class)))
    @ApiResponse(responseCode = "401", description = "The server is claimed and the request is anonymous")
    @ApiResponse(responseCode = "403", description = "The server is claimed and the caller is not its owner")
    @ApiResponse(responseCode = "422", description = "The username is taken")
    public UserDto register(Credentials body, @Context SecurityContext security) {
        if (body == null) {
            throw ApiException.badRequest("A JSON body {username, password} is required");
        }
        Caller caller = security.getUserPrincipal() instanceof Caller c ? c : null;
        return UserDto.of(users.register(caller, body.username(), body.password()));
    }

    @GET
    @Path("me")
    @Operation(summary = "The authenticated user")
    public UserDto me(@Context SecurityContext security) {
        return UserDto.of(Callers.of(security).user());
    }
}
