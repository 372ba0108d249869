package org.longbox.user;

import jakarta.ws.rs.core.SecurityContext;
import org.longbox.server.errors.ApiException;

import java.security.Principal;
import java.util.Set;

/**
 * Who made a request and what they may do. The filter authenticates once and puts this in the
 * request as its principal; resources read it through {@link #of(SecurityContext)}.
 *
 * @param ownerPowers true when the server owner acts with full rights; an owner's API key with a
 *                    custom permission list does not get them
 * @param permissions effective permissions (implied ones included) for this request
 * @param sessionId   the database session behind the request, when it came with the cookie
 */
public record Caller(User user, AuthMethod method, boolean ownerPowers, Set<Permission> permissions,
                     String sessionId) implements Principal {

    public enum AuthMethod { SESSION, BASIC, JWT, API_KEY }

    @Override
    public String getName() {
        return user.username();
    }

    public String userId() {
        return user.id();
    }

    public boolean has(Permission p) {
        return ownerPowers || permissions.contains(p);
    }

    /**
     * True when this request acts with less than its user's full rights: it came with an API key
     * that has a custom permission list.
     */
    public boolean restricted() {
        return user.serverOwner() ? !ownerPowers : !permissions.containsAll(user.effectivePermissions());
    }

    public void require(Permission p) {
        if (!has(p)) {
            throw ApiException.forbidden("You do not have permission to do this (" + p.wire() + ")");
        }
    }

    public void requireOwner() {
        if (!ownerPowers) {
            throw ApiException.forbidden("Only the server owner may do this");
        }
    }

    /** The caller of an authenticated request; 401 when the request is anonymous. */
    public static Caller of(SecurityContext sc) {
        if (sc != null && sc.getUserPrincipal() instanceof Caller c) {
            return c;
        }
        throw ApiException.unauthorized("Authentication required");
    }

    public Caller withMethod(AuthMethod m) {
        return new Caller(user, m, ownerPowers, permissions, sessionId);
    }

    public static Caller forUser(User user, AuthMethod method, String sessionId) {
        return new Caller(user, method, user.serverOwner(), user.effectivePermissions(), sessionId);
    }
}
