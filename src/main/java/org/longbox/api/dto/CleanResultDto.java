package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "CleanLibraryResponse")
public record CleanResultDto(int deletedMediaCount, int deletedSeriesCount, boolean isEmpty) {
}
