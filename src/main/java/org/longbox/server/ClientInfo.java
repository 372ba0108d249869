package org.longbox.server;

/**
 * Where a request came from (its address and User-Agent), as login activity and the sign-in
 * throttle record it. The HTTP edge makes it; the core only reads it.
 */
public record ClientInfo(String ip, String userAgent) {
}
