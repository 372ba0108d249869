package org.longbox.media;

/**
 * A book that cannot be read, with the reason in words an admin understands ("not a ZIP archive",
 * "page 3 is not an image we can decode", "entry larger than 64 MiB"). The scanner records the
 * reason with the book's ERROR status; no stack trace is needed.
 */
public final class BookException extends Exception {
    public BookException(String reason) {
        super(reason, null, false, false);
    }

    public BookException(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
