package org.longbox.api;

import org.longbox.api.dto.MediaDto;
import org.longbox.api.dto.Pageable;
import org.longbox.api.dto.SeriesDto;
import org.longbox.library.Media;
import org.longbox.library.Series;
import org.longbox.reading.ProgressService;
import org.longbox.server.Page;
import org.longbox.user.Caller;
import org.longbox.user.Permission;

import java.util.List;
import java.util.Map;

/** Books and series as JSON for one caller: their reading progress attached, paths as they may see them. */
public final class MediaViews {
    private final ProgressService progress;

    public MediaViews(ProgressService progress) {
        this.progress = progress;
    }

    /** Absolute paths are for those who manage libraries; everyone else sees file and folder names. */
    static boolean fullPaths(Caller caller) {
        return caller.has(Permission.LIBRARY_MANAGE);
    }

    Pageable<MediaDto> page(Caller caller, Page<Media> page) {
        Map<String, ProgressService.Progress> p = progress.forMedia(caller.userId(), page.items().stream().map(Media::id).toList());
        boolean full = fullPaths(caller);
        return Pageable.of(page.map(m -> MediaDto.of(m, p.get(m.id()), full, null)));
    }

    MediaDto one(Caller caller, Media m, Series series) {
        Map<String, ProgressService.Progress> p = progress.forMedia(caller.userId(), List.of(m.id()));
        boolean full = fullPaths(caller);
        return MediaDto.of(m, p.get(m.id()), full, series == null ? null : SeriesDto.of(series, full));
    }

    static Pageable<SeriesDto> series(Caller caller, Page<Series> page) {
        boolean full = fullPaths(caller);
        return Pageable.of(page.map(s -> SeriesDto.of(s, full)));
    }
}
