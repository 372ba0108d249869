package org.longbox.server.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error page (web.xml), so errors raised outside JAX-RS — a filter, a servlet, the
 * container itself — reach the client as {@code {status, message}}, never as an HTML page or a
 * stack trace.
 */
public final class ErrorPageServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int status = code instanceof Integer i ? i : 404;
        if (error != null) {
            LOG.log(Level.SEVERE, "Unhandled error on " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), error);
            status = 500;
        }
        String message = switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request body too large";
            case 500 -> "Internal server error";
            default -> status >= 500 ? "Server error" : "Request failed";
        };
        response.resetBuffer();
        ErrorWriter.write(response, status, message);
    }
}
