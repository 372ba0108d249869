package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "PatchMediaThumbnail")
public record ThumbnailPageDto(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer page, Boolean isZeroBased) {
}
