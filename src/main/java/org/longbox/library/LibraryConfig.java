package org.longbox.library;

import java.util.List;

/**
 * Stump's LibraryConfig: how a library's folders become series and what a scan does.
 *
 * @param thumbnailConfig null: no thumbnails are generated; page 1 is served scaled down instead
 */
public record LibraryConfig(
        boolean convertRarToZip,
        boolean hardDeleteConversions,
        boolean generateFileHashes,
        boolean generateKoreaderHashes,
        boolean processMetadata,
        boolean watch,
        LibraryPattern libraryPattern,
        ThumbnailConfig thumbnailConfig,
        String defaultReadingDir,
        String defaultReadingMode,
        String defaultReadingImageScaleFit,
        List<String> ignoreRules) {

    public enum LibraryPattern { SERIES_BASED, COLLECTION_BASED }

    public static final LibraryConfig DEFAULT = new LibraryConfig(false, false, false, false, true, true,
            LibraryPattern.SERIES_BASED, null, "ltr", "paged", "height", List.of());
}
