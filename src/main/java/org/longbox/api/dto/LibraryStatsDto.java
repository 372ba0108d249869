package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import org.longbox.library.MediaService;

@Schema(name = "LibraryStats")
public record LibraryStatsDto(long seriesCount, long bookCount, long totalBytes, long completedBooks, long inProgressBooks) {
    public static LibraryStatsDto of(MediaService.Stats s) {
        return new LibraryStatsDto(s.seriesCount(), s.bookCount(), s.totalBytes(), s.completedBooks(), s.inProgressBooks());
    }
}
