package org.longbox.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.longbox.library.FileStatus;
import org.longbox.library.Library;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Stump's Library JSON. {@code path} is the folder's absolute path for those who manage libraries
 * and its name for everyone else, as for books and series.
 */
@Schema(name = "Library")
public record LibraryDto(String id, String name, @JsonInclude(JsonInclude.Include.ALWAYS) String description,
                         @JsonInclude(JsonInclude.Include.ALWAYS) String emoji, String path, FileStatus status,
                         Instant createdAt, Instant updatedAt, @JsonInclude(JsonInclude.Include.ALWAYS) Instant lastScannedAt,
                         List<String> tags, LibraryConfigDto config) {
    public static LibraryDto of(Library l, boolean fullPath) {
        Path folder = Path.of(l.path()).getFileName();
        String path = fullPath ? l.path() : folder == null ? l.name() : folder.toString();
        return new LibraryDto(l.id(), l.name(), l.description(), l.emoji(), path, l.status(),
                Instant.ofEpochMilli(l.createdAt()), Instant.ofEpochMilli(l.updatedAt()),
                l.lastScannedAt() == null ? null : Instant.ofEpochMilli(l.lastScannedAt()), List.of(),
                LibraryConfigDto.of(l.config(), l.id()));
    }
}
