package org.longbox.auth;

/** One attempt to prove a password, as login activity lists it. */
public record LoginActivity(String id, String userId, String username, String ipAddress, String userAgent,
                            boolean successful, long occurredAt) {
}
