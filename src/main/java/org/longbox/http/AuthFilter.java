package org.longbox.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.longbox.auth.Authenticator;
import org.longbox.server.Json;
import org.longbox.server.errors.ApiException;
import org.longbox.server.errors.ErrorWriter;
import org.longbox.user.Caller;

import java.io.IOException;
import java.security.Principal;

/**
 * Authenticates every request once, before JAX-RS sees it, and wraps it so
 * {@code getUserPrincipal()} (and JAX-RS's SecurityContext) return the {@link Caller}. Refused
 * credentials are answered here with the same error body and 401 headers as everywhere else.
 */
public final class AuthFilter implements Filter {
    private final Authenticator authenticator;

    public AuthFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        Authenticator.Outcome outcome;
        try {
            outcome = authenticator.authenticate(request);
        } catch (ApiException e) {
            refuse(request, response, e);
            return;
        }
        if (outcome.setCookie() != null) {
            response.addHeader("Set-Cookie", outcome.setCookie());
        } else if (outcome.clearCookie()) {
            response.addHeader("Set-Cookie", SessionCookie.clear(request));
        }
        chain.doFilter(outcome.caller() == null ? request : new AuthenticatedRequest(request, outcome.caller()), response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, ApiException e) throws IOException {
        if (e.status() == 401) {
            var document = AuthChallenge.addHeaders(request, response::addHeader);
            if (document != null) {
                response.setStatus(401);
                response.setContentType(org.longbox.http.AuthenticationDocument.MEDIA_TYPE);
                response.setCharacterEncoding("UTF-8");
                Json.MAPPER.writeValue(response.getOutputStream(), document);
                return;
            }
        }
        ErrorWriter.write(response, e.status(), e.getMessage());
    }

    /** The request as the rest of the chain sees it: with its caller as the principal. */
    static final class AuthenticatedRequest extends HttpServletRequestWrapper {
        private final Caller caller;

        AuthenticatedRequest(HttpServletRequest request, Caller caller) {
            super(request);
            this.caller = caller;
        }

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public String getRemoteUser() {
            return caller.getName();
        }

        @Override
        public String getAuthType() {
            return switch (caller.method()) {
                case BASIC -> BASIC_AUTH;
                case SESSION -> FORM_AUTH;
                default -> "BEARER";
            };
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }
    }
}
