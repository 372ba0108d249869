package org.longbox.server.config;

/**
 * A setting with a value the server cannot run with. The message is the one line an admin needs:
 * the variable, the value (hidden for secrets), where it came from and what was expected.
 * No stack trace: the message says everything and the start stops here.
 */
public final class InvalidSettingException extends RuntimeException {
    public InvalidSettingException(String message) {
        super(message, null, false, false);
    }
}
