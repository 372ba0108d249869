package org.longbox.library;

import org.longbox.server.Page;
import org.longbox.server.PageRequest;
import org.longbox.server.database.Database;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Viewer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Finding books for a viewer: lists with Stump's filters and ordering, single books, and the special lists. */
public final class MediaService {
    private static final Map<String, String> ORDER = Map.ofEntries(
            Map.entry("name", "m.sort_key"), Map.entry("size", "m.size"), Map.entry("extension", "m.extension"),
            Map.entry("updated_at", "m.updated_at"), Map.entry("status", "m.status"), Map.entry("path", "m.path"),
            Map.entry("pages", "m.pages"), Map.entry("series_id", "m.series_id"), Map.entry("created_at", "m.created_at"),
            Map.entry("modified_at", "m.file_modified_at"), Map.entry("number", "m.number"));

    /** Longer lists are paged by the database each time: holding them would cost more than it saves. */
    private static final int MAX_LIST = 20_000;
    private static final long LISTS_KEPT_NANOS = 2_000_000_000L;
    /** Ids held in all, before starting afresh. */
    private static final int MAX_IDS_HELD = 500_000;
    /** Lists held at once: many distinct searches (even empty ones) cannot grow the heap past this. */
    private static final int MAX_LISTS_HELD = 2_000;

    private final Database db;
    /**
     * The whole ordered list of ids of a book list, so that any page of it (reading apps walk long
     * series page by page, and ask for the last page early) and its total cost no pass over the list.
     * Lists that depend on reading progress are never kept: progress does not move the version.
     */
    private final ContentCache<Object, List<String>> lists;

    public MediaService(Database db, ContentVersion version) {
        this.db = db;
        this.lists = new ContentCache<>(version, LISTS_KEPT_NANOS, MAX_IDS_HELD, MAX_LISTS_HELD, List::size,
                key -> key.toString().length());
    }

    /** The filters a media list accepts (all optional). */
    public record Filter(String libraryId, String seriesId, List<String> ids, List<String> extensions, String search,
                         String readStatus, String genre, String writer, String publisher, String character,
                         Integer yearFrom, Integer yearTo, List<String> statuses, String orderBy, String direction) {
        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        public Filter withSeries(String id) {
            return new Filter(libraryId, id, ids, extensions, search, readStatus, genre, writer, publisher, character,
                    yearFrom, yearTo, statuses, orderBy, direction);
        }

        public Filter withLibrary(String id) {
            return new Filter(id, seriesId, ids, extensions, search, readStatus, genre, writer, publisher, character,
                    yearFrom, yearTo, statuses, orderBy, direction);
        }

        /** Only books that can be read (status READY): what reading apps are offered. */
        public Filter readableOnly() {
            return new Filter(libraryId, seriesId, ids, extensions, search, readStatus, genre, writer, publisher, character,
                    yearFrom, yearTo, List.of(FileStatus.READY.name()), orderBy, direction);
        }

        public Filter withSearch(String text) {
            return new Filter(libraryId, seriesId, ids, extensions, text, readStatus, genre, writer, publisher, character,
                    yearFrom, yearTo, statuses, orderBy, direction);
        }

        public Filter orderedBy(String order, String dir) {
            return new Filter(libraryId, seriesId, ids, extensions, search, readStatus, genre, writer, publisher, character,
                    yearFrom, yearTo, statuses, order, dir);
        }
    }

