package org.longbox.http;

import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.longbox.library.ThumbnailService;
import org.longbox.media.PageData;
import org.longbox.server.web.ConditionalGet;

import java.util.function.UnaryOperator;

/** Thumbnails as both edges answer them: conditional GET on their file's time, cached a day. */
public final class ThumbnailAnswers {
    private static final String CACHE_CONTROL = "private, max-age=86400";

    private ThumbnailAnswers() {
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
        String etag = tagPrefix + t.ownerId() + "-" + Long.toHexString(t.modifiedAt());
        long modified = t.modifiedAt() / 1000 * 1000;
        Response notModified = ConditionalGet.notModified(request, etag, modified);
        if (notModified != null) {
            return notModified;
        }
        PageData data = convert.apply(t.image());
        return ConditionalGet.image(data.bytes(), data.mediaType(), etag, modified, CACHE_CONTROL);
    }
}
