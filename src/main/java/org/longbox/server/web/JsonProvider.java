package org.longbox.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.longbox.server.Json;

/** Hands JAX-RS's Jackson provider the one {@link Json} configuration. */
@Provider
public final class JsonProvider implements ContextResolver<ObjectMapper> {
    @Override
    public ObjectMapper getContext(Class<?> type) {
        return Json.MAPPER;
    }
}
