package org.longbox.user;

import org.longbox.server.errors.ApiException;

import java.security.Principal;
import java.util.Set;

/**
 * Who made a request and what they may do: a user, and the rights this request carries (fewer than
 * the user's with an API key that lists its own). The HTTP edge authenticates each request once and
 * makes this its principal; services take it to decide what the caller may do.
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

    public Caller withMethod(AuthMethod m) {
        return new Caller(user, m, ownerPowers, permissions, sessionId);
    }

    public static Caller forUser(User user, AuthMethod method, String sessionId) {
        return new Caller(user, method, user.serverOwner(), user.effectivePermissions(), sessionId);
    }
}
