package org.longbox.media;

/** Formats Longbox writes images in (thumbnails, converted pages). */
public enum ImageFormat {
    JPEG("image/jpeg", "jpeg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp");

    private final String mediaType;
    private final String extension;

    ImageFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file extension Stump uses for a thumbnail in this format ("jpeg", "png", "webp"). */
    public String extension() {
        return extension;
    }
}
