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
    /**
     * A refused body up to this size is read and dropped before answering: a client still sending
     * when the server closes the connection can lose the 413 to a TCP reset.
     */
    private static final long DRAIN_AT_MOST = 8L << 20;
    private final long limit;

    public BodyLimitFilter(long limit) {
        this.limit = limit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            return;
        }
        if (request.getLength() > limit) {
            if (request.getLength() <= DRAIN_AT_MOST) {
                drain(request.getEntityStream());
            }
            throw tooLarge();
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), limit));
        }
    }

    private static void drain(InputStream in) {
        try {
            long left = DRAIN_AT_MOST;
            byte[] buffer = new byte[8192];
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException e) {
            // the client went away; the 413 is all that is left to send
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
                drain(in);
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
                    drain(in);
                    throw tooLarge();
                }
            }
            return n;
        }
    }
}
