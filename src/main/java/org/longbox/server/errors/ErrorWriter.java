package org.longbox.server.errors;

import jakarta.servlet.http.HttpServletResponse;
import org.longbox.server.Json;

import java.io.IOException;

/** Writes the error body from servlet code that runs outside JAX-RS (filters, the error page). */
public final class ErrorWriter {
    private ErrorWriter() {
    }

    /** The error an {@link ApiException} stands for, with its Retry-After when it has one. */
    public static void write(HttpServletResponse response, ApiException e) throws IOException {
        if (e.retryAfterSeconds() != null && !response.isCommitted()) {
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        write(response, e.status(), e.getMessage());
    }

    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        Json.MAPPER.writeValue(response.getOutputStream(), new ErrorBody(status, message));
    }
}
