package org.longbox.library;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The whole ordered list of ids of a book list, kept briefly, so that any page of it (reading apps
 * walk long series page by page, and ask for the last page early) and its total cost no pass
 * over the list. An entry is used only while {@link ContentVersion} has not moved (this node's
 * scans and library changes) and for at most {@link #KEEP_NANOS} (other nodes' changes). Lists
 * that depend on reading progress are never kept: progress does not move the version.
 */
final class IdLists {
    static final long KEEP_NANOS = 2_000_000_000L;
    /** Longer lists are paged by the database each time: holding them would cost more than it saves. */
    static final int MAX_LIST = 20_000;
    /** Ids held in all, before starting afresh. */
    private static final int MAX_IDS = 500_000;

    private final ContentVersion version;
    private final Map<Object, Entry> lists = new ConcurrentHashMap<>();
    private int held;

    IdLists(ContentVersion version) {
        this.version = version;
    }

    private record Entry(List<String> ids, long version, long until) {
    }

    /**
     * The list for {@code key}: remembered, or from {@code load}, which returns null for a list
     * too long to keep (the caller then pages with the database).
     */
    List<String> get(Object key, Supplier<List<String>> load) {
        long now = System.nanoTime();
        long current = version.current();
        Entry e = lists.get(key);
        if (e != null && e.version == current && now - e.until < 0) {
            return e.ids;
        }
        List<String> ids = load.get();
        if (ids == null) {
            return null;
        }
        synchronized (this) {
            if (held + ids.size() > MAX_IDS) {
                lists.clear();
                held = 0;
            }
            Entry old = lists.put(key, new Entry(ids, current, now + KEEP_NANOS));
            held += ids.size() - (old == null ? 0 : old.ids.size());
        }
        return ids;
    }
}