    public Page<Media> list(Viewer viewer, Filter f, PageRequest page) {
        MediaQuery q = query(viewer, f);
        if (page.cursorMode()) {
            if (!q.orderColumn.equals("m.sort_key") || q.descending) {
                throw ApiException.badRequest("Cursor paging follows name order; use page and page_size with order_by");
            }
            q.after = page.cursor();
            q.offset = 0;
            q.limit = page.limit() + 1;
            return Page.ofCursor(db.auto(s -> {
                MediaMapper m = s.getMapper(MediaMapper.class);
                return books(m, m.listIds(q));
            }), page, Media::id);
        }
        return db.auto(s -> {
            MediaMapper m = s.getMapper(MediaMapper.class);
            List<String> all = q.readStatus == null ? lists.get(q.listKey(), () -> allIds(m, q)) : null;
            if (all != null) {
                int from = (int) Math.min(page.offset(), all.size());
                int to = (int) Math.min((long) from + page.pageSize(), all.size());
                return new Page<>(books(m, all.subList(from, to)), all.size(), page, null);
            }
            q.offset = page.offset();
            q.limit = page.pageSize();
            return new Page<>(books(m, m.listIds(q)), m.count(q), page, null);
        });
    }

    /** Every id of the list in order, or null when it is too long to keep. */
    private static List<String> allIds(MediaMapper m, MediaQuery q) {
        if (m.count(q) > MAX_LIST) {
            return null;
        }
        q.offset = 0;
        q.limit = 0;
        return List.copyOf(m.listIds(q));
    }

    /** The first {@code n} books of the list, without counting the rest. */
    public List<Media> first(Viewer viewer, Filter f, int n) {
        MediaQuery q = query(viewer, f);
        q.offset = 0;
        q.limit = n;
        return db.auto(s -> {
            MediaMapper m = s.getMapper(MediaMapper.class);
            return books(m, m.listIds(q));
        });
    }

    /** These books, in the ids' order. */
    private static List<Media> books(MediaMapper m, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, MediaRow> byId = new HashMap<>();
        for (MediaRow row : m.findByIds(ids)) {
            byId.put(row.id, row);
        }
        List<Media> books = new ArrayList<>(ids.size());
        for (String id : ids) {
            MediaRow row = byId.get(id);
            if (row != null) { // deleted between the two reads
                books.add(row.toMedia());
            }
        }
        return books;
    }

    public long count(Viewer viewer, Filter f) {
        MediaQuery q = query(viewer, f);
        return db.auto(s -> s.getMapper(MediaMapper.class).count(q));
    }

    /** Counts for a library (or all libraries when {@code libraryId} is null) as the viewer sees them. */
    public record Stats(long seriesCount, long bookCount, long totalBytes, long completedBooks, long inProgressBooks) {
    }

    public Stats stats(Viewer viewer, String libraryId, boolean everyone) {
        MediaQuery all = query(viewer, Filter.none().withLibrary(libraryId));
        MediaQuery completed = query(viewer, Filter.none().withLibrary(libraryId));
        completed.readStatus = "completed";
        completed.everyonesProgress = everyone;
        MediaQuery reading = query(viewer, Filter.none().withLibrary(libraryId));
        reading.readStatus = "reading";
        reading.everyonesProgress = everyone;
        SeriesQuery series = new SeriesQuery();
        series.v = viewer;
        series.libraryId = libraryId;
        return db.auto(s -> {
            MediaMapper m = s.getMapper(MediaMapper.class);
            return new Stats(s.getMapper(SeriesMapper.class).count(series), m.count(all), m.totalBytes(all), m.count(completed),
                    m.count(reading));
        });
    }

    /** The book when the viewer may see it; 404 otherwise (never 403: a hidden book does not exist for them). */
    public Media get(Viewer viewer, String id) {
        return find(viewer, id).orElseThrow(() -> ApiException.notFound("No book with id " + id));
    }

    /** The book when the viewer may see it and it can be read (READY); 404 otherwise, saying why. */
    public Media getReadable(Viewer viewer, String id) {
        Media m = get(viewer, id);
        if (!m.readable()) {
            throw ApiException.notFound("The book cannot be read (" + m.status() + ")");
        }
        return m;
    }

    /** The book when the viewer may see it; empty otherwise. */
    public Optional<Media> find(Viewer viewer, String id) {
        return Optional.ofNullable(db.auto(s -> s.getMapper(MediaMapper.class).findVisible(id, viewer))).map(MediaRow::toMedia);
    }

