package org.longbox.server.errors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.stream.Collectors;

/** A body that is not JSON, or JSON of the wrong shape, is the client's mistake: 400 naming where. */
@Provider
public final class JsonErrorMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
        if (e.getCause() instanceof ApiException api) {
            // a value's own validation (e.g. an unknown permission) says best what was wrong
            return ApiExceptionMapper.body(api.status(), api.getMessage());
        }
        if (e instanceof JsonMappingException m && !(e instanceof JsonParseException) && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return ApiExceptionMapper.body(400, "Invalid value for field '" + field + "'");
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return ApiExceptionMapper.body(400, "Malformed JSON body" + where);
    }
}
