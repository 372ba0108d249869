package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "DeletedCount")
public record CountDto(int deleted) {
}
