package org.longbox.http;

import jakarta.servlet.http.HttpServletRequest;
import org.longbox.server.ClientInfo;

/** Who is on the other end of a request, as login activity records it. */
public final class Clients {
    private Clients() {
    }

    public static ClientInfo of(HttpServletRequest request) {
        return new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
