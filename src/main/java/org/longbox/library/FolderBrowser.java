package org.longbox.library;

import org.longbox.media.NaturalOrder;
import org.longbox.server.Page;
import org.longbox.server.PageRequest;
import org.longbox.server.errors.ApiException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The server's folders as the library settings show them to those who pick a library's folder
 * (Stump's {@code POST /filesystem}). Only what a library could be made of is shown: folders
 * inside the library roots when they are set, and never hidden entries (a name starting with a
 * dot, which the scanner skips too) or entries the server cannot read. A folder is listed by its
 * real path, so a symbolic link leads nowhere a library could not be.
 */
public final class FolderBrowser {
    /** More entries than this in one folder are not listed (the rest would not fit any screen either). */
    static final int MAX_ENTRIES = 100_000;

    private final LibraryRoots roots;

    public FolderBrowser(LibraryRoots roots) {
        this.roots = roots;
    }

    /** One entry of a folder: {@code path} is absolute. */
    public record Entry(boolean directory, String name, String path) {
    }

    /**
     * A page of a folder's entries, in natural order; {@code parent} is the folder above, or null at
     * the top (the file system's root, or a library root). Listing no folder ({@code path} null)
     * gives the library roots when they are set, else the file system's root.
     */
    public record Listing(String parent, Page<Entry> entries) {
    }

    public Listing list(String path, boolean files, boolean directories, PageRequest page) {
        if (path == null || path.isEmpty()) {
            if (!roots.anywhere()) {
                List<Entry> top = new ArrayList<>();
                for (Path root : roots.roots()) {
                    if (directories && Files.isDirectory(root) && readable(root)) {
                        top.add(new Entry(true, root.getFileName() == null ? root.toString() : root.getFileName().toString(),
                                root.toString()));
                    }
                }
                return new Listing(null, slice(top, page));
            }
            path = "/";
        }
        Path dir = folder(path);
        Path parent = dir.getParent();
        if (parent != null && !roots.anywhere() && roots.rootOf(dir).equals(dir)) {
            parent = null; // a library root: nothing above it may be browsed
        }
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                if (entries.size() >= MAX_ENTRIES) {
                    break;
                }
                Entry e = entry(p, files, directories);
                if (e != null) {
                    entries.add(e);
                }
            }
        } catch (AccessDeniedException e) {
            throw ApiException.forbidden("The server may not read the folder '" + path + "'");
        } catch (IOException | DirectoryIteratorException e) {
            throw ApiException.notFound("The folder '" + path + "' cannot be read");
        }
        entries.sort(Comparator.comparing(Entry::name, NaturalOrder.INSTANCE));
        return new Listing(parent == null ? null : parent.toString(), slice(entries, page));
    }

    /** The real path of the folder to list: 400 unless absolute, 404 unless there, 403 when hidden, unreadable or outside the roots. */
    private Path folder(String raw) {
        Path p;
        try {
            p = Path.of(raw);
        } catch (InvalidPathException e) {
            throw ApiException.badRequest("'" + raw + "' is not a valid path");
        }
        if (!p.isAbsolute()) {
            throw ApiException.badRequest("The path must be absolute");
        }
        Path real;
        try {
            real = p.toRealPath();
        } catch (NoSuchFileException e) {
            throw ApiException.notFound("No folder '" + raw + "'");
        } catch (AccessDeniedException e) {
            throw ApiException.forbidden("The server may not read '" + raw + "'");
        } catch (IOException e) {
            throw ApiException.notFound("The folder '" + raw + "' cannot be read");
        }
        if (!roots.contain(real)) {
            throw ApiException.forbidden("'" + raw + "' is outside the library folders this server allows ("
                    + LibraryRoots.SETTING + ")");
        }
        Path top = roots.anywhere() ? real.getRoot() : roots.rootOf(real);
        for (Path part : top.relativize(real)) {
            if (part.toString().startsWith(".")) {
                throw ApiException.forbidden("Hidden folders are not shown");
            }
        }
        if (!Files.isDirectory(real)) {
            throw ApiException.badRequest("'" + raw + "' is not a folder");
        }
        if (!readable(real)) {
            throw ApiException.forbidden("The server may not read the folder '" + raw + "'");
        }
        return real;
    }

    /** The entry as listed, or null when it is not shown. */
    private Entry entry(Path p, boolean files, boolean directories) {
        Path name = p.getFileName();
        if (name == null || name.toString().startsWith(".")) {
            return null;
        }
        try {
            Path real = p.toRealPath();
            if (!roots.contain(real)) {
                return null; // a link out of the roots
            }
            if (Files.isDirectory(real)) {
                return directories && readable(real) ? new Entry(true, name.toString(), p.toString()) : null;
            }
            return files && Files.isRegularFile(real) && Files.isReadable(real) ? new Entry(false, name.toString(), p.toString()) : null;
        } catch (IOException | SecurityException e) {
            return null; // gone meanwhile, a broken link, or not ours to look at
        }
    }

    private static boolean readable(Path dir) {
        return Files.isReadable(dir) && Files.isExecutable(dir);
    }

    private static Page<Entry> slice(List<Entry> all, PageRequest page) {
        int from = (int) Math.min(page.offset(), all.size());
        int to = (int) Math.min((long) from + page.pageSize(), all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), all.size(), page, null);
    }
}
