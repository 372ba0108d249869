package org.longbox.library;

import org.longbox.media.SeriesMetadata;

/** A row of {@code series}, with the counts some queries add. */
public class SeriesRow {
    public String id;
    public String libraryId;
    public String name;
    public String nameKey;
    public String path;
    public String description;
    public FileStatus status;
    public long createdAt;
    public long updatedAt;
    public String metaType;
    public String metaTitle;
    public String metaSummary;
    public String metaPublisher;
    public String metaImprint;
    public Integer metaComicid;
    public Integer metaVolume;
    public String metaBooktype;
    public String metaAgeRating;
    public String metaStatus;
    /** The numeric age rating (from series.json), used by age restrictions. */
    public Integer ageRating;
    /** Books in the series the viewer may see (filled by listing queries that ask for it). */
    public Integer mediaCount;
    /** Of those, the ones the viewer has neither started nor finished. */
    public Integer unreadMediaCount;

    public Series toSeries() {
        SeriesMetadata meta = hasMetadata() ? new SeriesMetadata(metaType, metaTitle, metaSummary, metaPublisher, metaImprint,
                metaComicid, metaVolume, metaBooktype, metaAgeRating, metaStatus) : null;
        return new Series(id, libraryId, name, path, description, status, createdAt, updatedAt, meta,
                ageRating, mediaCount, unreadMediaCount);
    }

    /** True when series.json said anything about the series. */
    boolean hasMetadata() {
        return metaType != null || metaTitle != null || metaSummary != null || metaPublisher != null
                || metaImprint != null || metaComicid != null || metaVolume != null || metaBooktype != null
                || metaAgeRating != null || metaStatus != null;
    }
}
