package org.longbox.api.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.longbox.server.Page;

import java.util.List;

/** Stump's list envelope: {@code {data, _page, _cursor}}. */
public record Pageable<T>(List<T> data, @JsonProperty("_page") PageInfo page, @JsonProperty("_cursor") CursorInfo cursor) {

    @Schema(name = "PageInfo")
    public record PageInfo(long totalPages, int currentPage, int pageSize, long pageOffset, boolean zeroBased) {
    }

    @Schema(name = "CursorInfo")
    public record CursorInfo(String currentCursor, int limit, String nextCursor) {
    }

    public static <T> Pageable<T> of(Page<T> page) {
        var r = page.request();
        if (r.cursorMode()) {
            return new Pageable<>(page.items(), null, new CursorInfo(r.cursor(), r.limit(), page.nextCursor()));
        }
        long totalPages = (page.total() + r.pageSize() - 1) / r.pageSize();
        return new Pageable<>(page.items(), new PageInfo(totalPages, r.currentPage(), r.pageSize(), r.offset(), r.zeroBased()), null);
    }
}
