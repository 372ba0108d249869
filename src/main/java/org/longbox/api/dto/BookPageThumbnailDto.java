package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;

/** Stump's PatchSeriesThumbnail / PatchLibraryThumbnail: a page of one of the series' or library's books. */
@Schema(name = "PatchThumbnailFromBook")
public record BookPageThumbnailDto(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String mediaId,
                                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1") Integer page,
                                   @Schema(description = "true: page 0 is the first page") Boolean isZeroBased) {
}
