package org.longbox.library;

import org.longbox.media.BookFormat;

import java.util.List;

/**
 * A row of {@code media}: one book file, its scan outcome and its metadata. List-valued metadata
 * (writers, genres, ...) is stored joined with line feeds.
 */
public class MediaRow {
    public String id;
    public String seriesId;
    public String libraryId;
    public String name;
    public String nameKey;
    public String sortKey;
    public String path;
    public long size;
    public String extension;
    /** The format the scan found the content to be ({@link org.longbox.media.BookFormat} name); null when unknown. */
    public String contentFormat;
    public int pages;
    /** False for text EPUBs: their pages cannot be served or streamed as images. */
    public boolean pagesAreImages = true;
    /** One letter per page, see {@link PageTypes}; null when unknown. */
    public String pageTypes;
    /** Set by the scan for writing to {@code media_page_dimensions}; not read back with the row. */
    public transient String scannedDimensions;
    public FileStatus status;
    public String errorReason;
    public String hash;
    public String koreaderHash;
    public long fileModifiedAt;
    public long createdAt;
    public long updatedAt;
    public String title;
    public String seriesName;
    public Double number;
    public Integer volume;
    public String summary;
    public String notes;
    public String ageRatingText;
    public Integer ageRating;
    public Integer releaseYear;
    public Integer releaseMonth;
    public Integer releaseDay;
    public String publisher;
    public String language;
    public String writers;
    public String pencillers;
    public String inkers;
    public String colorists;
    public String letterers;
    public String coverArtists;
    public String editors;
    public String genres;
    public String characters;
    public String teams;
    public String links;
    public Integer pageCount;

    public Media toMedia() {
        return new Media(id, seriesId, libraryId, name, path, size, extension, contentFormat(), pages, pagesAreImages, pageTypes,
                status, errorReason, hash, koreaderHash, fileModifiedAt, createdAt, updatedAt, metadata());
    }

    private BookFormat contentFormat() {
        if (contentFormat == null) {
            return null;
        }
        try {
            return BookFormat.valueOf(contentFormat);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private MediaMetadata metadata() {
        if (!hasMetadata()) {
            return MediaMetadata.NONE;
        }
        return new MediaMetadata(title, seriesName, number, volume, summary, notes, ageRating, ageRatingText, releaseYear,
                releaseMonth, releaseDay, publisher, language, split(genres), split(writers), split(pencillers),
                split(inkers), split(colorists), split(letterers), split(coverArtists), split(editors), split(links),
                split(characters), split(teams), pageCount);
    }

    /** A list stored joined with line feeds. */
    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }

    /** True when the book carried any metadata of its own. */
    boolean hasMetadata() {
        return title != null || seriesName != null || number != null || volume != null || summary != null || notes != null
                || ageRatingText != null || releaseYear != null || publisher != null || language != null || writers != null
                || pencillers != null || inkers != null || colorists != null || letterers != null || coverArtists != null
                || editors != null || genres != null || characters != null || teams != null || links != null
                || pageCount != null;
    }
}
