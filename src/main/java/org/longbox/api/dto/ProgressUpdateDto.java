package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;

/** A progress report: a 1-based page, or for EPUBs an epubcfi and the share read (0-1), or both. */
@Schema(name = "UpdateProgress")
public record ProgressUpdateDto(@Schema(example = "12") Integer page, @Schema(example = "epubcfi(/6/4!/4/2/1:0)") String epubcfi,
                                @Schema(example = "0.42") Double percentage, Long elapsedSeconds, String deviceId,
                                @Schema(description = "EPUB: true marks the book finished") Boolean isComplete) {
}
