package org.longbox.media;

/** An image's size in pixels, as its header states it. */
public record Dimensions(int width, int height) {
    public long pixels() {
        return (long) width * height;
    }
}
