package org.longbox.media;

/**
 * Where a page's bytes lie, stored as they are (not compressed), inside its book's file, as the
 * archive's headers state them: the page can then be read straight from the file. The headers are
 * not trusted beyond that: a reader checks the bytes against {@code crc}.
 *
 * @param offset where the bytes start in the file
 * @param length how many bytes
 * @param crc    CRC32 of the bytes, -1 when the archive records none
 */
public record StoredPage(long offset, int length, long crc) {
}
