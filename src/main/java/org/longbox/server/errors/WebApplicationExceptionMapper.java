package org.longbox.server.errors;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ParamException;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The errors JAX-RS raises itself: unknown route, wrong method, wrong content type, a parameter
 * that does not convert. Each gets the one error body with a message that names what was wrong.
 */
@Provider
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

    @Context
    private jakarta.inject.Provider<ContainerRequestContext> request;

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e instanceof ParamException pe) {
            return ApiExceptionMapper.body(400, "Invalid value for " + kind(pe) + " '" + pe.getParameterName() + "'"
                    + reason(pe));
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String message;
        if (e instanceof NotFoundException) {
            message = "Not found: " + describe();
        } else if (e instanceof NotAllowedException) {
            message = "Method not allowed: " + describe();
        } else if (e instanceof NotSupportedException) {
            String type = request.get().getHeaderString(HttpHeaders.CONTENT_TYPE);
            message = "Unsupported content type " + (type == null ? "(none)" : "'" + type + "'")
                    + "; this endpoint takes application/json";
        } else if (e instanceof NotAcceptableException) {
            message = "None of the accepted media types can be produced";
        } else if (status >= 500) {
            LOG.log(Level.SEVERE, "Request failed: " + describe(), e);
            message = "Internal server error";
        } else {
            message = Response.Status.fromStatusCode(status) != null
                    ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Request failed";
        }
        Response built = ApiExceptionMapper.body(status, message);
        if (e instanceof NotAllowedException && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(built).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return built;
    }

    private String describe() {
        ContainerRequestContext r = request.get();
        return r.getMethod() + " /" + r.getUriInfo().getPath();
    }

    private static String kind(ParamException pe) {
        if (pe instanceof ParamException.QueryParamException) return "query parameter";
        if (pe instanceof ParamException.PathParamException) return "path parameter";
        if (pe instanceof ParamException.HeaderParamException) return "header";
        if (pe instanceof ParamException.CookieParamException) return "cookie";
        if (pe instanceof ParamException.FormParamException) return "form field";
        return "parameter";
    }

    private static String reason(ParamException pe) {
        Throwable cause = pe.getCause();
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null && !cause.getMessage().isBlank()) {
            return ": " + cause.getMessage();
        }
        return "";
    }
}
