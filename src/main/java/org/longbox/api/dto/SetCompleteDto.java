package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "PutMediaCompletionStatus")
public record SetCompleteDto(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean isComplete,
                             @Schema(description = "Not complete: the page to put the reader at") Integer page) {
}
