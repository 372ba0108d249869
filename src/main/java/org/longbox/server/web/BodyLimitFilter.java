package org.longbox.server.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.longbox.server.errors.ApiException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over the limit with 413: at once when Content-Length says so, and while
 * reading when a chunked body grows past it, so no body larger than the limit is ever buffered.
 */
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public final class BodyLimitFilter implements ContainerRequestFilter {
    private final long limit;

    public BodyLimitFilter(long limit) {
        this.limit = limit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > limit) {
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), limit));
        }
    }

    private ApiException tooLarge() {
        return ApiException.payloadTooLarge("Request body too large (limit " + limit + " bytes)");
    }

    private final class Limited extends FilterInputStream {
        private long left;

        Limited(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw tooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                left -= n;
                if (left < 0) {
                    throw tooLarge();
                }
            }
            return n;
        }
    }
}
