package org.longbox.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.longbox.api.dto.CountDto;
import org.longbox.api.dto.CreateUserDto;
import org.longbox.api.dto.DeleteUserDto;
import org.longbox.api.dto.LockUserDto;
import org.longbox.api.dto.LoginActivityDto;
import org.longbox.api.dto.Pageable;
import org.longbox.api.dto.UpdateUserDto;
import org.longbox.api.dto.UserDto;
import org.longbox.auth.LoginActivityService;
import org.longbox.auth.SessionService;
import org.longbox.http.Callers;
import org.longbox.http.Clients;
import org.longbox.http.OwnerOnly;
import org.longbox.http.RequiresPermission;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Caller;
import org.longbox.user.Permission;
import org.longbox.user.UserService;

/** Stump's {@code /users}, without its self-escalation bug. */
@Path("/api/v1/users")
@Tag(name = "user")
@Produces(MediaType.APPLICATION_JSON)
public final class UserResource {
    private final UserService users;
    private final LoginActivityService activity;
    private final SessionService sessions;

    @Context
    private HttpServletRequest request;

    public UserResource(UserService users, LoginActivityService activity, SessionService sessions) {
        this.users = users;
        this.activity = activity;
        this.sessions = sessions;
    }

    @GET
    @RequiresPermission(Permission.USER_READ)
    @Operation(summary = "List users")
    public Pageable<UserDto> list(@BeanParam PageParams page,
                                  @QueryParam("include_session_count") @DefaultValue("false") boolean sessionCount) {
        return Pageable.of(users.list(page.toRequest()).map(u -> UserDto.of(u, sessionCount ? sessions.countLive(u.id()) : null)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.USER_MANAGE)
    @Operation(summary = "Create a user", description = "You may grant only permissions you hold yourself. Unless you "
            + "are the server owner, the new user is at least as restricted as you: with an age restriction of yours "
            + "they need one no higher (and restrict_on_unset if yours has it), else 403; libraries hidden from you "
            + "are hidden from them.")
    public UserDto create(CreateUserDto body, @Context SecurityContext sc) {
        require(body);
        return UserDto.of(users.create(Callers.of(sc), new UserService.NewUser(body.username(), body.password(),
                Permissions.parse(body.permissions()), body.maxSessionsAllowed(),
                body.ageRestriction() == null ? null : body.ageRestriction().toDomain())));
    }

    @GET
    @Path("login-activity")
    @OwnerOnly
    @Operation(summary = "Every user's login attempts, newest first")
    public Pageable<LoginActivityDto> allActivity(@BeanParam PageParams page, @Context SecurityContext sc) {
        return Pageable.of(activity.all(Callers.of(sc), page.toRequest()).map(LoginActivityDto::of));
    }

    @DELETE
    @Path("login-activity")
    @OwnerOnly
    @Operation(summary = "Delete every login-activity record")
    public CountDto clearActivity(@Context SecurityContext sc) {
        return new CountDto(activity.clear(Callers.of(sc)));
    }

    @PUT
    @Path("me")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change yourself", description = "Name, password and avatar; not your own permissions or session "
            + "limit. A new password needs `current_password` (400 without it, 403 when wrong; a wrong one counts as a "
            + "failed sign-in) and ends your other sessions and your JWTs; your API keys keep working. 409 when your "
            + "password was reset while the request ran.")
    public UserDto updateMe(UpdateUserDto body, @Context SecurityContext sc) {
        Caller caller = Callers.of(sc);
        return update(caller.userId(), body, sc);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A user", description = "Yourself, or anyone with user:read.")
    public UserDto get(@PathParam("id") String id, @Context SecurityContext sc) {
        return UserDto.of(users.get(Callers.of(sc), id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a user", description = "Yourself or, for the server owner, anyone. Only the fields sent "
            + "are written; absent ones stay as they are. Your own new password needs `current_password`, as on "
            + "`/users/me`. The owner's reset of another user's password needs none and ends all their sessions, JWTs "
            + "and API keys.")
    public UserDto update(@PathParam("id") String id, UpdateUserDto body, @Context SecurityContext sc) {
        require(body);
        return UserDto.of(users.update(Callers.of(sc), id, new UserService.Change(body.username, body.password,
                body.currentPassword, body.avatarUrl, Permissions.parse(body.permissions), body.getMaxSessionsAllowed(),
                body.maxSessionsCleared(), body.getAgeRestriction() == null ? null : body.getAgeRestriction().toDomain(),
                body.ageRestrictionCleared()), Clients.of(request)));
    }

    @DELETE
    @Path("{id}")
    @OwnerOnly
    @Operation(summary = "Delete a user", description = "Soft by default: the user can no longer log in by any route. "
            + "`hard_delete` (body or query) removes the row and everything it owns.")
    public UserDto delete(@PathParam("id") String id, DeleteUserDto body, @QueryParam("hard_delete") Boolean hardQuery,
                          @Context SecurityContext sc) {
        boolean hard = Boolean.TRUE.equals(hardQuery) || (body != null && Boolean.TRUE.equals(body.hardDelete()));
        return UserDto.of(users.delete(Callers.of(sc), id, hard));
    }

    @DELETE
    @Path("{id}/sessions")
    @OwnerOnly
    @Operation(summary = "Sign a user out everywhere")
    public CountDto deleteSessions(@PathParam("id") String id, @Context SecurityContext sc) {
        return new CountDto(users.deleteSessions(Callers.of(sc), id));
    }

    @PUT
    @Path("{id}/lock")
    @Consumes(MediaType.APPLICATION_JSON)
    @OwnerOnly
    @Operation(summary = "Lock or unlock a user", description = "Locking holds until unlocked and deletes the user's sessions; "
            + "unlocking also forgets the failed sign-ins against the user's name, lifting a lock they caused at once.")
    public UserDto lock(@PathParam("id") String id, LockUserDto body, @Context SecurityContext sc) {
        if (body == null || body.lock() == null) {
            throw ApiException.badRequest("A JSON body {lock: true|false} is required");
        }
        return UserDto.of(users.setLocked(Callers.of(sc), id, body.lock()));
    }

    @GET
    @Path("{id}/login-activity")
    @Operation(summary = "A user's login attempts, newest first", description = "Yourself, or anyone for the server owner.")
    public Pageable<LoginActivityDto> activity(@PathParam("id") String id, @BeanParam PageParams page, @Context SecurityContext sc) {
        return Pageable.of(activity.forUser(Callers.of(sc), id, page.toRequest()).map(LoginActivityDto::of));
    }

    private static void require(Object body) {
        if (body == null) {
            throw ApiException.badRequest("A JSON body is required");
        }
    }
}
