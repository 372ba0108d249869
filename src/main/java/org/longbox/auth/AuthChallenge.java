package org.longbox.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.longbox.opds.AuthenticationDocument;
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

    public static void addHeaders(HttpServletRequest request, BiConsumer<String, String> header) {
        header.accept("Set-Cookie", SessionCookie.clear(request));
        String version = RequestPaths.opdsVersion(RequestPaths.full(request));
        if (version == null) {
            return;
        }
        header.accept("WWW-Authenticate", "Basic realm=\"Longbox OPDS v" + version + "\", charset=\"UTF-8\"");
        if (version.equals("2.0")) {
            header.accept("Link", "<" + PublicUrl.of(request).absolute(AuthenticationDocument.PATH) + ">; rel=\""
                    + AuthenticationDocument.REL + "\"; type=\"" + AuthenticationDocument.MEDIA_TYPE + "\"");
        }
    }

    /** The authentication document when a 401 under /opds/v2.0 should carry it, else null. */
    public static AuthenticationDocument opdsDocument(HttpServletRequest request) {
        return "2.0".equals(RequestPaths.opdsVersion(RequestPaths.full(request)))
                ? AuthenticationDocument.of(PublicUrl.of(request)) : null;
    }
}
