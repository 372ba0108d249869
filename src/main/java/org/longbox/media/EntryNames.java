package org.longbox.media;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the entries of an archive are: pages, ComicInfo.xml, or things to ignore. Entry names are
 * only ever compared and sorted here, never turned into paths.
 */
final class EntryNames {
    private static final Set<String> PAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "gif", "webp");

    private EntryNames() {
    }

    /** Backslashes as written by some Windows tools become '/', so folders sort and match alike. */
    static String normalize(String name) {
        return name.replace('\\', '/');
    }

    /**
     * Hidden (a segment starting with '.') or macOS resource-fork litter under __MACOSX/. The
     * segments "." and ".." are not hidden: "../../x.jpg" is an odd but ordinary page name.
     */
    static boolean isIgnored(String name) {
        for (String segment : normalize(name).split("/")) {
            boolean hidden = segment.startsWith(".") && !segment.equals(".") && !segment.equals("..");
            if (hidden || segment.equalsIgnoreCase("__MACOSX")) {
                return true;
            }
        }
        return false;
    }

    static boolean isPage(String name) {
        return !isIgnored(name) && PAGE_EXTENSIONS.contains(extension(name));
    }

    static boolean isComicInfo(String name) {
        return !isIgnored(name) && baseName(name).equalsIgnoreCase("ComicInfo.xml");
    }

    /** Page names in reading order. */
    static List<String> pages(List<String> names) {
        return names.stream().filter(EntryNames::isPage)
                .sorted(Comparator.comparing(EntryNames::normalize, NaturalOrder.INSTANCE)).toList();
    }

    /** The ComicInfo.xml to read: the root one if any, else the least deep. */
    static Optional<String> comicInfo(List<String> names) {
        return names.stream().filter(EntryNames::isComicInfo)
                .min(Comparator.comparingInt(EntryNames::depth)
                        .thenComparing(EntryNames::normalize, NaturalOrder.INSTANCE));
    }

    static String extension(String name) {
        String base = baseName(name);
        int dot = base.lastIndexOf('.');
        return dot < 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String baseName(String name) {
        String n = normalize(name);
        return n.substring(n.lastIndexOf('/') + 1);
    }

    private static int depth(String name) {
        return (int) normalize(name).chars().filter(c -> c == '/').count();
    }
}
