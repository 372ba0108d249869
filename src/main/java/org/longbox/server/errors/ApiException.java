package org.longbox.server.errors;

/**
 * What services throw when a request cannot be served; {@link ApiExceptionMapper} turns it into
 * Stump's error body {@code {status, message}}. The message is shown to the client, so it never
 * carries internals.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final Long retryAfterSeconds;

    public ApiException(int status, String message) {
        this(status, message, null);
    }

    private ApiException(int status, String message, Long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    /** Seconds the client should wait before trying again (sent as Retry-After); null when not said. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 503: the server is busy with this kind of work; asking again in {@code seconds} may succeed. */
    public static ApiException busy(String message, int seconds) {
        return new ApiException(503, message, (long) seconds);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public static ApiException conflict(String message) {
        // Stump answers a unique-key violation with 422.
        return new ApiException(422, message);
    }

    /** 409: the request lost a race with another change to the same thing; nothing was written. */
    public static ApiException editConflict(String message) {
        return new ApiException(409, message);
    }

    /** 429 with a Retry-After of at least a second. */
    public static ApiException tooManyRequests(String message, long retryAfterSeconds) {
        return new ApiException(429, message, Math.max(1, retryAfterSeconds));
    }

    public static ApiException payloadTooLarge(String message) {
        return new ApiException(413, message);
    }
}
