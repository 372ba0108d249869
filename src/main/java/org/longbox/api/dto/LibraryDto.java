package org.longbox.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.longbox.library.FileStatus;
import org.longbox.library.Library;

import java.time.Instant;
import java.util.List;

/** Stump's Library JSON. */
@Schema(name = "Library")
public record LibraryDto(String id, String name, @JsonInclude(JsonInclude.Include.ALWAYS) String description,
                         @JsonInclude(JsonInclude.Include.ALWAYS) String emoji, String path, FileStatus status,
                         Instant createdAt, Instant updatedAt, @JsonInclude(JsonInclude.Include.ALWAYS) Instant lastScannedAt,
                         List<String> tags, LibraryConfigDto config) {
    public static LibraryDto of(Library l) {
        return new LibraryDto(l.id(), l.name(), l.description(), l.emoji(), l.path(), l.status(),
                Instant.ofEpochMilli(l.createdAt()), Instant.ofEpochMilli(l.updatedAt()),
                l.lastScannedAt() == null ? null : Instant.ofEpochMilli(l.lastScannedAt()), List.of(),
                LibraryConfigDto.of(l.config(), l.id()));
    }
}
