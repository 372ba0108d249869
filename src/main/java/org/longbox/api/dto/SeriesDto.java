package org.longbox.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.longbox.library.Series;
import org.longbox.media.SeriesMetadata;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Stump's Series JSON; counts are the caller's (books they may see, and of those the unread ones). */
@Schema(name = "Series")
public record SeriesDto(String id, String name, String path, @JsonInclude(JsonInclude.Include.ALWAYS) String description,
                        String status, Instant updatedAt, Instant createdAt, String libraryId,
                        @JsonInclude(JsonInclude.Include.ALWAYS) Metadata metadata,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Integer mediaCount,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Integer unreadMediaCount, List<String> tags) {

    /** Stump's SeriesMetadata, from series.json. */
    @Schema(name = "SeriesMetadata")
    public record Metadata(String metaType, String title, String summary, String publisher, String imprint, Integer comicid,
                           Integer volume, String booktype, String ageRating, String status) {
    }

    public static SeriesDto of(Series s, boolean fullPath) {
        SeriesMetadata m = s.metadata();
        Metadata meta = m == null ? null : new Metadata(m.metaType(), m.title(), m.summary(), m.publisher(), m.imprint(),
                m.comicId(), m.volume(), m.bookType(), m.ageRating(), m.status());
        Path folder = Path.of(s.path()).getFileName();
        String path = fullPath ? s.path() : folder == null ? s.name() : folder.toString();
        return new SeriesDto(s.id(), s.name(), path, s.description(), s.status().name(), Instant.ofEpochMilli(s.updatedAt()),
                Instant.ofEpochMilli(s.createdAt()), s.libraryId(), meta, s.mediaCount(), s.unreadMediaCount(), List.of());
    }
}
