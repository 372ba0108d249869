package org.longbox.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.longbox.library.ThumbnailService;
import org.longbox.media.PageData;
import org.longbox.server.errors.ApiException;
import org.longbox.server.web.ConditionalGet;

import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;

/** Thumbnails as both edges answer them: conditional GET on their file's time, cached a day. */
public final class ThumbnailAnswers {
    private static final String CACHE_CONTROL = "private, max-age=86400";
    private static final List<String> PRECONDITIONS = List.of(HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH,
            HttpHeaders.IF_UNMODIFIED_SINCE);

    private ThumbnailAnswers() {
    }

    /** The thumbnail as it is now; throws (404) when there is none. */
    @FunctionalInterface
    public interface Current {
        ThumbnailService.Thumbnail get() throws IOException;
    }

    public static Response answer(ThumbnailService.Thumbnail t, Request request) {
        return answer(t, request, "", UnaryOperator.identity());
    }

    /**
     * @param tagPrefix distinguishes the entity tags of converted answers from the stored file's
     * @param convert   what the stored image becomes before it is sent (OPDS: no WebP)
     */
    public static Response answer(ThumbnailService.Thumbnail t, Request request, String tagPrefix,
                                  UnaryOperator<PageData> convert) {
        String etag = etag(tagPrefix, t);
        long modified = modified(t);
        Response notModified = ConditionalGet.notModified(request, etag, modified);
        if (notModified != null) {
            return notModified;
        }
        PageData data = convert.apply(t.image());
        return ConditionalGet.image(data.bytes(), data.mediaType(), etag, modified, CACHE_CONTROL);
    }

    /**
     * Before a thumbnail is changed (PATCH): a 412 {@link ApiException} when the request makes the
     * change conditional (If-Match, If-None-Match, If-Unmodified-Since) on a thumbnail other than the
     * current one, so nothing is changed; {@code If-None-Match: *} fails whenever there is one. The
     * current thumbnail is looked up only when the request has such a condition.
     */
    public static void checkBeforeChange(HttpHeaders headers, Request request, Current current) throws IOException {
        if (PRECONDITIONS.stream().noneMatch(h -> headers.getHeaderString(h) != null)) {
            return;
        }
        ThumbnailService.Thumbnail t;
        try {
            t = current.get();
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            t = null;
        }
        if (t == null) {
            // no thumbnail yet: only If-Match can fail
            if (request.evaluatePreconditions() != null) {
                throw new ApiException(412, "Precondition failed: there is no thumbnail to match");
            }
            return;
        }
        ConditionalGet.notModified(request, etag("", t), modified(t));
    }

    /** The answer to a change: the new thumbnail, whatever the request's conditions said about the old one. */
    public static Response changed(ThumbnailService.Thumbnail t) {
        return ConditionalGet.image(t.image().bytes(), t.image().mediaType(), etag("", t), modified(t), CACHE_CONTROL);
    }

    private static String etag(String tagPrefix, ThumbnailService.Thumbnail t) {
        return tagPrefix + t.ownerId() + "-" + Long.toHexString(t.modifiedAt());
    }

    private static long modified(ThumbnailService.Thumbnail t) {
        return t.modifiedAt() / 1000 * 1000;
    }
}
