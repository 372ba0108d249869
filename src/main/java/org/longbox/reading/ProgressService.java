package org.longbox.reading;

import org.apache.ibatis.exceptions.PersistenceException;
import org.longbox.library.Media;
import org.longbox.library.MediaService;
import org.longbox.server.database.Database;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Viewer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Per-user reading progress. A book being read has one active session; reaching its last page (or
 * 100 % of an EPUB) turns it into a finished reading, keeping when it was started. Every change is
 * committed before the answer goes out, so an acknowledged write survives a crash.
 */
public final class ProgressService {
    /** The width of {@code reading_sessions.device_id}. */
    private static final int MAX_DEVICE_ID = 255;

    private final Database db;
    private final MediaService media;
    private final Clock clock;

    public ProgressService(Database db, MediaService media, Clock clock) {
        this.db = db;
        this.media = media;
        this.clock = clock;
    }

    /** A progress report: a page (1-based), or an EPUB position and share read, or both. */
    public record Update(Integer page, String epubcfi, Double percentage, Long elapsedSeconds, String deviceId) {
    }

    /** The user's progress on one book, for decorating book JSON. */
    public record Progress(ReadingSession active, List<FinishedReading> finished) {
        public static final Progress NONE = new Progress(null, List.of());

        /** Finished, and not started again since (re-reading a book makes it not completed until its end). */
        public boolean completed() {
            return !finished.isEmpty() && (active == null || active.startedAt() <= finished.get(0).completedAt());
        }
    }

    public record Completion(boolean completed, Long lastCompletedAt) {
    }

    /** The result of an update: the active session, or (when the book was finished) the finished reading. */
    public record Outcome(ReadingSession active, FinishedReading finished) {
    }

    public Map<String, Progress> forMedia(String userId, List<String> mediaIds) {
        Map<String, Progress> out = new HashMap<>();
        if (mediaIds.isEmpty()) {
            return out;
        }
        db.auto(s -> {
            ReadingMapper m = s.getMapper(ReadingMapper.class);
            Map<String, ReadingSession> active = new HashMap<>();
            m.activeFor(userId, mediaIds).forEach(a -> active.put(a.mediaId, a.toSession()));
            Map<String, List<FinishedReading>> finished = new HashMap<>();
            m.finishedFor(userId, mediaIds).forEach(f -> finished.computeIfAbsent(f.mediaId, k -> new ArrayList<>())
                    .add(f.toReading()));
            for (String id : mediaIds) {
                out.put(id, new Progress(active.get(id), finished.getOrDefault(id, List.of())));
            }
            return null;
        });
        return out;
    }

    public Outcome update(Viewer viewer, String mediaId, Update u) {
        return update(viewer.userId(), visible(viewer, mediaId), u);
    }

    private Outcome update(String userId, Media book, Update u) {
        check(book, u);
        boolean done = (u.page() != null && book.pages() > 0 && u.page() == book.pages() && !book.isEpub())
                || (u.percentage() != null && u.percentage() >= 1.0);
        return save(userId, book.id(), u, done);
    }

    /**
     * Stump's EPUB progress report ({@code PUT /epub/{id}/progress}): recorded as {@link #update} records
     * the same fields, and {@code complete} finishes the book as {@link #finish} does. Both fields are
     * required; a book that is not an EPUB is 400.
     */
    public Outcome updateEpub(Viewer viewer, String mediaId, String epubcfi, Double percentage, boolean complete) {
        Media book = visible(viewer, mediaId);
        if (!book.isEpub()) {
            throw ApiException.badRequest("The book is not an EPUB; report its progress with PUT /api/v1/media/{id}/progress");
        }
        if (epubcfi == null || percentage == null) {
            throw ApiException.badRequest("epubcfi and percentage are required");
        }
        Update u = new Update(null, epubcfi, percentage, null, null);
        if (!complete) {
            return update(viewer.userId(), book, u);
        }
        check(book, u); // before anything is written, also when the book is being finished
        return finish(viewer.userId(), book.id());
    }

    /** 400 unless the report names a page of the book, or an EPUB CFI and a share read between 0 and 1. */
    private static void check(Media book, Update u) {
        if (u.page() == null && u.epubcfi() == null && u.percentage() == null) {
            throw ApiException.badRequest("Send a page, or an epubcfi and percentage");
        }
        if (u.page() != null && (u.page() < 1 || (book.pages() > 0 && u.page() > book.pages()))) {
            throw ApiException.badRequest("page must be between 1 and " + book.pages());
        }
        if (u.percentage() != null && (u.percentage() < 0 || u.percentage() > 1 || u.percentage().isNaN())) {
            throw ApiException.badRequest("percentage must be between 0 and 1");
        }
        if (u.epubcfi() != null && (u.epubcfi().length() > 1024 || !u.epubcfi().startsWith("epubcfi("))) {
            throw ApiException.badRequest("epubcfi must be an EPUB CFI, e.g. epubcfi(/6/4!/4/2)");
        }
        if (u.deviceId() != null && u.deviceId().length() > MAX_DEVICE_ID) {
            throw ApiException.badRequest("device_id may be at most " + MAX_DEVICE_ID + " characters");
        }
        if (u.elapsedSeconds() != null && u.elapsedSeconds() < 0) {
            throw ApiException.badRequest("elapsed_seconds must not be negative");
        }
    }

