package org.longbox.library;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Facts about library contents (which books a viewer may see, the ids of a list) kept briefly. An
 * entry is used only while {@link ContentVersion} has not moved (this node's scans and library
 * changes) and for at most {@code keepNanos} (other nodes' changes). Entries are weighed (a list by
 * its length, a row as one); past {@code maxWeight} in all the cache starts afresh, which bounds
 * memory whatever the number of users, lists and books.
 */
final class ContentCache<K, V> {
    private final ContentVersion version;
    private final long keepNanos;
    private final int maxWeight;
    private final ToIntFunction<V> weight;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private int held;

    ContentCache(ContentVersion version, long keepNanos, int maxWeight, ToIntFunction<V> weight) {
        this.version = version;
        this.keepNanos = keepNanos;
        this.maxWeight = maxWeight;
        this.weight = weight;
    }

    private record Entry<V>(V value, long version, long until) {
    }

    /** The value for {@code key}: remembered, or from {@code load}; a null from {@code load} is not kept. */
    V get(K key, Supplier<V> load) {
        long now = System.nanoTime();
        long current = version.current();
        Entry<V> e = entries.get(key);
        if (e != null && e.version == current && now - e.until < 0) {
            return e.value;
        }
        V value = load.get();
        if (value == null) {
            return null;
        }
        int w = weight.applyAsInt(value);
        synchronized (this) {
            if (held + w > maxWeight) {
                entries.clear();
                held = 0;
            }
            Entry<V> old = entries.put(key, new Entry<>(value, current, now + keepNanos));
            held += w - (old == null ? 0 : weight.applyAsInt(old.value));
        }
        return value;
    }
}
