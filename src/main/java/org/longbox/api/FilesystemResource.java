package org.longbox.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.longbox.api.dto.Pageable;
import org.longbox.http.RequiresPermission;
import org.longbox.library.FolderBrowser;
import org.longbox.server.Page;
import org.longbox.server.PageRequest;
import org.longbox.user.Permission;

import java.util.List;

/** Stump's {@code /filesystem}: the server's folders, for picking a library's folder. */
@Path("/api/v1/filesystem")
@Tag(name = "filesystem")
@Produces(MediaType.APPLICATION_JSON)
public final class FilesystemResource {
    static final int DEFAULT_PAGE_SIZE = 100;
    private final FolderBrowser folders;

    public FilesystemResource(FolderBrowser folders) {
        this.folders = folders;
    }

    /** Stump's ListDirectory request; every field is optional. */
    @Schema(name = "ListDirectory")
    public record ListDirectoryDto(@Schema(description = "An absolute folder; absent: the library roots, or / when none are set")
                                   String path,
                                   @Schema(description = "Accepted for Stump's clients; hidden entries are never shown")
                                   Boolean ignoreHidden,
                                   @Schema(description = "Leave files out (default false)") Boolean ignoreFiles,
                                   @Schema(description = "Leave folders out (default false)") Boolean ignoreDirectories) {
    }

    @Schema(name = "DirectoryListingFile")
    public record FileDto(boolean isDirectory, String name, String path) {
    }

    @Schema(name = "DirectoryListing")
    public record ListingDto(@JsonInclude(JsonInclude.Include.ALWAYS)
                             @Schema(nullable = true, description = "The folder above; null at the top") String parent,
                             List<FileDto> files) {
    }

    /** Stump's Pageable around one listing: {@code _page} pages its files. */
    @Schema(name = "PageableDirectoryListing")
    public record ListingPage(ListingDto data, @JsonProperty("_page") Pageable.PageInfo page) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(Permission.LIBRARY_MANAGE)
    @Operation(summary = "List a folder on the server", description = "For choosing a library's folder; needs library:manage "
            + "(Stump asks file:explorer). Folders and readable files in natural order, paged (page from 1, page_size "
            + "default 100); data is one object {parent, files}. Inside STUMP_LIBRARY_ROOTS only when it is set (no path: the "
            + "roots themselves); hidden and unreadable entries are never listed, and links are followed only to where a "
            + "library could be. 400 for a relative path or a file, 404 for a missing folder, 403 for a hidden or "
            + "unreadable one or one outside the roots.")
    public ListingPage list(ListDirectoryDto body,
                                     @QueryParam("page") @Parameter(description = "Page number, from 1") Integer page,
                                     @QueryParam("page_size") @Parameter(description = "Entries per page, 1-1000 (default 100)")
                                     Integer pageSize) {
        ListDirectoryDto b = body == null ? new ListDirectoryDto(null, null, null, null) : body;
        PageRequest request = PageRequest.of(page, pageSize == null ? DEFAULT_PAGE_SIZE : pageSize, false, null, null);
        FolderBrowser.Listing listing = folders.list(b.path(), !Boolean.TRUE.equals(b.ignoreFiles()),
                !Boolean.TRUE.equals(b.ignoreDirectories()), request);
        Page<FolderBrowser.Entry> entries = listing.entries();
        List<FileDto> files = entries.items().stream().map(e -> new FileDto(e.directory(), e.name(), e.path())).toList();
        return new ListingPage(new ListingDto(listing.parent(), files), Pageable.of(entries).page());
    }
}
