package org.longbox.server.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * CORS for the origins in STUMP_ALLOWED_ORIGINS ({@code *} allows any), with credentials, as Stump
 * does. With none configured, no CORS header is sent: browsers keep to same-origin.
 */
public final class CorsFilter implements Filter {
    private static final String METHODS = "GET, PUT, POST, PATCH, DELETE, OPTIONS";
    private static final String HEADERS = "Accept, Authorization, Content-Type, X-Stump-Save-Session";
    private final List<String> allowed;

    public CorsFilter(List<String> allowedOrigins) {
        this.allowed = List.copyOf(allowedOrigins);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String origin = request.getHeader("Origin");
        if (origin == null || allowed.isEmpty() || !(allowed.contains("*") || allowed.contains(origin))) {
            chain.doFilter(req, res);
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.setHeader("Access-Control-Allow-Credentials", "true");
        response.addHeader("Vary", "Origin");
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
