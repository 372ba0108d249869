package org.longbox.library;

import org.longbox.media.SeriesMetadata;

/**
 * A series as the rest of the server sees one: a folder of books (or, in a collection-based
 * library, a top-level folder), with what its {@code series.json} says.
 *
 * @param metadata         from series.json; null when it said nothing
 * @param ageRating        the numeric age rating from series.json, used by age restrictions; null when none
 * @param mediaCount       books in the series the viewer may see, when the query counted them (else null)
 * @param unreadMediaCount of those, the ones the viewer has neither started nor finished (else null)
 */
public record Series(String id, String libraryId, String name, String path, String description, FileStatus status,
                     long createdAt, long updatedAt, SeriesMetadata metadata, Integer ageRating, Integer mediaCount,
                     Integer unreadMediaCount) {

    /** The title series.json gives, else the folder's name. */
    public String title() {
        return metadata != null && metadata.title() != null ? metadata.title() : name;
    }
}
