package org.longbox.http;

import jakarta.ws.rs.core.SecurityContext;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Caller;

/** The {@link Caller} that {@link AuthFilter} put in a request, as resources read it. */
public final class Callers {
    private Callers() {
    }

    /** The caller of an authenticated request; 401 when the request is anonymous. */
    public static Caller of(SecurityContext sc) {
        if (sc != null && sc.getUserPrincipal() instanceof Caller c) {
            return c;
        }
        throw ApiException.unauthorized("Authentication required");
    }
}
