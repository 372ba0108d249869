package org.longbox.server.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Typed service errors become {@code {status, message}}. */
@Provider
public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException e) {
        Response r = body(e.status(), e.getMessage());
        if (e.retryAfterSeconds() != null) {
            r.getHeaders().putSingle("Retry-After", Integer.toString(e.retryAfterSeconds()));
        }
        return r;
    }

    static Response body(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .entity(new ErrorBody(status, message))
                .build();
    }
}
