package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Stump's CreateLibrary and UpdateLibrary bodies. */
@Schema(name = "CreateOrUpdateLibrary")
public record CreateLibraryDto(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Comics") String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "/srv/comics",
                description = "An existing absolute directory the server can read, not inside or around another library") String path,
        String description,
        String emoji,
        @Schema(description = "Accepted for compatibility; tags are not stored yet") List<String> tags,
        @Schema(allowableValues = {"DEFAULT", "NONE"}, description = "DEFAULT (create only): scan right away") String scanMode,
        LibraryConfigDto config) {
}
