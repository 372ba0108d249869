package org.longbox.library;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders libraries must lie in (STUMP_LIBRARY_ROOTS); none means anywhere. Each root is
 * taken at its real path (symbolic links resolved) when it exists at start, else as written, and a
 * path is inside a root when its real path has the root as its leading components.
 */
public final class LibraryRoots {
    public static final String SETTING = "STUMP_LIBRARY_ROOTS";
    public static final LibraryRoots ANYWHERE = new LibraryRoots(List.of());

    private final List<Path> roots;

    public LibraryRoots(List<Path> configured) {
        List<Path> resolved = new ArrayList<>();
        for (Path p : configured) {
            Path abs = p.toAbsolutePath().normalize();
            try {
                resolved.add(abs.toRealPath());
            } catch (IOException missing) {
                resolved.add(abs); // not there (yet): a library cannot be inside it until it is
            }
        }
        this.roots = List.copyOf(resolved);
    }

    /** True when no roots are set: libraries may be anywhere. */
    public boolean anywhere() {
        return roots.isEmpty();
    }

    /** The roots, as resolved at start. */
    public List<Path> roots() {
        return roots;
    }

    /** True when the real (symbolic links resolved) path lies inside a root, or no roots are set. */
    public boolean contain(Path realPath) {
        if (roots.isEmpty()) {
            return true;
        }
        for (Path root : roots) {
            if (realPath.startsWith(root)) {
                return true;
            }
        }
        return false;
    }

    /** The root the real path lies in; null when none does (or none is set). */
    public Path rootOf(Path realPath) {
        for (Path root : roots) {
            if (realPath.startsWith(root)) {
                return root;
            }
        }
        return null;
    }
}
