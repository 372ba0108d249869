package org.longbox.server.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything unexpected: the stack trace goes to the log, the client gets a neutral 500. */
@Provider
public final class CatchAllMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(CatchAllMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        LOG.log(Level.SEVERE, "Unhandled error", e);
        return ApiExceptionMapper.body(500, "Internal server error");
    }
}
