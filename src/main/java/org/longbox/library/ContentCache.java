package org.longbox.library;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Facts about library contents (which books a viewer may see, the ids of a list) kept briefly. An
 * entry is used only while {@link ContentVersion} has not moved (this node's scans and library
 * changes) and for at most {@code keepNanos} (other nodes' changes); the first use after a move
 * drops every entry. Memory is bounded whatever the number of users, lists and books, and whatever
 * clients send: at most {@code maxEntries} entries weighing {@code maxWeight} in all (a value by its
 * weight, a list by its length, plus one, so that even empty answers count), and a key longer than
 * {@link #MAX_KEY_CHARS} (keys are made of request text) is never kept. Past a bound the cache
 * starts afresh.
 */
final class ContentCache<K, V> {
    /** The longest key kept, in characters of its text form. */
    static final int MAX_KEY_CHARS = 1_000;

    private final ContentVersion version;
    private final long keepNanos;
    private final int maxWeight;
    private final int maxEntries;
    private final ToIntFunction<V> weight;
    private final ToIntFunction<K> keyChars;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private int held;
    private long heldVersion;

    /**
     * @param weight   what a value weighs (a list: its length); an entry weighs that plus one
     * @param keyChars how long a key is, in characters; asked only when a value is about to be kept
     */
    ContentCache(ContentVersion version, long keepNanos, int maxWeight, int maxEntries, ToIntFunction<V> weight,
                 ToIntFunction<K> keyChars) {
        this.version = version;
        this.keepNanos = keepNanos;
        this.maxWeight = maxWeight;
        this.maxEntries = maxEntries;
        this.weight = weight;
        this.keyChars = keyChars;
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
        if (value == null || keyChars.applyAsInt(key) > MAX_KEY_CHARS) {
            return value;
        }
        int w = 1 + weight.applyAsInt(value);
        synchronized (this) {
            if (heldVersion != current || held + w > maxWeight || entries.size() >= maxEntries) {
                entries.clear();
                held = 0;
                heldVersion = current;
            }
            Entry<V> old = entries.put(key, new Entry<>(value, current, now + keepNanos));
            held += w - (old == null ? 0 : 1 + weight.applyAsInt(old.value));
        }
        return value;
    }

    /** How many entries are kept now. */
    int size() {
        return entries.size();
    }
}
