package org.longbox.library;

import org.apache.ibatis.exceptions.PersistenceException;
import org.longbox.server.Page;
import org.longbox.server.PageRequest;
import org.longbox.server.database.Database;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Caller;
import org.longbox.user.User;
import org.longbox.user.UserService;
import org.longbox.user.Viewer;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Creating, changing and removing libraries. A library is an existing, readable, absolute
 * directory inside the library roots (when set) that neither contains nor sits inside another library. Deleting one removes its
 * series, books, progress and thumbnails from Longbox, never the files on disk.
 */
public final class LibraryService {
    /** The width of {@code libraries.ignore_rules}, which holds the rules as one JSON list. */
    private static final int MAX_IGNORE_RULES = 4000;

    private final Database db;
    private final Clock clock;
    private final UserService users;
    private final ContentVersion version;
    private final LibraryRoots roots;
    private final List<LibraryListener> listeners = new CopyOnWriteArrayList<>();

    public LibraryService(Database db, UserService users, ContentVersion version, LibraryRoots roots, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.users = users;
        this.version = version;
        this.roots = roots;
    }

    public void addListener(LibraryListener listener) {
        listeners.add(listener);
    }

    /** What a create or update asks for. */
    public record Spec(String name, String path, String description, String emoji, LibraryConfig config) {
    }

    public Library create(Spec spec, boolean scanNow) {
        LibraryRow row = new LibraryRow();
        row.id = UUID.randomUUID().toString();
        apply(row, spec, null);
        row.status = FileStatus.READY;
        row.createdAt = clock.millis();
        row.updatedAt = row.createdAt;
        synchronized (this) {
            checkPathIsFree(Path.of(row.path), null);
            insertOrConflict(() -> db.txVoid(s -> s.getMapper(LibraryMapper.class).insert(row)), row.name);
        }
        Library created = row.toLibrary();
        listeners.forEach(l -> l.created(created, scanNow));
        return created;
    }

    public Library update(Viewer viewer, String id, Spec spec) {
        LibraryRow row = find(viewer, id);
        apply(row, spec, row);
        row.updatedAt = clock.millis();
        synchronized (this) {
            checkPathIsFree(Path.of(row.path), id);
            insertOrConflict(() -> db.txVoid(s -> s.getMapper(LibraryMapper.class).update(row)), row.name);
        }
        version.bump();
        Library updated = row.toLibrary();
        listeners.forEach(l -> l.updated(updated));
        return updated;
    }

    public Library get(Viewer viewer, String id) {
        return find(viewer, id).toLibrary();
    }

    public Page<Library> list(Viewer viewer, PageRequest page) {
        if (page.cursorMode()) {
            throw ApiException.badRequest("Libraries are paged by page and page_size, not by cursor");
        }
        return db.auto(s -> {
            LibraryMapper m = s.getMapper(LibraryMapper.class);
            List<Library> items = m.listVisible(viewer, page.offset(), page.pageSize()).stream().map(LibraryRow::toLibrary).toList();
            return new Page<>(items, m.countVisible(viewer), page, null);
        });
    }

    /** Every library, for the scanner and watchers. */
    public List<Library> all() {
        return db.auto(s -> s.getMapper(LibraryMapper.class).listAll()).stream().map(LibraryRow::toLibrary).toList();
    }

    /** Returns the deleted library's id. */
    public String delete(Viewer viewer, String id) {
        find(viewer, id);
        LibraryContents held = contents(id);
        db.txVoid(s -> s.getMapper(LibraryMapper.class).delete(id));
        version.bump();
        listeners.forEach(l -> l.deleted(held));
        return id;
    }

    /** The users the library is hidden from (deleted ones left out). */
    public List<User> hiddenFrom(Viewer viewer, String id) {
        find(viewer, id);
        return db.auto(s -> s.getMapper(LibraryMapper.class).hiddenFrom(id)).stream()
                .map(users::active).flatMap(Optional::stream).toList();
    }

