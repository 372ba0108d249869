package org.longbox.library.scan;

import org.longbox.library.LibraryConfig;
import org.longbox.media.BookFormat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * The book files under a library root, grouped into series folders. Symbolic links are not
 * followed, hidden files and folders and {@code __MACOSX} are skipped, and so is whatever the
 * library's ignore rules (globs relative to the root) match. A file or folder whose path is longer
 * than the database stores ({@link #MAX_PATH}) is skipped too, and counted.
 */
final class LibraryWalk {
    private static final Logger LOG = Logger.getLogger(LibraryWalk.class.getName());
    /** The width of the path columns of series and media (V2__libraries_series_media.sql). */
    static final int MAX_PATH = 2048;

    /** A book file and what the file system says of it. */
    record Found(Path path, long size, long modifiedAt) {
    }

    /** What a walk found: series folder to the books it holds, in walk order, and how many entries were too long to keep. */
    record Walked(Map<Path, List<Found>> bySeries, int tooLong) {
    }

    private LibraryWalk() {
    }

    static Walked walk(Path root, LibraryConfig config, BooleanSupplier cancelled) throws IOException {
        List<PathMatcher> ignore = new ArrayList<>();
        for (String rule : config.ignoreRules()) {
            ignore.add(FileSystems.getDefault().getPathMatcher("glob:" + rule));
        }
        Map<Path, List<Found>> bySeries = new LinkedHashMap<>();
        int[] tooLong = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (cancelled.getAsBoolean()) {
                    return FileVisitResult.TERMINATE;
                }
                if (!dir.equals(root) && (skippedName(dir) || ignored(root.relativize(dir), ignore))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (dir.toString().length() > MAX_PATH) {
                    tooLong(dir);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isRegularFile() || skippedName(file) || BookFormat.ofFileName(file.getFileName().toString()).isEmpty()
                        || ignored(root.relativize(file), ignore)) {
                    return FileVisitResult.CONTINUE;
                }
                if (file.toString().length() > MAX_PATH) {
                    tooLong(file);
                    return FileVisitResult.CONTINUE;
                }
                Path series = seriesFolder(root, file, config.libraryPattern());
                bySeries.computeIfAbsent(series, k -> new ArrayList<>())
                        .add(new Found(file, attrs.size(), attrs.lastModifiedTime().toMillis()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // an unreadable file or folder is skipped, not the end of the scan
                return FileVisitResult.CONTINUE;
            }

            private void tooLong(Path p) {
                tooLong[0]++;
                LOG.warning("Skipped, its path is longer than " + MAX_PATH + " characters: " + p);
            }
        });
        return new Walked(bySeries, tooLong[0]);
    }

    private static Path seriesFolder(Path root, Path file, LibraryConfig.LibraryPattern pattern) {
        if (pattern == LibraryConfig.LibraryPattern.COLLECTION_BASED) {
            Path rel = root.relativize(file);
            return rel.getNameCount() > 1 ? root.resolve(rel.getName(0)) : root;
        }
        return file.getParent();
    }

    private static boolean skippedName(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") || name.equals("__MACOSX");
    }

    private static boolean ignored(Path relative, List<PathMatcher> rules) {
        if (rules.isEmpty()) {
            return false;
        }
        Path name = relative.getFileName();
        for (PathMatcher m : rules) {
            if (m.matches(relative) || (name != null && m.matches(name))) {
                return true;
            }
        }
        return false;
    }
}