    private Outcome save(String userId, String mediaId, Update u, boolean finish) {
        long now = clock.millis();
        try {
            return db.tx(s -> {
                ReadingMapper m = s.getMapper(ReadingMapper.class);
                ActiveSessionRow active = m.findActive(userId, mediaId);
                if (finish) {
                    FinishedSessionRow f = new FinishedSessionRow();
                    f.id = UUID.randomUUID().toString();
                    f.userId = userId;
                    f.mediaId = mediaId;
                    f.startedAt = active == null ? now : active.startedAt;
                    f.completedAt = now;
                    f.elapsedSeconds = u.elapsedSeconds() != null ? u.elapsedSeconds() : active == null ? null : active.elapsedSeconds;
                    m.deleteActive(userId, mediaId);
                    m.insertFinished(f);
                    return new Outcome(null, f.toReading());
                }
                boolean fresh = active == null;
                if (fresh) {
                    active = new ActiveSessionRow();
                    active.id = UUID.randomUUID().toString();
                    active.userId = userId;
                    active.mediaId = mediaId;
                    active.startedAt = now;
                }
                if (u.page() != null) active.page = u.page();
                if (u.epubcfi() != null) active.epubcfi = u.epubcfi();
                if (u.percentage() != null) active.percentageCompleted = u.percentage();
                if (u.elapsedSeconds() != null) active.elapsedSeconds = u.elapsedSeconds();
                if (u.deviceId() != null) active.deviceId = u.deviceId();
                active.updatedAt = now;
                if (fresh) {
                    m.insertActive(active);
                } else {
                    m.updateActive(active);
                }
                return new Outcome(active.toSession(), null);
            });
        } catch (PersistenceException e) {
            // Two devices started the same book at the same moment: the other insert won; update it.
            if (Database.isUniqueViolation(e)) {
                return save(userId, mediaId, u, finish);
            }
            throw e;
        }
    }

    /** The viewer's place in the book; null when they are not reading it. */
    public ReadingSession active(Viewer viewer, String mediaId) {
        visible(viewer, mediaId);
        ActiveSessionRow row = db.auto(s -> s.getMapper(ReadingMapper.class).findActive(viewer.userId(), mediaId));
        return row == null ? null : row.toSession();
    }

    public void clear(Viewer viewer, String mediaId) {
        visible(viewer, mediaId);
        db.auto(s -> s.getMapper(ReadingMapper.class).deleteActive(viewer.userId(), mediaId));
    }

    public Completion completion(Viewer viewer, String mediaId) {
        visible(viewer, mediaId);
        return completion(viewer.userId(), mediaId);
    }

    private Completion completion(String userId, String mediaId) {
        Progress p = forMedia(userId, List.of(mediaId)).get(mediaId);
        return new Completion(p.completed(), p.finished().isEmpty() ? null : p.finished().get(0).completedAt());
    }

    /** Finishes the book. */
    public Outcome finish(Viewer viewer, String mediaId) {
        return finish(viewer.userId(), visible(viewer, mediaId).id());
    }

    private Outcome finish(String userId, String mediaId) {
        return save(userId, mediaId, new Update(null, null, null, null, null), true);
    }

    /**
     * Marks the book finished, or (not complete) puts the reader back at {@code page}, by default
     * the last page of a comic or the start of an EPUB; answers whether it is now finished.
     */
    public Completion setComplete(Viewer viewer, String mediaId, boolean complete, Integer page) {
        Media book = visible(viewer, mediaId);
        if (complete) {
            finish(viewer.userId(), book.id());
        } else {
            boolean epub = book.isEpub();
            int at = page != null ? page : epub ? 1 : Math.max(1, book.pages());
            if (at < 1 || (book.pages() > 0 && at > book.pages())) {
                throw ApiException.badRequest("page must be between 1 and " + book.pages());
            }
            save(viewer.userId(), book.id(), new Update(at, null, epub ? 0.0 : null, null, null), false);
        }
        return completion(viewer.userId(), book.id());
    }

    /** The book when the viewer may see it; 404 otherwise. */
    private Media visible(Viewer viewer, String mediaId) {
        return media.get(viewer, mediaId);
    }

}
