package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;

/** The full key, shown this once. */
@Schema(name = "CreatedAPIKey")
public record CreatedApiKeyDto(@Schema(example = "stump_3mJr7AoUXx2_6x5TQJsMcvtAXgEkFwe7EGzJkXAqnLz7c") String apiKey) {
}
