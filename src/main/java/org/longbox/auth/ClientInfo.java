package org.longbox.auth;

/** Where a login attempt came from, as recorded in login activity. */
public record ClientInfo(String ip, String userAgent) {
}
