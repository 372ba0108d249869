package org.longbox.media;

/**
 * One page's bytes and their true media type (sniffed from the bytes, not the entry name):
 * image/jpeg, image/png, image/gif or image/webp (PDF pages are rendered to one of these).
 */
public record PageData(byte[] bytes, String mediaType) {
}
