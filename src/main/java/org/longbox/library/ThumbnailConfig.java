package org.longbox.library;

/**
 * Stump's ImageProcessorOptions for thumbnails: a format, an optional resize (a scale factor in
 * (0, 1] for both sides, or a box in whole pixels) and a quality 0-100.
 */
public record ThumbnailConfig(Resize resizeOptions, Format format, Integer quality, Integer page) {
    public enum Format { Jpeg, Png, Webp }

    public enum Mode { Scaled, Sized }

    public record Resize(Mode mode, double width, double height) {
    }
}
