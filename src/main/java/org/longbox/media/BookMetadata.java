package org.longbox.media;

import java.util.List;

/**
 * What a book says about itself: ComicInfo.xml for comics, the OPF for EPUBs. Every field may be
 * null (lists empty) when the book does not say. Strings are trimmed; lists come from
 * comma-separated ComicInfo values or repeated OPF elements.
 */
public record BookMetadata(
        String title,
        String series,
        Double number,
        Integer volume,
        String summary,
        String notes,
        String ageRating,
        Integer year,
        Integer month,
        Integer day,
        String publisher,
        String language,
        List<String> writers,
        List<String> pencillers,
        List<String> inkers,
        List<String> colorists,
        List<String> letterers,
        List<String> coverArtists,
        List<String> editors,
        List<String> genres,
        List<String> characters,
        List<String> teams,
        List<String> links,
        Integer pageCount) {

    public static final BookMetadata EMPTY = new BookMetadata(null, null, null, null, null, null, null, null, null, null,
            null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), null);
}