    /** Replaces the set of users the library is hidden from. The owner cannot be hidden from anything. */
    public List<User> hideFrom(Caller caller, String id, List<String> userIds) {
        Viewer viewer = Viewer.of(caller);
        find(viewer, id);
        if (userIds == null) {
            throw ApiException.badRequest("user_ids is required");
        }
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(userIds));
        db.txVoid(s -> {
            LibraryMapper m = s.getMapper(LibraryMapper.class);
            m.unhideAll(id);
            for (String userId : unique) {
                User u = userId == null ? null : users.active(userId).orElse(null);
                if (u == null) {
                    throw ApiException.badRequest("No user with id " + userId);
                }
                if (u.serverOwner()) {
                    throw ApiException.badRequest("A library cannot be hidden from the server owner");
                }
                m.hide(id, userId);
            }
        });
        version.bump();
        return hiddenFrom(viewer, id);
    }

    /** What cleaning a library removed; {@code removedIds} are the removed books' and series' ids. */
    public record Cleaned(int deletedMedia, int deletedSeries, boolean isEmpty, List<String> removedIds) {
    }

    /**
     * Removes the library's MISSING books whose files are still gone (one that came back waits for
     * the next scan, with its reading progress) and the series left without books. It holds the
     * library's lock (as each write of a scan does), so a scan running meanwhile never loses a
     * series or book to it: a scan's write re-adds what a clean just removed.
     */
    public Cleaned clean(Viewer viewer, String id) {
        find(viewer, id);
        Cleaned cleaned = db.tx(s -> {
            if (s.getMapper(LibraryMapper.class).lock(id) == 0) {
                throw ApiException.notFound("No library with id " + id);
            }
            MediaMapper media = s.getMapper(MediaMapper.class);
            SeriesMapper series = s.getMapper(SeriesMapper.class);
            List<String> before = new ArrayList<>(media.idsInLibrary(id));
            before.addAll(series.idsInLibrary(id));
            List<String> gone = media.missingInLibrary(id).stream().filter(m -> !fileIsThere(m.path)).map(m -> m.id).toList();
            int deletedMedia = 0;
            for (int i = 0; i < gone.size(); i += 500) {
                deletedMedia += media.deleteByIds(gone.subList(i, Math.min(gone.size(), i + 500)));
            }
            int deletedSeries = series.deleteEmpty(id);
            List<String> after = new ArrayList<>(media.idsInLibrary(id));
            boolean empty = after.isEmpty();
            after.addAll(series.idsInLibrary(id));
            List<String> removed = new ArrayList<>(before);
            removed.removeAll(new HashSet<>(after)); // a set: a list would make this quadratic
            return new Cleaned(deletedMedia, deletedSeries, empty, removed);
        });
        version.bump();
        listeners.forEach(l -> l.cleaned(cleaned.removedIds()));
        return cleaned;
    }

    /** True when a book file is at this path again (a regular file, as the scanner reads: not a link). */
    private static boolean fileIsThere(String path) {
        try {
            return Files.isRegularFile(Path.of(path), LinkOption.NOFOLLOW_LINKS);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** The library's series and books, by id (whose thumbnails go with the library's); 404 when the viewer may not see it. */
    public LibraryContents contents(Viewer viewer, String id) {
        find(viewer, id);
        return contents(id);
    }

    private LibraryContents contents(String id) {
        return db.auto(s -> new LibraryContents(id, s.getMapper(SeriesMapper.class).idsInLibrary(id),
                s.getMapper(MediaMapper.class).idsInLibrary(id)));
    }

    /** The library's latest {@code limit} scans, newest first. */
    public List<ScanRecord> scanHistory(Viewer viewer, String id, int limit) {
        find(viewer, id);
        return db.auto(s -> s.getMapper(LibraryMapper.class).scanRecords(id, 0, limit)).stream()
                .map(ScanRecordRow::toRecord).toList();
    }

    public int clearScanHistory(Viewer viewer, String id) {
        find(viewer, id);
        return db.auto(s -> s.getMapper(LibraryMapper.class).deleteScanRecords(id));
    }

    /** The library's thumbnail settings; null when it has none (or is gone). */
    public ThumbnailConfig thumbnailConfig(String id) {
        LibraryRow row = db.auto(s -> s.getMapper(LibraryMapper.class).findById(id));
        return row == null ? null : row.toLibrary().config().thumbnailConfig();
    }

    /** Marks the library's scan outcome. */
    public void scanned(String id, FileStatus status, Long at) {
        db.auto(s -> s.getMapper(LibraryMapper.class).updateScanState(id, status, at, clock.millis()));
        version.bump();
    }

    LibraryRow find(Viewer viewer, String id) {
        LibraryRow row = db.auto(s -> s.getMapper(LibraryMapper.class).findVisible(id, viewer));
        if (row == null) {
            throw ApiException.notFound("No library with id " + id);
        }
        return row;
    }

    private void apply(LibraryRow row, Spec spec, LibraryRow existing) {
        String name = spec.name() == null ? "" : spec.name().trim();
        if (name.isEmpty() || name.length() > 255) {
            throw ApiException.badRequest("The library needs a name of 1 to 255 characters");
        }
        row.name = name;
        row.nameKey = name.toLowerCase(Locale.ROOT);
        row.path = checkDirectory(spec.path());
        row.description = blankToNull(spec.description(), 4000, "description");
        row.emoji = blankToNull(spec.emoji(), 64, "emoji");
        LibraryConfig config = spec.config() == null ? (existing == null ? LibraryConfig.DEFAULT : existing.toLibrary().config())
                : spec.config();
        checkConfig(config);
        row.setConfig(config);
        // Each rule may be fine and all of them together still overflow the column they are kept in.
        if (row.ignoreRules != null && row.ignoreRules.length() > MAX_IGNORE_RULES) {
            throw ApiException.badRequest("config.ignore_rules may take at most " + MAX_IGNORE_RULES
                    + " characters together (as a JSON list); these take " + row.ignoreRules.length());
        }
    }

    /** The real (symlinks resolved) path of an existing, readable, absolute directory inside the library roots. */
    private String checkDirectory(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest("The library needs a path");
        }
        Path p;
        try {
            p = Path.of(raw);
        } catch (InvalidPathException e) {
            throw ApiException.badRequest("The path '" + raw + "' is not a valid path");
        }
        if (!p.isAbsolute()) {
            throw ApiException.badRequest("The path '" + raw + "' must be absolute");
        }
        if (!Files.isDirectory(p)) {
            throw ApiException.badRequest("The path '" + raw + "' is not an existing directory");
        }
        if (!Files.isReadable(p) || !Files.isExecutable(p)) {
            throw ApiException.badRequest("The server cannot read the directory '" + raw + "'");
        }
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            throw ApiException.badRequest("The server cannot read the directory '" + raw + "'");
        }
        if (!roots.contain(real)) {
            throw ApiException.badRequest("The directory '" + raw + "' is not inside the library folders this server allows ("
                    + LibraryRoots.SETTING + ")");
        }
        if (real.toString().length() > 2048) {
            throw ApiException.badRequest("The path is too long");
        }
        return real.toString();
    }

    private void checkPathIsFree(Path path, String ownId) {
        for (LibraryRow other : db.auto(s -> s.getMapper(LibraryMapper.class).listAll())) {
            if (other.id.equals(ownId)) {
                continue;
            }
            Path o = Path.of(other.path);
            if (o.equals(path)) {
                throw ApiException.badRequest("The directory is already the library '" + other.name + "'");
            }
            if (path.startsWith(o)) {
                throw ApiException.badRequest("The directory is inside the library '" + other.name + "'");
            }
            if (o.startsWith(path)) {
                throw ApiException.badRequest("The directory contains the library '" + other.name + "'");
            }
        }
    }

    /** 400 when thumbnail options are out of range (the same rules as a library's config). */
    public void checkThumbnailConfig(ThumbnailConfig t) {
        checkConfig(new LibraryConfig(false, false, false, false, true, true, LibraryConfig.LibraryPattern.SERIES_BASED, t,
                "ltr", "paged", "height", List.of()));
    }

    private static void checkConfig(LibraryConfig c) {
        if (c.libraryPattern() == null) {
            throw ApiException.badRequest("config.library_pattern must be SERIES_BASED or COLLECTION_BASED");
        }
        oneOf("config.default_reading_dir", c.defaultReadingDir(), "ltr", "rtl");
        oneOf("config.default_reading_mode", c.defaultReadingMode(), "paged", "continuous:vertical", "continuous:horizontal");
        oneOf("config.default_reading_image_scale_fit", c.defaultReadingImageScaleFit(), "height", "width", "none");
        for (String rule : c.ignoreRules() == null ? List.<String>of() : c.ignoreRules()) {
            try {
                if (rule == null || rule.isBlank()) {
                    throw new IllegalArgumentException();
                }
                FileSystems.getDefault().getPathMatcher("glob:" + rule);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("config.ignore_rules: '" + rule + "' is not a valid glob");
            }
        }
        ThumbnailConfig t = c.thumbnailConfig();
        if (t != null) {
            if (t.format() == null) {
                throw ApiException.badRequest("config.thumbnail_config.format must be Jpeg, Png or Webp");
            }
            if (t.quality() != null && (t.quality() < 0 || t.quality() > 100)) {
                throw ApiException.badRequest("config.thumbnail_config.quality must be between 0 and 100");
            }
            if (t.page() != null && t.page() < 1) {
                throw ApiException.badRequest("config.thumbnail_config.page must be at least 1");
            }
            ThumbnailConfig.Resize r = t.resizeOptions();
            if (r != null) {
                if (r.mode() == null) {
                    throw ApiException.badRequest("config.thumbnail_config.resize_options.mode must be Scaled or Sized");
                }
                if (r.mode() == ThumbnailConfig.Mode.Scaled && (r.width() <= 0 || r.width() > 1 || r.height() <= 0 || r.height() > 1)) {
                    throw ApiException.badRequest("Scaled thumbnail factors must be greater than 0 and at most 1");
                }
                if (r.mode() == ThumbnailConfig.Mode.Sized && (r.width() < 1 || r.height() < 1
                        || r.width() != Math.floor(r.width()) || r.height() != Math.floor(r.height())
                        || r.width() > 4000 || r.height() > 4000)) {
                    throw ApiException.badRequest("Sized thumbnail dimensions must be whole pixels between 1 and 4000");
                }
            }
        }
    }

    private static void oneOf(String field, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return;
            }
        }
        throw ApiException.badRequest(field + " must be one of " + String.join(", ", allowed));
    }

    private static String blankToNull(String s, int max, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.length() > max) {
            throw ApiException.badRequest(field + " may be at most " + max + " characters");
        }
        return s;
    }

    private static void insertOrConflict(Runnable write, String name) {
        try {
            write.run();
        } catch (PersistenceException e) {
            if (Database.isUniqueViolation(e)) {
                throw ApiException.conflict("A library named '" + name + "' exists already");
            }
            throw e;
        }
    }
}
