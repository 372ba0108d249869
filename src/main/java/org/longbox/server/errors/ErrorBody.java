package org.longbox.server.errors;

import io.swagger.v3.oas.annotations.media.Schema;

/** Stump's error body, the one shape every error takes. */
@Schema(name = "ApiError", description = "Every error: the HTTP status and a message for people.")
public record ErrorBody(
        @Schema(example = "404") int status,
        @Schema(example = "Not found") String message) {
}
