package org.longbox.auth;

/** One attempt to prove a password, as login activity lists it; {@code userId} and {@code username} are null for a name that is no user's. */
public record LoginActivity(String id, String userId, String username, String ipAddress, String userAgent,
                            boolean successful, long occurredAt) {
}
