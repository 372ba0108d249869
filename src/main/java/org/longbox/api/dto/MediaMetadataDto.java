package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import org.longbox.library.MediaMetadata;

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
    public static MediaMetadataDto of(MediaMetadata m) {
        if (m.isEmpty()) {
            return null;
        }
        return new MediaMetadataDto(m.title(), m.series(), m.number(), m.volume(), m.summary(), m.notes(), m.ageRating(),
                m.ageRatingText(), m.year(), m.month(), m.day(), m.publisher(), m.language(), m.genres(), m.writers(),
                m.pencillers(), m.inkers(), m.colorists(), m.letterers(), m.coverArtists(), m.editors(), m.links(),
                m.characters(), m.teams(), m.pageCount());
    }
}
