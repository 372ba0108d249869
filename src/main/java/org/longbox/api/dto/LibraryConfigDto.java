package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;
import org.longbox.library.LibraryConfig;
import org.longbox.library.ThumbnailConfig;

import java.util.List;

/** Stump's LibraryConfig. In requests, absent fields keep their current (or default) values. */
@Schema(name = "LibraryConfig")
public record LibraryConfigDto(
        Boolean convertRarToZip,
        Boolean hardDeleteConversions,
        Boolean generateFileHashes,
        Boolean generateKoreaderHashes,
        Boolean processMetadata,
        Boolean watch,
        @Schema(allowableValues = {"SERIES_BASED", "COLLECTION_BASED"}) LibraryConfig.LibraryPattern libraryPattern,
        @Schema(nullable = true, description = "Generate thumbnails during scans; null: serve page 1 scaled down")
        ThumbnailConfig thumbnailConfig,
        @Schema(allowableValues = {"ltr", "rtl"}) String defaultReadingDir,
        @Schema(allowableValues = {"paged", "continuous:vertical", "continuous:horizontal"}) String defaultReadingMode,
        @Schema(allowableValues = {"height", "width", "none"}) String defaultReadingImageScaleFit,
        @Schema(description = "Globs, relative to the library folder, of files and folders to skip") List<String> ignoreRules,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) String libraryId) {

    public static LibraryConfigDto of(LibraryConfig c, String libraryId) {
        return new LibraryConfigDto(c.convertRarToZip(), c.hardDeleteConversions(), c.generateFileHashes(),
                c.generateKoreaderHashes(), c.processMetadata(), c.watch(), c.libraryPattern(), c.thumbnailConfig(),
                c.defaultReadingDir(), c.defaultReadingMode(), c.defaultReadingImageScaleFit(), c.ignoreRules(), libraryId);
    }

    /** This request's values over {@code base}. */
    public LibraryConfig over(LibraryConfig base) {
        return new LibraryConfig(
                or(convertRarToZip, base.convertRarToZip()),
                or(hardDeleteConversions, base.hardDeleteConversions()),
                or(generateFileHashes, base.generateFileHashes()),
                or(generateKoreaderHashes, base.generateKoreaderHashes()),
                or(processMetadata, base.processMetadata()),
                or(watch, base.watch()),
                libraryPattern != null ? libraryPattern : base.libraryPattern(),
                thumbnailConfig,
                defaultReadingDir != null ? defaultReadingDir : base.defaultReadingDir(),
                defaultReadingMode != null ? defaultReadingMode : base.defaultReadingMode(),
                defaultReadingImageScaleFit != null ? defaultReadingImageScaleFit : base.defaultReadingImageScaleFit(),
                ignoreRules != null ? ignoreRules : base.ignoreRules());
    }

    private static boolean or(Boolean v, boolean fallback) {
        return v != null ? v : fallback;
    }
}
