package org.longbox.library;

import org.longbox.server.Page;
import org.longbox.server.PageRequest;
import org.longbox.server.database.Database;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Viewer;

import java.util.List;
import java.util.Map;

/** Finding series for a viewer. */
public final class SeriesService {
    private static final Map<String, String> ORDER = Map.of(
            "name", "s.name_key", "description", "s.description", "updated_at", "s.updated_at",
            "created_at", "s.created_at", "path", "s.path", "status", "s.status", "library_id", "s.library_id");

    private final Database db;

    public SeriesService(Database db) {
        this.db = db;
    }

    /** @param readableOnly only series holding a READY book the viewer may see (what reading apps can open) */
    public record Filter(String libraryId, List<String> ids, String search, String orderBy, String direction, boolean counts,
                         boolean readableOnly) {
        public Filter(String libraryId, List<String> ids, String search, String orderBy, String direction, boolean counts) {
            this(libraryId, ids, search, orderBy, direction, counts, false);
        }

        public Filter withReadableBooksOnly() {
            return new Filter(libraryId, ids, search, orderBy, direction, counts, true);
        }
    }

    public Page<Series> list(Viewer viewer, Filter f, PageRequest page) {
        SeriesQuery q = new SeriesQuery();
        q.v = viewer;
        q.libraryId = f.libraryId();
        q.ids = f.ids();
        q.search = Filters.contains(f.search());
        q.orderColumn = Filters.orderColumn(f.orderBy(), ORDER, "s.name_key");
        q.descending = Filters.descending(f.direction());
        q.withCounts = f.counts();
        q.readableOnly = f.readableOnly();
        if (page.cursorMode()) {
            if (!q.orderColumn.equals("s.name_key") || q.descending) {
                throw ApiException.badRequest("Cursor paging follows name order; use page and page_size with order_by");
            }
            q.after = page.cursor();
            q.limit = page.limit() + 1;
            return Page.ofCursor(db.auto(s -> s.getMapper(SeriesMapper.class).list(q)), page, r -> r.id).map(SeriesRow::toSeries);
        }
        q.offset = page.offset();
        q.limit = page.pageSize();
        return db.auto(s -> {
            SeriesMapper m = s.getMapper(SeriesMapper.class);
            return new Page<>(m.list(q), m.count(q), page, null);
        }).map(SeriesRow::toSeries);
    }

    /** The series with the viewer's book counts; 404 when they may not see it. */
    public Series get(Viewer viewer, String id) {
        return find(viewer, id, true);
    }

    /** The series without book counts (which cost a pass over its books); 404 when the viewer may not see it. */
    public Series find(Viewer viewer, String id) {
        return find(viewer, id, false);
    }

    private Series find(Viewer viewer, String id, boolean withCounts) {
        SeriesRow row = db.auto(s -> s.getMapper(SeriesMapper.class).findVisible(id, viewer, withCounts));
        if (row == null) {
            throw ApiException.notFound("No series with id " + id);
        }
        return row.toSeries();
    }
}
