package org.longbox.opds;

import jakarta.servlet.http.HttpServletRequest;
import org.longbox.server.web.PublicUrl;
import org.longbox.server.web.RequestPaths;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every OPDS link, built in one place: absolute URLs from the public address (proxy headers and
 * context path applied by {@link PublicUrl}), under {@code /opds/v1.2} or {@code /opds/v2.0}, or
 * under {@code /opds/{key}/...} when the request came with an API key in its path, so clients that
 * cannot send credentials keep it on every link (covers and page streams included).
 */
public final class OpdsUrls {
    private final PublicUrl url;
    private final String base;

    private OpdsUrls(PublicUrl url, String base) {
        this.url = url;
        this.base = base;
    }

    /** @param version "1.2" or "2.0" */
    public static OpdsUrls of(HttpServletRequest request, String version) {
        String key = RequestPaths.opdsPathKey(RequestPaths.full(request));
        return new OpdsUrls(PublicUrl.of(request), key == null ? "/opds/v" + version : "/opds/" + key + "/v" + version);
    }

    /** The absolute URL of {@code path} (starting with "/") under this catalog. */
    public String to(String path) {
        return url.absolute(base + path);
    }

    /** The same with a query; null values are left out. */
    public String to(String path, Map<String, ?> query) {
        StringBuilder sb = new StringBuilder(to(path));
        char sep = '?';
        for (Map.Entry<String, ?> e : query.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            sb.append(sep).append(encode(e.getKey())).append('=').append(encode(String.valueOf(e.getValue())));
            sep = '&';
        }
        return sb.toString();
    }

    /** Page {@code page} of a paged list at {@code path}: its query, then {@code page}. */
    String page(String path, Map<String, ?> query, long page) {
        Map<String, Object> q = new LinkedHashMap<>(query);
        q.put("page", page);
        return to(path, q);
    }

    /** One path segment, percent-encoded (a file name with spaces or '#' stays one segment). */
    public static String segment(String s) {
        return encode(s);
    }

    static Map<String, Object> query(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
