package org.longbox.server.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a request points, after the context path, whatever the context path is. Auth decisions
 * use this full path, never the servlet-relative one (Stump's issue #346). It is the container's
 * decoded, normalised path; {@link AmbiguousPathFilter} refuses every path on which that differs
 * from the raw path JAX-RS routes, so the two decide on the same path.
 */
public final class RequestPaths {
    /** Every keyed OPDS path starts so; checked before the pattern, which most requests never need. */
    private static final String KEYED_PREFIX = "/opds/stump_";
    /** {@code /opds/<api key>/<version>/...}: the key segment and the rest. */
    private static final Pattern KEYED_OPDS = Pattern.compile("^/opds/(stump_[^/]+)(/(?:v1\\.2|v2\\.0)(?:/.*)?)$");
    private static final Pattern OPDS2 = Pattern.compile("^/opds/(?:[^/]+/)?v2\\.0(?:/.*)?$");

    private RequestPaths() {
    }

    /** The decoded, normalised path after the context path, starting with "/". */
    public static String full(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    public static boolean isOpds(String path) {
        return path.equals("/opds") || path.startsWith("/opds/");
    }

    /** The API key in an {@code /opds/{key}/v1.2/...} path, or null. */
    public static String opdsPathKey(String path) {
        if (!path.startsWith(KEYED_PREFIX)) {
            return null;
        }
        Matcher m = KEYED_OPDS.matcher(path);
        return m.matches() ? m.group(1) : null;
    }

    /** The path with an OPDS key segment removed: {@code /opds/{key}/v1.2/x} becomes {@code /opds/v1.2/x}. */
    public static String withoutOpdsKey(String path) {
        if (!path.startsWith(KEYED_PREFIX)) {
            return path;
        }
        Matcher m = KEYED_OPDS.matcher(path);
        return m.matches() ? "/opds" + m.group(2) : path;
    }

    /**
     * "1.2" or "2.0" for OPDS paths, else null: "2.0" for {@code /opds/v2.0/...} and for
     * {@code /opds/<anything>/v2.0/...} (an OPDS 2 client with a key, valid or not, should get the
     * OPDS 2 challenge); "1.2" for every other path under /opds, unknown ones included.
     */
    public static String opdsVersion(String path) {
        if (!isOpds(path)) return null;
        String p = withoutOpdsKey(path);
        if (p.equals("/opds/v1.2") || p.startsWith("/opds/v1.2/")) return "1.2";
        return OPDS2.matcher(p).matches() ? "2.0" : "1.2";
    }
}
