package org.longbox.media;

import java.util.Locale;
import java.util.Optional;

/** The book formats Longbox reads, with the media type each is served as. */
public enum BookFormat {
    ZIP("application/vnd.comicbook+zip", "cbz", "zip"),
    RAR("application/vnd.comicbook-rar", "cbr", "rar"),
    EPUB("application/epub+zip", "epub"),
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String[] extensions;

    BookFormat(String mediaType, String... extensions) {
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The extension files of this format usually have: cbz, cbr, epub, pdf. */
    public String extension() {
        return extensions[0];
    }

    /** The format a file name's extension says, if it is one Longbox reads. */
    public static Optional<BookFormat> ofFileName(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : ofExtension(name.substring(dot + 1));
    }

    /** The format an extension ("cbz", "EPUB", ...) names, if it is one Longbox reads. */
    public static Optional<BookFormat> ofExtension(String extension) {
        if (extension == null) {
            return Optional.empty();
        }
        String ext = extension.toLowerCase(Locale.ROOT);
        for (BookFormat f : values()) {
            for (String e : f.extensions) {
                if (e.equals(ext)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }
}
