package org.longbox.library.scan;

import org.longbox.library.Library;
import org.longbox.library.LibraryContents;
import org.longbox.library.LibraryListener;
import org.longbox.library.LibraryService;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Rescans libraries whose {@code watch} is on a few seconds after their files change. Changes are
 * gathered per library and the scan starts once the folder has been quiet for {@link #SETTLE_MS}
 * (copying a folder of books causes one scan, not hundreds). Folders created later are watched too.
 */
public final class LibraryWatcher implements LibraryListener, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LibraryWatcher.class.getName());
    static final long SETTLE_MS = 3000;

    private final LibraryService libraries;
    private final ScanService scans;
    private final WatchService watcher;
    private final Map<WatchKey, Watched> keys = new ConcurrentHashMap<>();
    /** When (System.nanoTime) each library's folder will have been quiet long enough: a real timer on purpose. */
    private final Map<String, Long> dueAt = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private record Watched(String libraryId, Path dir) {
    }

    public LibraryWatcher(LibraryService libraries, ScanService scans, String threadName) throws IOException {
        this.libraries = libraries;
        this.scans = scans;
        this.watcher = FileSystems.getDefault().newWatchService();
        this.thread = new Thread(this::loop, threadName);
        this.thread.setDaemon(true);
    }

    /** Starts watching every library that asks for it. */
    public void start() {
        for (Library l : libraries.all()) {
            if (l.config().watch()) {
                watch(l);
            }
        }
        thread.start();
    }

    private void watch(Library library) {
        Path root = Path.of(library.path());
        if (!Files.isDirectory(root)) {
            return;
        }
        try {
            registerTree(library.id(), root);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot watch the library " + library.name() + ": " + e.getMessage());
        }
    }

    private void registerTree(String libraryId, Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                WatchKey key = dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
                keys.put(key, new Watched(libraryId, dir));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void unwatch(String libraryId) {
        keys.entrySet().removeIf(e -> {
            if (e.getValue().libraryId().equals(libraryId)) {
                e.getKey().cancel();
                return true;
            }
            return false;
        });
        dueAt.remove(libraryId);
    }

    private void loop() {
        while (running) {
            try {
                WatchKey key = watcher.poll(250, TimeUnit.MILLISECONDS);
                if (key != null) {
                    handle(key);
                }
                scanWhatSettled();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Library watching hit a problem; carrying on", e);
            }
        }
    }

    private void handle(WatchKey key) {
        Watched w = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (w == null) {
                continue;
            }
            dueAt.put(w.libraryId(), System.nanoTime() + SETTLE_MS * 1_000_000);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name) {
                Path created = w.dir().resolve(name);
                if (Files.isDirectory(created) && !name.toString().startsWith(".")) {
                    try {
                        registerTree(w.libraryId(), created);
                    } catch (IOException e) {
                        LOG.log(Level.FINE, "Cannot watch " + created, e);
                    }
                }
            }
        }
        if (!key.reset()) {
            keys.remove(key);
        }
    }

    private void scanWhatSettled() {
        long now = System.nanoTime();
        for (Map.Entry<String, Long> e : dueAt.entrySet()) {
            if (e.getValue() - now <= 0 && dueAt.remove(e.getKey(), e.getValue())) {
                libraries.all().stream().filter(l -> l.id().equals(e.getKey())).findFirst()
                        .ifPresent(l -> scans.scan(l, new LibraryScanner.Options(false)));
            }
        }
    }

    @Override
    public void created(Library library, boolean scanNow) {
        if (library.config().watch()) {
            watch(library);
        }
    }

    @Override
    public void updated(Library library) {
        unwatch(library.id());
        if (library.config().watch()) {
            watch(library);
        }
    }

    @Override
    public void deleted(LibraryContents held) {
        unwatch(held.libraryId());
    }

    @Override
    public void close() {
        running = false;
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing the watch service", e);
        }
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
