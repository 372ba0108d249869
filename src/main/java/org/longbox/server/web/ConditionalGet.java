package org.longbox.server.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.util.Date;

/**
 * Answers for images that do not change without their entity tag changing (pages, thumbnails):
 * 304 when the client's copy is current (If-None-Match, If-Modified-Since), else the bytes with
 * ETag, Last-Modified and Cache-Control.
 */
public final class ConditionalGet {
    private ConditionalGet() {
    }

    /** The 304 answer when the request's validators match this version, else null. */
    public static Response notModified(Request request, String etag, long lastModifiedMillis) {
        EntityTag tag = new EntityTag(etag);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(new Date(lastModifiedMillis), tag);
        return notModified == null ? null : notModified.tag(tag).build();
    }

    /** A 200 carrying the image and its validators. */
    public static Response image(byte[] bytes, String mediaType, String etag, long lastModifiedMillis, String cacheControl) {
        return Response.ok(bytes, mediaType).tag(new EntityTag(etag)).lastModified(new Date(lastModifiedMillis))
                .header("Cache-Control", cacheControl).build();
    }
}
