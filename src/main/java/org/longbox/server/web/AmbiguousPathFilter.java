package org.longbox.server.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.longbox.server.errors.ErrorWriter;

import java.io.IOException;

/**
 * Refuses, with a JSON 400 and before anything authenticates the request, a path that the
 * container and JAX-RS could read differently. Filters see the container's decoded, normalised
 * path ({@link RequestPaths#full}: path parameters cut, {@code ..} resolved, {@code //} merged),
 * while JAX-RS routes the raw one; once these forms are gone the two agree, so the auth filter
 * decides on the path the router serves. Refused: {@code ;} path parameters, encoded {@code /},
 * {@code \} (raw or encoded), control characters such as NUL (encoded), malformed
 * percent-encoding, {@code .} and {@code ..} segments (also encoded) and empty segments. The query
 * string is not looked at.
 */
public final class AmbiguousPathFilter implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        String problem = problem(((HttpServletRequest) req).getRequestURI());
        if (problem != null) {
            ErrorWriter.write((HttpServletResponse) res, 400, "Malformed request path: " + problem);
            return;
        }
        chain.doFilter(req, res);
    }

    /** What is wrong with a raw (still percent-encoded) request path, or null when nothing is. */
    static String problem(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return "it must start with /";
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == ';') {
                return "path parameters (;) are not allowed";
            }
            if (c == '\\') {
                return "\\ is not allowed";
            }
            if (c < 0x20 || c == 0x7f) {
                return "control characters are not allowed";
            }
            if (c == '%') {
                int decoded = i + 2 < rawPath.length() ? hex(rawPath.charAt(i + 1), rawPath.charAt(i + 2)) : -1;
                if (decoded < 0) {
                    return "malformed percent-encoding";
                }
                if (decoded == '/' || decoded == '\\') {
                    return "an encoded / or \\ is not allowed";
                }
                if (decoded == ';') {
                    return "path parameters (;) are not allowed";
                }
                if (decoded < 0x20 || decoded == 0x7f) {
                    return "control characters are not allowed";
                }
            }
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i].replace("%2e", ".").replace("%2E", ".");
            if (segment.equals(".") || segment.equals("..")) {
                return ". and .. segments are not allowed";
            }
            // a trailing slash is an empty last segment, and fine; "/" alone is one too
            if (segment.isEmpty() && i < segments.length - 1) {
                return "empty segments (//) are not allowed";
            }
        }
        return null;
    }

    private static int hex(char hi, char lo) {
        int h = Character.digit(hi, 16);
        int l = Character.digit(lo, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }
}
