package org.longbox.library;

import java.util.ArrayList;
import java.util.List;

/** What a library holds, by id: the ids its own, its series' and its books' thumbnails are stored under. */
public record LibraryContents(String libraryId, List<String> seriesIds, List<String> mediaIds) {
    public LibraryContents {
        seriesIds = List.copyOf(seriesIds);
        mediaIds = List.copyOf(mediaIds);
    }

    /** The library's id, then its series', then its books'. */
    public List<String> allIds() {
        List<String> all = new ArrayList<>(1 + seriesIds.size() + mediaIds.size());
        all.add(libraryId);
        all.addAll(seriesIds);
        all.addAll(mediaIds);
        return all;
    }
}
