package org.longbox.server.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.longbox.server.errors.ApiException;

import java.util.Date;

/**
 * Answers for images that do not change without their entity tag changing (pages, thumbnails):
 * 304 when the client's copy is current (If-None-Match, If-Modified-Since), a JSON 412 when a
 * precondition fails, else the bytes with ETag, Last-Modified and Cache-Control.
 */
public final class ConditionalGet {
    private ConditionalGet() {
    }

    /**
     * The 304 answer when the request's validators match this version, else null; throws a 412
     * {@link ApiException} when a precondition (If-Match, If-Unmodified-Since, or If-None-Match on
     * a method other than GET and HEAD) fails.
     */
    public static Response notModified(Request request, String etag, long lastModifiedMillis) {
        return evaluate(request, new Date(lastModifiedMillis), new EntityTag(etag));
    }

    /** As {@link #notModified}, for a version known by its date and tag. */
    static Response evaluate(Request request, Date lastModified, EntityTag tag) {
        Response.ResponseBuilder answer = request.evaluatePreconditions(lastModified, tag);
        if (answer == null) {
            return null;
        }
        Response built = answer.tag(tag).build();
        if (built.getStatus() == 412) {
            throw new ApiException(412, "Precondition failed: the resource is not in the state the request's"
                    + " If-Match, If-None-Match or If-Unmodified-Since names");
        }
        return built;
    }

    /** A 200 carrying the image and its validators. */
    public static Response image(byte[] bytes, String mediaType, String etag, long lastModifiedMillis, String cacheControl) {
        return Response.ok(bytes, mediaType).tag(new EntityTag(etag)).lastModified(new Date(lastModifiedMillis))
                .header("Cache-Control", cacheControl).build();
    }
}
