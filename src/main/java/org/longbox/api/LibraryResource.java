package org.longbox.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.longbox.api.dto.CreateLibraryDto;
import org.longbox.api.dto.LibraryDto;
import org.longbox.api.dto.Pageable;
import org.longbox.api.dto.UserDto;
import org.longbox.api.dto.UserIdsDto;
import org.longbox.http.Callers;
import org.longbox.http.RequiresPermission;
import org.longbox.library.Library;
import org.longbox.library.LibraryConfig;
import org.longbox.library.LibraryService;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Caller;
import org.longbox.user.Permission;
import org.longbox.user.User;
import org.longbox.user.UserDocuments;
import org.longbox.user.Viewer;

import java.util.List;
import java.util.Locale;

/** Stump's {@code /libraries}: a library is a folder of books, scanned into series. */
@Path("/api/v1/libraries")
@Tag(name = "library")
@Produces(MediaType.APPLICATION_JSON)
public final class LibraryResource {
    private static final String LAST_VISITED = "last_visited_library";
    private final LibraryService libraries;
    private final UserDocuments documents;

    public LibraryResource(LibraryService libraries, UserDocuments documents) {
        this.libraries = libraries;
        this.documents = documents;
    }

    @GET
    @Path("last-visited")
    @Operation(summary = "The library you visited last, or null")
    public Object lastVisited(@Context SecurityContext sc) {
        Caller caller = Callers.of(sc);
        String id = documents.get(caller.userId(), LAST_VISITED).path("id").asText(null);
        if (id == null) {
            return NullNode.getInstance();
        }
        try {
            return dto(caller, libraries.get(Viewer.of(caller), id));
        } catch (ApiException gone) {
            return NullNode.getInstance();
        }
    }

    @PUT
    @Path("last-visited/{id}")
    @Operation(summary = "Record a visit to a library")
    public LibraryDto visit(@PathParam("id") String id, @Context SecurityContext sc) {
        Caller caller = Callers.of(sc);
        Library library = libraries.get(Viewer.of(caller), id);
        documents.put(caller.userId(), LAST_VISITED, JsonNodeFactory.instance.objectNode().put("id", id));
        return dto(caller, library);
    }

    @GET
    @Operation(summary = "Libraries you may see")
    public Pageable<LibraryDto> list(@BeanParam PageParams page, @Context SecurityContext sc) {
        Caller caller = Callers.of(sc);
        return Pageable.of(libraries.list(Viewer.of(caller), page.toRequest()).map(l -> dto(caller, l)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.LIBRARY_CREATE)
    @Operation(summary = "Create a library", description = "The path must be an existing absolute directory the server can read, "
            + "neither inside nor around another library (400). A name taken already (any case) is 422. "
            + "scan_mode DEFAULT (the default) scans right away.")
    public LibraryDto create(CreateLibraryDto body, @Context SecurityContext sc) {
        require(body);
        boolean scan = body.scanMode() == null || switch (body.scanMode().toUpperCase(Locale.ROOT)) {
            case "DEFAULT" -> true;
            case "NONE" -> false;
            default -> throw ApiException.badRequest("scan_mode must be DEFAULT or NONE");
        };
        LibraryConfig config = body.config() == null ? LibraryConfig.DEFAULT : body.config().over(LibraryConfig.DEFAULT);
        return dto(Callers.of(sc), libraries.create(new LibraryService.Spec(body.name(), body.path(), body.description(),
                body.emoji(), config), scan));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A library")
    public LibraryDto get(@PathParam("id") String id, @Context SecurityContext sc) {
        Caller caller = Callers.of(sc);
        return dto(caller, libraries.get(Viewer.of(caller), id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.LIBRARY_EDIT)
    @Operation(summary = "Change a library", description = "Same rules as creating one; absent config fields keep their values.")
    public LibraryDto update(@PathParam("id") String id, CreateLibraryDto body, @Context SecurityContext sc) {
        require(body);
        Caller caller = Callers.of(sc);
        Viewer viewer = Viewer.of(caller);
        Library current = libraries.get(viewer, id);
        LibraryConfig config = body.config() == null ? current.config() : body.config().over(current.config());
        return dto(caller, libraries.update(viewer, id, new LibraryService.Spec(body.name(), body.path(),
                body.description(), body.emoji(), config)));
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(Permission.LIBRARY_DELETE)
    @Operation(summary = "Delete a library", description = "Removes its series, books, reading progress and thumbnails "
            + "from Longbox; the files on disk are never touched. Answers the deleted id.")
    public TextNode delete(@PathParam("id") String id, @Context SecurityContext sc) {
        // a JSON string, as Stump answers
        return TextNode.valueOf(libraries.delete(Viewer.of(Callers.of(sc)), id));
    }

    @GET
    @Path("{id}/excluded-users")
    @RequiresPermission({Permission.USER_READ, Permission.LIBRARY_MANAGE})
    @Operation(summary = "Users the library is hidden from")
    public List<UserDto> excluded(@PathParam("id") String id, @Context SecurityContext sc) {
        return dtos(libraries.hiddenFrom(Viewer.of(Callers.of(sc)), id));
    }

    @POST
    @Path("{id}/excluded-users")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission({Permission.USER_READ, Permission.LIBRARY_MANAGE})
    @Operation(summary = "Set the users the library is hidden from", description = "Replaces the list. Hidden libraries, "
            + "their series and books disappear from every list, search, feed and count those users see.")
    public List<UserDto> exclude(@PathParam("id") String id, UserIdsDto body, @Context SecurityContext sc) {
        if (body == null) {
            throw ApiException.badRequest("A JSON body {user_ids: [...]} is required");
        }
        return dtos(libraries.hideFrom(Callers.of(sc), id, body.userIds()));
    }

    /** The folder's absolute path only for those who manage libraries (see {@link MediaViews#fullPaths}). */
    private static LibraryDto dto(Caller caller, Library library) {
        return LibraryDto.of(library, MediaViews.fullPaths(caller));
    }

    private static List<UserDto> dtos(List<User> users) {
        return users.stream().map(UserDto::of).toList();
    }

    private static void require(Object body) {
        if (body == null) {
            throw ApiException.badRequest("A JSON body is required");
        }
    }
}
