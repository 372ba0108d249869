package org.longbox.api;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.QueryParam;
import org.longbox.server.PageRequest;

/** Stump's pagination query parameters, shared by every list endpoint. */
public class PageParams {
    @QueryParam("page")
    @Parameter(description = "Page number (1-based unless zero_based=true)")
    public Integer page;

    @QueryParam("page_size")
    @Parameter(description = "Items per page, 1-1000 (default 20)")
    public Integer pageSize;

    @QueryParam("zero_based")
    @Parameter(description = "Count pages from 0")
    public Boolean zeroBased;

    @QueryParam("cursor")
    @Parameter(description = "Cursor mode: the id of the last item already seen")
    public String cursor;

    @QueryParam("limit")
    @Parameter(description = "Cursor mode: items to return, 1-1000 (default 20)")
    public Integer limit;

    public PageRequest toRequest() {
        return PageRequest.of(page, pageSize, zeroBased, cursor, limit);
    }
}
