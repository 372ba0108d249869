package org.longbox.media;

/**
 * One file in a RAR archive as its header describes it (RAR 4 or 5).
 *
 * @param name       '/'-separated
 * @param dataOffset where the packed data starts in the file
 * @param crc        CRC32 of the unpacked data, -1 when the header has none
 * @param link       a symlink, hard link or file copy: not content of its own
 */
record RarEntry(String name, long dataOffset, long packedSize, long size, long crc, boolean directory,
        boolean link, boolean stored, boolean encrypted, boolean split) {
}
