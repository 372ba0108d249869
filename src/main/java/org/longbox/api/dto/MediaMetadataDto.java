package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import org.longbox.library.MediaRow;

import java.util.Arrays;
import java.util.List;

/** Stump's MediaMetadata, from ComicInfo.xml or the EPUB OPF. */
@Schema(name = "MediaMetadata")
public record MediaMetadataDto(String title, String series, Double number, Integer volume, String summary, String notes,
                               Integer ageRating, String ageRatingText, Integer year, Integer month, Integer day,
                               String publisher, String language, List<String> genre, List<String> writers,
                               List<String> pencillers, List<String> inkers, List<String> colorists,
                               List<String> letterers, List<String> coverArtists, List<String> editors,
                               List<String> links, List<String> characters, List<String> teams, Integer pageCount) {

    /** The book's metadata, or null when it had none. */
    public static MediaMetadataDto of(MediaRow m) {
        if (!m.hasMetadata()) {
            return null;
        }
        return new MediaMetadataDto(m.title, m.seriesName, m.number, m.volume, m.summary, m.notes, m.ageRating,
                m.ageRatingText, m.releaseYear, m.releaseMonth, m.releaseDay, m.publisher, m.language, split(m.genres),
                split(m.writers), split(m.pencillers), split(m.inkers), split(m.colorists), split(m.letterers),
                split(m.coverArtists), split(m.editors), split(m.links), split(m.characters), split(m.teams), m.pageCount);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }
}
