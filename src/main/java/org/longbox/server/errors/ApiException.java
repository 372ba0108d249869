package org.longbox.server.errors;

/**
 * What services throw when a request cannot be served; {@link ApiExceptionMapper} turns it into
 * Stump's error body {@code {status, message}}. The message is shown to the client, so it never
 * carries internals.
 */
public class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
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

    public static ApiException payloadTooLarge(String message) {
        return new ApiException(413, message);
    }
}
