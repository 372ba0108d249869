package org.longbox.http.openapi;

import io.swagger.v3.core.jackson.ModelResolver;
import org.longbox.server.Json;

/** Reads DTOs through the API's own ObjectMapper, so schemas show the snake_case names clients see. */
public final class SnakeCaseModelResolver extends ModelResolver {
    public SnakeCaseModelResolver() {
        super(Json.MAPPER);
    }
}
