package org.longbox.server.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The address clients reach this deployment at: scheme, host and path prefix as seen in front of
 * any reverse proxy ({@code Forwarded}, or {@code X-Forwarded-Proto/Host/Prefix}) plus the context
 * path. Every absolute link is built here. Header values that do not look like a scheme, host or
 * path are ignored, so a forged header cannot inject markup or another origin's path into links.
 */
public record PublicUrl(String scheme, String host, String prefix) {
    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9.\\-]+(:[0-9]{1,5})?$|^\\[[0-9A-Fa-f:.]+](:[0-9]{1,5})?$");
    private static final Pattern PREFIX = Pattern.compile("^(/[A-Za-z0-9._~!$&'()*+,;=:@%\\-]+)*/?$");

    public static PublicUrl of(HttpServletRequest r) {
        String scheme = r.getScheme();
        String host = hostHeader(r);
        String forwardedPrefix = null;

        String forwarded = r.getHeader("Forwarded");
        if (forwarded != null) {
            String first = forwarded.split(",")[0];
            for (String pair : first.split(";")) {
                int eq = pair.indexOf('=');
                if (eq < 0) continue;
                String name = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                String value = unquote(pair.substring(eq + 1).trim());
                if (name.equals("proto")) scheme = validScheme(value, scheme);
                if (name.equals("host")) host = validHost(value, host);
            }
        } else {
            scheme = validScheme(firstValue(r.getHeader("X-Forwarded-Proto")), scheme);
            host = validHost(firstValue(r.getHeader("X-Forwarded-Host")), host);
        }
        String xfPrefix = firstValue(r.getHeader("X-Forwarded-Prefix"));
        if (xfPrefix != null && PREFIX.matcher(xfPrefix).matches()) {
            forwardedPrefix = xfPrefix.endsWith("/") ? xfPrefix.substring(0, xfPrefix.length() - 1) : xfPrefix;
        }
        String prefix = (forwardedPrefix == null ? "" : forwardedPrefix) + r.getContextPath();
        return new PublicUrl(scheme, host, prefix);
    }

    /** {@code pathFromRoot} (starting with "/") as a path-absolute reference: prefix + path. */
    public String path(String pathFromRoot) {
        return prefix + pathFromRoot;
    }

    /** {@code pathFromRoot} (starting with "/") as an absolute URL. */
    public String absolute(String pathFromRoot) {
        return scheme + "://" + host + prefix + pathFromRoot;
    }

    private static String hostHeader(HttpServletRequest r) {
        String h = r.getHeader("Host");
        if (h != null && HOST.matcher(h).matches()) {
            return h;
        }
        int port = r.getServerPort();
        boolean defaultPort = ("http".equals(r.getScheme()) && port == 80) || ("https".equals(r.getScheme()) && port == 443);
        return r.getServerName() + (defaultPort ? "" : ":" + port);
    }

    private static String firstValue(String header) {
        if (header == null) return null;
        String v = header.split(",")[0].trim();
        return v.isEmpty() ? null : v;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static String validScheme(String v, String fallback) {
        if (v == null) return fallback;
        String s = v.toLowerCase(Locale.ROOT);
        return s.equals("http") || s.equals("https") ? s : fallback;
    }

    private static String validHost(String v, String fallback) {
        return v != null && HOST.matcher(v).matches() ? v : fallback;
    }
}
