package org.longbox.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A CBR. Listing is Longbox's own (RAR 4 and RAR 5 headers, see {@link Rar4Headers} and
 * {@link Rar5Headers}); stored entries, the common case for comics, are read straight from their
 * offset. Compressed entries, including those of solid archives, are unpacked by {@link Bsdtar}
 * when it is installed. Encrypted entries and entries split across volumes are refused.
 */
final class RarBook implements Book {
    private final Path file;
    private final FileChannel channel;
    private final MediaLimits limits;
    private final Bsdtar bsdtar;
    private final List<RarEntry> pages;
    private final RarEntry comicInfo;
    private BookMetadata metadata;

    private RarBook(Path file, FileChannel channel, MediaLimits limits, Bsdtar bsdtar, List<RarEntry> entries) {
        this.file = file;
        this.channel = channel;
        this.limits = limits;
        this.bsdtar = bsdtar;
        // a name listed twice stands for its first entry, the one bsdtar would find
        Map<String, RarEntry> byName = new HashMap<>();
        List<RarEntry> files = new ArrayList<>();
        for (RarEntry e : entries) {
            if (!e.directory() && !e.link() && byName.putIfAbsent(e.name(), e) == null) {
                files.add(e);
            }
        }
        this.pages = files.stream().filter(e -> EntryNames.isPage(e.name()))
                .sorted(Comparator.comparing(RarEntry::name, NaturalOrder.INSTANCE)).toList();
        this.comicInfo = EntryNames.comicInfo(files.stream().map(RarEntry::name).toList()).map(byName::get).orElse(null);
    }

    static RarBook open(Path file, MediaLimits limits, Bsdtar bsdtar) throws BookException {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file);
            ByteBuffer signature = Bounded.readAt(ch, 0, (int) Math.min(8, ch.size()), Rar.TRUNCATED);
            List<RarEntry> entries;
            if (signature.limit() == 8 && signature.get(6) == 1 && signature.get(7) == 0) {
                entries = Rar5Headers.read(ch, limits);
            } else if (signature.limit() >= 7 && signature.get(6) == 0) {
                entries = Rar4Headers.read(ch, limits);
            } else {
                throw new BookException("unknown RAR version");
            }
            RarBook book = new RarBook(file, ch, limits, bsdtar, entries);
            for (int i = 0; i < book.pages.size(); i++) {
                if (book.pages.get(i).size() > limits.maxEntryBytes()) {
                    throw Bounded.tooLarge("page " + (i + 1) + " (" + book.pages.get(i).name() + ")", limits.maxEntryBytes());
                }
            }
            return book;
        } catch (IOException e) {
            close(ch);
            throw new BookException("cannot read the file: " + e.getMessage(), e);
        } catch (BookException | RuntimeException e) {
            close(ch);
            throw e;
        }
    }

    @Override
    public BookFormat format() {
        return BookFormat.RAR;
    }

    @Override
    public int pageCount() {
        return pages.size();
    }

    @Override
    public PageData page(int number) throws BookException {
        RarEntry entry = pages.get(Books.pageIndex(number, pages.size()));
        return Images.page(read(entry, limits.maxEntryBytes()), "page " + number + " (" + entry.name() + ")");
    }

    @Override
    public Optional<StoredPage> storedPage(int number) {
        RarEntry e = pages.get(Books.pageIndex(number, pages.size()));
        boolean plain = e.stored() && !e.encrypted() && !e.split() && e.packedSize() == e.size()
                && e.size() <= limits.maxEntryBytes() && e.dataOffset() >= 0;
        return plain ? Optional.of(new StoredPage(e.dataOffset(), (int) e.size(), e.crc())) : Optional.empty();
    }

    /** Read on first use: serving a page has no need of it. */
    @Override
    public BookMetadata metadata() {
        if (metadata == null) {
            metadata = comicInfo == null ? BookMetadata.EMPTY : comicInfo(comicInfo);
        }
        return metadata;
    }

    private BookMetadata comicInfo(RarEntry entry) {
        try {
            return ComicInfo.parse(read(entry, limits.maxXmlBytes()));
        } catch (BookException e) {
            return BookMetadata.EMPTY;
        }
    }

    private byte[] read(RarEntry entry, long max) throws BookException {
        String what = "entry " + entry.name();
        if (entry.size() > max) {
            throw Bounded.tooLarge(what, max);
        }
        if (entry.encrypted()) {
            throw new BookException(what + " is encrypted (password-protected RAR)");
        }
        if (entry.split()) {
            throw new BookException(what + " continues in another volume; multi-volume RAR is not supported");
        }
        byte[] bytes;
        if (entry.stored()) {
            if (entry.packedSize() != entry.size()) {
                throw new BookException(what + " is corrupt (stored with two different sizes)");
            }
            try {
                bytes = Bounded.readAt(channel, entry.dataOffset(), (int) entry.size(), Rar.TRUNCATED).array();
            } catch (IOException e) {
                throw new BookException("cannot read the file: " + e.getMessage(), e);
            }
        } else {
            bytes = bsdtar.extract(file, entry.name(), max);
            if (bytes.length != entry.size()) {
                throw new BookException(what + " unpacked to " + bytes.length + " bytes, not the " + entry.size()
                        + " its header states");
            }
        }
        if (entry.crc() >= 0) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            if (crc.getValue() != entry.crc()) {
                throw new BookException(what + " is corrupt (CRC mismatch)");
            }
        }
        return bytes;
    }

    @Override
    public void close() {
        close(channel);
    }

    private static void close(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // read-only; nothing to lose
            }
        }
    }
}
