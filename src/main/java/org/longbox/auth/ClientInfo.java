package org.longbox.auth;

import jakarta.servlet.http.HttpServletRequest;

/** Where a login attempt came from, as recorded in login activity. */
public record ClientInfo(String ip, String userAgent) {
    public static ClientInfo of(HttpServletRequest request) {
        return new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
