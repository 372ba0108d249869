package org.longbox.library.scan;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The optional per-book hashes: a sampled content hash for duplicates, and KOReader's partial MD5. */
final class FileHashes {
    private static final int SAMPLE = 64 * 1024;

    private FileHashes() {
    }

    /**
     * SHA-256 over the size and three 64 KiB samples (start, middle, end): enough to tell copies of a
     * book from different books without reading whole files.
     */
    static String sampled(Path file) throws IOException {
        MessageDigest sha = digest("SHA-256");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long size = f.length();
            sha.update(Long.toString(size).getBytes());
            byte[] buf = new byte[SAMPLE];
            for (long offset : new long[]{0, Math.max(0, size / 2 - SAMPLE / 2), Math.max(0, size - SAMPLE)}) {
                f.seek(offset);
                int n = f.read(buf, 0, (int) Math.min(SAMPLE, size - offset));
                if (n > 0) {
                    sha.update(buf, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** KOReader's document hash: MD5 of 1 KiB at offsets 0 and 1024 * 4^i for i = 0..10 (util.partialMD5). */
    static String koreader(Path file) throws IOException {
        MessageDigest md5 = digest("MD5");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            byte[] buf = new byte[1024];
            for (int i = -1; i <= 10; i++) {
                long offset = i < 0 ? 0 : 1024L << (2 * i);
                if (offset >= f.length()) {
                    break;
                }
                f.seek(offset);
                int n = f.read(buf);
                if (n > 0) {
                    md5.update(buf, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
