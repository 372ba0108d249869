package org.longbox.library;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter bumped after every committed change to which books exist, where their files are, or who
 * may see them (libraries edited, hidden, cleaned or deleted; scans writing books). Caches of such
 * facts remember the value they were filled at and drop what was filled before a bump. It counts
 * this node's changes only: other nodes' are bounded by the caches' own time limits.
 */
public final class ContentVersion {
    private final AtomicLong value = new AtomicLong();

    public long current() {
        return value.get();
    }

    public void bump() {
        value.incrementAndGet();
    }
}
