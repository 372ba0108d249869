package org.longbox.http;

import jakarta.servlet.http.HttpServletRequest;
import org.longbox.server.web.PublicUrl;
import org.longbox.server.web.RequestPaths;

import java.util.function.BiConsumer;

/**
 * What every 401 carries besides its body: a Set-Cookie that clears the session cookie, and under
 * /opds the Basic challenge reading apps wait for (plus, under /opds/v2.0, a Link to the
 * authentication document, which is then also the body).
 */
public final class AuthChallenge {
    private AuthChallenge() {
    }

    /**
     * Adds the headers; returns the authentication document when the 401 should carry it as its
     * body (under /opds/v2.0), else null.
     */
    public static AuthenticationDocument addHeaders(HttpServletRequest request, BiConsumer<String, String> header) {
        header.accept("Set-Cookie", SessionCookie.clear(request));
        String version = RequestPaths.opdsVersion(RequestPaths.full(request));
        if (version == null) {
            return null;
        }
        header.accept("WWW-Authenticate", "Basic realm=\"Longbox OPDS v" + version + "\", charset=\"UTF-8\"");
        if (!version.equals("2.0")) {
            return null;
        }
        PublicUrl url = PublicUrl.of(request);
        header.accept("Link", "<" + url.absolute(AuthenticationDocument.PATH) + ">; rel=\""
                + AuthenticationDocument.REL + "\"; type=\"" + AuthenticationDocument.MEDIA_TYPE + "\"");
        return AuthenticationDocument.of(url);
    }
}
