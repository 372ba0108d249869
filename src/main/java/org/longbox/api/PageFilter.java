package org.longbox.api;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.longbox.library.PageStore;
import org.longbox.server.web.RequestPaths;
import org.longbox.user.Caller;
import org.longbox.user.Viewer;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /api/v1/media/{id}/page/{n}} the short way, before JAX-RS: an authenticated,
 * unconditional request for an unscaled page that {@link PageStore} can answer is answered here
 * with the bytes and headers {@link MediaFileResource#page} would give. Anything else (no caller,
 * a query string, conditional or range headers, a page the store leaves alone, every error) goes
 * on to that resource, which stays the one documented in the OpenAPI spec.
 */
public final class PageFilter implements Filter {
    private static final String PREFIX = "/api/v1/media/";
    private static final String PAGE = "/page/";

    private final PageStore pages;

    public PageFilter(PageStore pages) {
        this.pages = pages;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        Optional<PageStore.Served> served = Optional.empty();
        if (plain(request) && request.getUserPrincipal() instanceof Caller caller) {
            String path = RequestPaths.full(request);
            int slash = path.indexOf(PAGE, PREFIX.length());
            String id = slash < 0 ? null : path.substring(PREFIX.length(), slash);
            int page = slash < 0 ? -1 : pageNumber(path, slash + PAGE.length());
            if (page > 0 && path.startsWith(PREFIX) && isId(id)) {
                served = pages.page(Viewer.of(caller), id, page);
            }
        }
        if (served.isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        PageStore.Served page = served.get();
        HttpServletResponse response = (HttpServletResponse) res;
        response.setStatus(200);
        response.setContentType(page.mediaType());
        response.setContentLength(page.bytes().length);
        response.setHeader("ETag", "\"" + page.etag() + "\"");
        response.setDateHeader("Last-Modified", page.lastModified());
        response.setHeader("Cache-Control", MediaFileResource.PAGE_CACHE_CONTROL);
        response.getOutputStream().write(page.bytes());
    }

    /** A GET with nothing that would change the answer: no query, no validators, no range. */
    private static boolean plain(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && request.getQueryString() == null
                && request.getHeader("If-None-Match") == null && request.getHeader("If-Modified-Since") == null
                && request.getHeader("If-Match") == null && request.getHeader("If-Unmodified-Since") == null
                && request.getHeader("Range") == null;
    }

    /** The page number that ends the path at {@code from}: 1 to 99999, else -1. */
    private static int pageNumber(String path, int from) {
        int length = path.length() - from;
        if (length < 1 || length > 5) {
            return -1;
        }
        int n = 0;
        for (int i = from; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Book ids are UUIDs; anything else is left to JAX-RS. */
    private static boolean isId(String id) {
        if (id == null || id.isEmpty() || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
