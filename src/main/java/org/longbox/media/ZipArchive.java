package org.longbox.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A ZIP read through its central directory, one entry at a time, with every read bounded: shared by
 * CBZ and EPUB. Nothing is unpacked to disk and entry names are only used to look entries up.
 */
final class ZipArchive implements AutoCloseable {
    private static final int LOCAL_HEADER = 0x04034b50;

    private final Path file;
    private final ZipFile zip;
    private final List<String> files;
    private final Set<String> fileSet;
    /** Entries by name; a name listed twice is left out (which of the two is meant is unclear). */
    private final Map<String, ZipDirectory.Entry> unique;

    private ZipArchive(Path file, ZipFile zip, List<String> files, Map<String, ZipDirectory.Entry> unique) {
        this.file = file;
        this.zip = zip;
        this.files = files;
        this.fileSet = Set.copyOf(files);
        this.unique = unique;
    }

    static ZipArchive open(Path file, MediaLimits limits) throws BookException {
        ZipDirectory directory;
        try (FileChannel ch = FileChannel.open(file)) {
            directory = ZipDirectory.read(ch, limits);
        } catch (IOException e) {
            throw new BookException("cannot read the file: " + e.getMessage(), e);
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), directory.needsCp437() ? ZipDirectory.CP437 : StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new BookException("corrupt ZIP archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new BookException("cannot read the file: " + e.getMessage(), e);
        }
        Set<String> links = directory.entries().stream().filter(ZipDirectory.Entry::symlink)
                .map(ZipDirectory.Entry::rawName).collect(Collectors.toSet());
        List<String> files = zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName)
                .filter(n -> !links.contains(n)).toList();
        Map<String, ZipDirectory.Entry> unique = new HashMap<>();
        Set<String> twice = new HashSet<>();
        for (ZipDirectory.Entry e : directory.entries()) {
            if (unique.putIfAbsent(e.rawName(), e) != null) {
                twice.add(e.rawName());
            }
        }
        unique.keySet().removeAll(twice);
        return new ZipArchive(file, zip, files, unique);
    }

    /**
     * Where a stored (uncompressed) entry's bytes lie in the file; empty for a deflated entry, or
     * one whose headers do not add up.
     */
    Optional<StoredPage> stored(String name, long max) throws BookException {
        ZipDirectory.Entry e = unique.get(name);
        if (e == null || e.method() != 0 || e.size() != e.compressedSize() || e.size() < 0 || e.size() > max
                || e.localHeader() < 0 || !fileSet.contains(name)) {
            return Optional.empty();
        }
        try (FileChannel ch = FileChannel.open(file)) {
            if (e.localHeader() + 30 > ch.size()) {
                return Optional.empty();
            }
            ByteBuffer h = Bounded.readAt(ch, e.localHeader(), 30, "corrupt ZIP archive (truncated)");
            if (h.getInt(0) != LOCAL_HEADER) {
                return Optional.empty();
            }
            long offset = e.localHeader() + 30 + (h.getShort(26) & 0xFFFF) + (h.getShort(28) & 0xFFFF);
            if (offset + e.size() > ch.size()) {
                return Optional.empty();
            }
            return Optional.of(new StoredPage(offset, (int) e.size(), e.crc()));
        } catch (IOException ex) {
            throw new BookException("cannot read the file: " + ex.getMessage(), ex);
        }
    }

    /** Names of the file entries: no directories, no symlinks. */
    List<String> files() {
        return files;
    }

    boolean contains(String name) {
        return fileSet.contains(name);
    }

    /** What the entry says its uncompressed size is (-1 when unknown). */
    long declaredSize(String name) {
        ZipEntry entry = zip.getEntry(name);
        return entry == null ? -1 : entry.getSize();
    }

    /**
     * The entry's bytes, refused as soon as it declares or inflates to more than {@code max}:
     * a header that lies about the size still costs at most {@code max} bytes of memory.
     */
    byte[] read(String name, long max) throws BookException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null || entry.isDirectory()) {
            throw new BookException("entry " + name + " is missing from the archive");
        }
        String what = "entry " + name;
        if (entry.getSize() > max) {
            throw Bounded.tooLarge(what, max);
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = Bounded.readAll(in, entry.getSize(), max, what);
        } catch (IOException e) {
            throw new BookException(what + " is corrupt (" + e.getMessage() + ")", e);
        }
        if (entry.getCrc() != -1) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            if (crc.getValue() != entry.getCrc()) {
                throw new BookException(what + " is corrupt (CRC mismatch)");
            }
        }
        return bytes;
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // nothing was written; the file handle is released either way
        }
    }
}
