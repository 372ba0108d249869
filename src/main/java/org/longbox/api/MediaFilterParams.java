package org.longbox.api;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.QueryParam;
import org.longbox.library.MediaService;

import java.util.Arrays;
import java.util.List;

/** Stump's media filter query parameters (the commonly used part of its nested filter syntax). */
public class MediaFilterParams {
    @QueryParam("id") @Parameter(description = "Only these book ids (repeatable)")
    public List<String> ids;
    @QueryParam("search") @Parameter(description = "Text in the name, title, series or writers")
    public String search;
    @QueryParam("extension") @Parameter(description = "File extension, e.g. cbz (repeatable)")
    public List<String> extensions;
    @QueryParam("read_status") @Parameter(description = "unread, reading or completed")
    public String readStatus;
    @QueryParam("status") @Parameter(description = "Only books in these states: READY (readable), ERROR (the scan could not "
            + "read it; error_reason says why), MISSING (its file is gone), UNSUPPORTED, UNKNOWN. Repeatable or "
            + "comma-separated, any case (status=ERROR,MISSING lists the broken ones). Every list shows every book, with "
            + "its status, unless this is given; OPDS feeds show READY books only.")
    public List<String> statuses;
    @QueryParam("series_id") @Parameter(description = "Books of this series")
    public String seriesId;
    @QueryParam("series[id]") @Parameter(description = "Books of this series (Stump's nested form)")
    public String seriesIdNested;
    @QueryParam("series[library][id]") @Parameter(description = "Books of this library (Stump's nested form)")
    public String libraryIdNested;
    @QueryParam("metadata[genre]")
    public String genre;
    @QueryParam("metadata[writer]")
    public String writer;
    @QueryParam("metadata[publisher]")
    public String publisher;
    @QueryParam("metadata[character]")
    public String character;
    @QueryParam("metadata[year]") @Parameter(description = "Release year")
    public Integer year;
    @QueryParam("metadata[year][from]")
    public Integer yearFrom;
    @QueryParam("metadata[year][to]")
    public Integer yearTo;
    @QueryParam("order_by") @Parameter(description = "name (default), size, extension, updated_at, status, path, pages, series_id, created_at, modified_at, number")
    public String orderBy;
    @QueryParam("direction") @Parameter(description = "asc (default) or desc")
    public String direction;

    MediaService.Filter toFilter() {
        Integer from = year != null ? year : yearFrom;
        Integer to = year != null ? year : yearTo;
        return new MediaService.Filter(libraryIdNested, seriesId != null ? seriesId : seriesIdNested,
                ids == null || ids.isEmpty() ? null : ids, extensions == null || extensions.isEmpty() ? null : extensions,
                search, readStatus, genre, writer, publisher, character, from, to,
                statuses == null || statuses.isEmpty() ? null : statuses.stream()
                        .flatMap(s -> Arrays.stream(s.split(",", -1))).map(String::trim).toList(), orderBy, direction);
    }
}
