package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;

/** Stump's UpdateEpubProgress: where the reader is in an EPUB and the share read (0-1). */
@Schema(name = "UpdateEpubProgress")
public record EpubProgressDto(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "epubcfi(/6/4!/4/2/1:0)") String epubcfi,
                              @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0.42") Double percentage,
                              @Schema(description = "true marks the book finished") Boolean isComplete) {
}
