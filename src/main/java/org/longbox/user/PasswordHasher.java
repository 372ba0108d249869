package org.longbox.user;

import at.favre.lib.crypto.bcrypt.BCrypt;
import org.longbox.server.errors.ApiException;

import java.nio.charset.StandardCharsets;

/** bcrypt at the configured cost. Passwords longer than bcrypt's 72 bytes are refused, not truncated. */
public final class PasswordHasher {
    public static final int MAX_PASSWORD_BYTES = 72;
    private final int cost;
    /** Verified against when a username is unknown, so that case costs the same time as a wrong password. */
    private final String dummyHash;

    public PasswordHasher(int cost) {
        this.cost = cost;
        this.dummyHash = hash("longbox-timing-equaliser");
    }

    public String hash(String password) {
        checkAcceptable(password);
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /** True when the password matches; false for any hash or password that cannot match. */
    public boolean verify(String password, String hash) {
        if (password == null || hash == null || tooLong(password)) {
            return false;
        }
        try {
            return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                    hash.getBytes(StandardCharsets.UTF_8)).verified;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time of one verification; used when there is no user to verify against. */
    public void burn(String password) {
        verify(password == null ? "" : password, dummyHash);
    }

    public static void checkAcceptable(String password) {
        if (password == null || password.isEmpty()) {
            throw ApiException.badRequest("The password may not be empty");
        }
        if (tooLong(password)) {
            throw ApiException.badRequest("The password may be at most " + MAX_PASSWORD_BYTES + " bytes long");
        }
    }

    private static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }
}
