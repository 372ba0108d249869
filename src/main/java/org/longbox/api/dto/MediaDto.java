package org.longbox.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.longbox.library.Media;
import org.longbox.reading.ProgressService;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Stump's Media JSON, with the caller's reading progress. {@code path} is the absolute path for
 * those who manage libraries and the file name for everyone else.
 */
@Schema(name = "Media")
public record MediaDto(String id, String name, long size, String extension, int pages, Instant updatedAt,
                       Instant createdAt, Instant modifiedAt, @JsonInclude(JsonInclude.Include.ALWAYS) String hash,
                       @JsonInclude(JsonInclude.Include.ALWAYS) String koreaderHash, String path, String status,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String errorReason, String seriesId, String libraryId,
                       @JsonInclude(JsonInclude.Include.ALWAYS) MediaMetadataDto metadata,
                       @JsonInclude(JsonInclude.Include.NON_NULL) SeriesDto series,
                       @JsonInclude(JsonInclude.Include.ALWAYS) ReadingSessionDto activeReadingSession,
                       List<FinishedSessionDto> finishedReadingSessions,
                       @JsonInclude(JsonInclude.Include.ALWAYS) Integer currentPage,
                       @JsonInclude(JsonInclude.Include.ALWAYS) String currentEpubcfi,
                       boolean isCompleted, List<String> tags) {

    public static MediaDto of(Media m, ProgressService.Progress p, boolean fullPath, SeriesDto series) {
        ProgressService.Progress progress = p == null ? ProgressService.Progress.NONE : p;
        return new MediaDto(m.id(), m.name(), m.size(), m.extension(), m.pages(), Instant.ofEpochMilli(m.updatedAt()),
                Instant.ofEpochMilli(m.createdAt()), Instant.ofEpochMilli(m.fileModifiedAt()), m.hash(), m.koreaderHash(),
                fullPath ? m.path() : Path.of(m.path()).getFileName().toString(), m.status().name(), m.errorReason(),
                m.seriesId(), m.libraryId(), MediaMetadataDto.of(m.metadata()), series, ReadingSessionDto.of(progress.active()),
                progress.finished().stream().map(FinishedSessionDto::of).toList(),
                progress.active() == null ? null : progress.active().page(),
                progress.active() == null ? null : progress.active().epubcfi(),
                progress.completed(), List.of());
    }
}
