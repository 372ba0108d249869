package org.longbox.server.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * CORS for the origins in STUMP_ALLOWED_ORIGINS: an origin listed by name gets credentialed CORS,
 * as Stump does; {@code *} gives every other origin CORS without credentials (so Bearer tokens and
 * API keys work from anywhere, the session cookie does not); the {@code null} origin gets nothing.
 * With none configured, no CORS header is sent: browsers keep to same-origin.
 */
public final class CorsFilter implements Filter {
    private static final String METHODS = "GET, PUT, POST, PATCH, DELETE, OPTIONS";
    private static final String HEADERS = "Accept, Authorization, Content-Type, X-Stump-Save-Session";
    private final AllowedOrigins allowed;

    public CorsFilter(AllowedOrigins allowed) {
        this.allowed = allowed;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (allowed.isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        // answers differ by origin (echoed, '*' or none), so caches must keep them apart
        response.addHeader("Vary", "Origin");
        String origin = request.getHeader("Origin");
        AllowedOrigins.Grant grant = allowed.grant(origin);
        if (grant == AllowedOrigins.Grant.NONE) {
            chain.doFilter(req, res);
            return;
        }
        if (grant == AllowedOrigins.Grant.WITH_CREDENTIALS) {
            response.setHeader("Access-Control-Allow-Origin", origin.trim());
            response.setHeader("Access-Control-Allow-Credentials", "true");
        } else {
            response.setHeader("Access-Control-Allow-Origin", "*");
        }
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            response.setHeader("Access-Control-Allow-Methods", METHODS);
            response.setHeader("Access-Control-Allow-Headers", HEADERS);
            response.setHeader("Access-Control-Max-Age", "3600");
            response.setStatus(204);
            return;
        }
        chain.doFilter(req, res);
    }
}
