package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import org.longbox.library.ThumbnailConfig;

@Schema(name = "GenerateLibraryThumbnails")
public record GenerateThumbnailsDto(@Schema(description = "Options for this run; default: the library's thumbnail_config")
                                    ThumbnailConfig imageOptions,
                                    @Schema(description = "Remake thumbnails that exist already") Boolean forceRegenerate) {
}
