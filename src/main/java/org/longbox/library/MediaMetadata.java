package org.longbox.library;

import java.util.List;

/**
 * What a book says about itself (ComicInfo.xml, the EPUB OPF), as stored by its scan: Stump's
 * MediaMetadata. Fields are null and lists empty where the book says nothing; {@link #NONE} when it
 * says nothing at all.
 *
 * @param ageRating     the numeric age rating worked out from {@code ageRatingText}, used by age restrictions
 * @param ageRatingText the rating as the book gives it ("Teen", "M", "16+")
 */
public record MediaMetadata(String title, String series, Double number, Integer volume, String summary, String notes,
                            Integer ageRating, String ageRatingText, Integer year, Integer month, Integer day,
                            String publisher, String language, List<String> genres, List<String> writers,
                            List<String> pencillers, List<String> inkers, List<String> colorists, List<String> letterers,
                            List<String> coverArtists, List<String> editors, List<String> links, List<String> characters,
                            List<String> teams, Integer pageCount) {

    public static final MediaMetadata NONE = new MediaMetadata(null, null, null, null, null, null, null, null, null, null,
            null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), null);

    /** True when the book said nothing about itself. */
    public boolean isEmpty() {
        return this == NONE;
    }
}
