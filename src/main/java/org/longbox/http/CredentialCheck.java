package org.longbox.http;

import jakarta.servlet.http.HttpServletRequest;
import org.longbox.auth.Authenticator;
import org.longbox.server.errors.ApiException;
import org.longbox.server.web.RequestPaths;
import org.longbox.user.Caller;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Asks again, later, whether the credential a request came with still authenticates: an answer that
 * lasts (the event stream) ends when the session is logged out or expires, or the user is locked or
 * deleted, or the token or key stops working. It keeps the credential in memory only, as the request
 * did, and never slides a session's expiry.
 */
public final class CredentialCheck {
    private final Authenticator authenticator;

    public CredentialCheck(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** A check to run later: the caller the request's credential proves then, or empty. */
    public Supplier<Optional<Caller>> of(HttpServletRequest request, Caller caller) {
        return switch (caller.method()) {
            case SESSION -> {
                String token = SessionCookie.read(request);
                yield () -> Optional.ofNullable(token == null ? null : authenticator.sessionCaller(token))
                        .filter(c -> c.userId().equals(caller.userId()));
            }
            case JWT, API_KEY -> {
                String pathKey = RequestPaths.opdsPathKey(RequestPaths.full(request));
                String authorization = pathKey != null ? "Bearer " + pathKey : request.getHeader("Authorization");
                String token = authorization == null ? "" : authorization.substring(authorization.indexOf(' ') + 1).trim();
                yield () -> {
                    try {
                        return Optional.of(authenticator.bearer(token)).filter(c -> c.userId().equals(caller.userId()));
                    } catch (ApiException refused) {
                        return Optional.empty();
                    }
                };
            }
            // Basic is accepted under /opds only, where nothing lasts: nothing to ask again.
            case BASIC -> Optional::empty;
        };
    }
}
