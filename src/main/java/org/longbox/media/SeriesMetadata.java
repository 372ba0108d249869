package org.longbox.media;

/**
 * A series' own description, from a Mylar-style {@code series.json} in its folder
 * ({@code {"metadata": {"type", "name", "description_text", "publisher", "imprint", "comicid",
 * "volume", "booktype", "age_rating", "status", ...}}}). Fields may be null.
 */
public record SeriesMetadata(
        String metaType,
        String title,
        String summary,
        String publisher,
        String imprint,
        Integer comicId,
        Integer volume,
        String bookType,
        String ageRating,
        String status) {
}
