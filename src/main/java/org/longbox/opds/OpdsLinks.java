package org.longbox.opds;

import jakarta.servlet.http.HttpServletRequest;
import org.longbox.server.web.RequestPaths;

/** Where a feed's own links start: {@code /opds/v1.2}, or {@code /opds/{key}/v1.2} when the key came in the path. */
final class OpdsLinks {
    private OpdsLinks() {
    }

    static String base(HttpServletRequest request, String version) {
        String key = RequestPaths.opdsPathKey(RequestPaths.full(request));
        return key == null ? "/opds/v" + version : "/opds/" + key + "/v" + version;
    }
}
