package org.longbox.media;

import java.util.List;

/** What the RAR 4 and RAR 5 header readers share. */
final class Rar {
    static final String TRUNCATED = "truncated RAR archive";

    private Rar() {
    }

    static void add(List<RarEntry> entries, RarEntry entry, MediaLimits limits) throws BookException {
        if (entries.size() == limits.maxEntries()) {
            throw new BookException("archive has more than the limit of " + limits.maxEntries() + " entries");
        }
        entries.add(entry);
    }
}