    /** The book at this absolute path when the viewer may see it; 404 otherwise. */
    public Media byPath(Viewer viewer, String path) {
        MediaRow row = db.auto(s -> s.getMapper(MediaMapper.class).findVisibleByPath(path, viewer));
        if (row == null) {
            throw ApiException.notFound("No book at that path");
        }
        return row.toMedia();
    }

    public Page<Media> keepReading(Viewer viewer, PageRequest page) {
        return keepReading(viewer, page, false);
    }

    /** The books the viewer has started, last read first; {@code readableOnly}: only READY ones. */
    public Page<Media> keepReading(Viewer viewer, PageRequest page, boolean readableOnly) {
        requirePages(page);
        return db.auto(s -> {
            MediaMapper m = s.getMapper(MediaMapper.class);
            return new Page<>(m.keepReading(viewer, readableOnly, page.offset(), page.pageSize()),
                    m.countKeepReading(viewer, readableOnly), page, null);
        }).map(MediaRow::toMedia);
    }

    public Page<Media> duplicates(Viewer viewer, PageRequest page) {
        requirePages(page);
        return db.auto(s -> {
            MediaMapper m = s.getMapper(MediaMapper.class);
            return new Page<>(m.duplicates(viewer, page.offset(), page.pageSize()), m.countDuplicates(viewer), page, null);
        }).map(MediaRow::toMedia);
    }

    /** Every readable book of a library, for library-wide jobs: only ids, path, size and times are filled in. */
    List<Media> readyBooks(String libraryId) {
        return db.auto(s -> s.getMapper(MediaMapper.class).scanState(libraryId)).stream()
                .filter(m -> m.status == FileStatus.READY).map(MediaRow::toMedia).toList();
    }

    /** The first book of the series the viewer has not finished, or null. */
    public Media nextInSeries(Viewer viewer, String seriesId) {
        MediaRow row = db.auto(s -> s.getMapper(MediaMapper.class).nextInSeries(seriesId, viewer));
        return row == null ? null : row.toMedia();
    }

    private static void requirePages(PageRequest page) {
        if (page.cursorMode()) {
            throw ApiException.badRequest("This list is paged by page and page_size, not by cursor");
        }
    }

    private static MediaQuery query(Viewer viewer, Filter f) {
        MediaQuery q = new MediaQuery();
        q.v = viewer;
        q.libraryId = f.libraryId();
        q.seriesId = f.seriesId();
        q.ids = f.ids();
        q.extensions = f.extensions() == null ? null : f.extensions().stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
        q.search = Filters.contains(f.search());
        if (f.readStatus() != null) {
            String rs = f.readStatus().trim().toLowerCase(Locale.ROOT);
            if (!rs.equals("unread") && !rs.equals("reading") && !rs.equals("completed")) {
                throw ApiException.badRequest("read_status must be unread, reading or completed");
            }
            q.readStatus = rs;
        }
        q.genre = Filters.listEntry(f.genre());
        q.writer = Filters.listEntry(f.writer());
        q.character = Filters.listEntry(f.character());
        q.publisher = f.publisher() == null || f.publisher().isBlank() ? null : f.publisher().trim().toLowerCase(Locale.ROOT);
        q.yearFrom = f.yearFrom();
        q.yearTo = f.yearTo();
        if (f.statuses() != null) {
            for (String st : f.statuses()) {
                try {
                    FileStatus.valueOf(st.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("status '" + st + "' is not one of READY, ERROR, MISSING, UNSUPPORTED, UNKNOWN");
                }
            }
            q.statuses = f.statuses().stream().map(st -> st.toUpperCase(Locale.ROOT)).toList();
        }
        q.orderColumn = Filters.orderColumn(f.orderBy(), ORDER, "m.sort_key");
        q.descending = Filters.descending(f.direction());
        return q;
    }
}
