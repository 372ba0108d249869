package org.longbox.server;

import org.longbox.server.errors.ApiException;

/**
 * Which part of a list a client asked for, in Stump's terms: page mode ({@code page},
 * {@code page_size}, {@code zero_based}) or cursor mode ({@code cursor}, {@code limit}). A request
 * that names neither gets the first page: no list endpoint answers with everything at once.
 */
public record PageRequest(int pageIndex, int pageSize, boolean zeroBased, String cursor, int limit, boolean cursorMode) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 1000;

    public static PageRequest of(Integer page, Integer pageSize, Boolean zeroBased, String cursor, Integer limit) {
        if (cursor != null || limit != null) {
            int l = limit == null ? DEFAULT_SIZE : limit;
            if (l < 1 || l > MAX_SIZE) {
                throw ApiException.badRequest("limit must be between 1 and " + MAX_SIZE);
            }
            return new PageRequest(0, l, false, cursor == null || cursor.isBlank() ? null : cursor, l, true);
        }
        boolean zb = zeroBased != null && zeroBased;
        int size = pageSize == null ? DEFAULT_SIZE : pageSize;
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badRequest("page_size must be between 1 and " + MAX_SIZE);
        }
        int p = page == null ? (zb ? 0 : 1) : page;
        if (p < 0) {
            throw ApiException.badRequest("page must not be negative");
        }
        // Stump reads page=0 as the first page when pages are 1-based.
        int index = zb ? p : Math.max(0, p - 1);
        return new PageRequest(index, size, zb, null, 0, false);
    }

    public long offset() {
        return (long) pageIndex * pageSize;
    }

    /** The page number as the client counts. */
    public int currentPage() {
        return zeroBased ? pageIndex : pageIndex + 1;
    }
}
