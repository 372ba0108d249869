package org.longbox.server;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the items, the total count (page mode) and the next cursor (cursor mode,
 * null when the list is exhausted).
 */
public record Page<T>(List<T> items, long total, PageRequest request, String nextCursor) {
    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), total, request, nextCursor);
    }

    /** A page built from rows fetched with one extra row, so "is there more" costs no count query. */
    public static <T> Page<T> ofCursor(List<T> rowsPlusOne, PageRequest request, Function<T, String> id) {
        boolean more = rowsPlusOne.size() > request.limit();
        List<T> items = more ? rowsPlusOne.subList(0, request.limit()) : rowsPlusOne;
        return new Page<>(items, -1, request, more ? id.apply(items.get(items.size() - 1)) : null);
    }
}
