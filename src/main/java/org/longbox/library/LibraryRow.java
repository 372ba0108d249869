package org.longbox.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.longbox.server.Json;

import java.util.List;

/** A row of {@code libraries}, config columns included. */
public class LibraryRow {
    public String id;
    public String name;
    public String nameKey;
    public String path;
    public String description;
    public String emoji;
    public FileStatus status;
    public long createdAt;
    public long updatedAt;
    public Long lastScannedAt;
    public boolean convertRarToZip;
    public boolean hardDeleteConversions;
    public boolean generateFileHashes;
    public boolean generateKoreaderHashes;
    public boolean processMetadata;
    public boolean watch;
    public String libraryPattern;
    /** JSON of {@link ThumbnailConfig}, or null. */
    public String thumbnailConfig;
    public String defaultReadingDir;
    public String defaultReadingMode;
    public String defaultReadingImageScaleFit;
    /** JSON array of glob strings, or null. */
    public String ignoreRules;

    public Library toLibrary() {
        LibraryConfig config = new LibraryConfig(convertRarToZip, hardDeleteConversions, generateFileHashes,
                generateKoreaderHashes, processMetadata, watch, LibraryConfig.LibraryPattern.valueOf(libraryPattern),
                readJson(thumbnailConfig, new TypeReference<ThumbnailConfig>() { }), defaultReadingDir,
                defaultReadingMode, defaultReadingImageScaleFit,
                ignoreRules == null ? List.of() : readJson(ignoreRules, new TypeReference<List<String>>() { }));
        return new Library(id, name, description, emoji, path, status, createdAt, updatedAt,
                lastScannedAt, config);
    }

    void setConfig(LibraryConfig c) {
        convertRarToZip = c.convertRarToZip();
        hardDeleteConversions = c.hardDeleteConversions();
        generateFileHashes = c.generateFileHashes();
        generateKoreaderHashes = c.generateKoreaderHashes();
        processMetadata = c.processMetadata();
        watch = c.watch();
        libraryPattern = c.libraryPattern().name();
        thumbnailConfig = c.thumbnailConfig() == null ? null : writeJson(c.thumbnailConfig());
        defaultReadingDir = c.defaultReadingDir();
        defaultReadingMode = c.defaultReadingMode();
        defaultReadingImageScaleFit = c.defaultReadingImageScaleFit();
        ignoreRules = c.ignoreRules() == null || c.ignoreRules().isEmpty() ? null : writeJson(c.ignoreRules());
    }

    private static <T> T readJson(String json, TypeReference<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable library config in the database: " + e.getOriginalMessage());
        }
    }

    private static String writeJson(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
