package org.longbox.media;

import java.util.List;
import java.util.Optional;

/** A CBZ (or any ZIP of images): pages are the image entries in natural order, metadata from ComicInfo.xml. */
final class ZipBook implements Book {
    private final ZipArchive zip;
    private final MediaLimits limits;
    private final List<String> pages;
    private BookMetadata metadata;

    private ZipBook(ZipArchive zip, MediaLimits limits) {
        this.zip = zip;
        this.limits = limits;
        this.pages = EntryNames.pages(zip.files());
    }

    /**
     * A page that declares more than {@link MediaLimits#maxEntryBytes()} refuses the whole book at
     * open, so a zip bomb is an ERROR at scan time rather than a surprise at reading time. (A page
     * whose header lies is still stopped when it is read.)
     */
    static ZipBook of(ZipArchive zip, MediaLimits limits) throws BookException {
        ZipBook book = new ZipBook(zip, limits);
        for (int i = 0; i < book.pages.size(); i++) {
            String name = book.pages.get(i);
            if (zip.declaredSize(name) > limits.maxEntryBytes()) {
                throw Bounded.tooLarge("page " + (i + 1) + " (" + name + ")", limits.maxEntryBytes());
            }
        }
        return book;
    }

    @Override
    public BookFormat format() {
        return BookFormat.ZIP;
    }

    @Override
    public int pageCount() {
        return pages.size();
    }

    @Override
    public PageData page(int number) throws BookException {
        String name = pages.get(Books.pageIndex(number, pages.size()));
        return Images.page(zip.read(name, limits.maxEntryBytes()), "page " + number + " (" + name + ")");
    }

    @Override
    public Optional<StoredPage> storedPage(int number) throws BookException {
        return zip.stored(pages.get(Books.pageIndex(number, pages.size())), limits.maxEntryBytes());
    }

    /** Read on first use: serving a page has no need of it. */
    @Override
    public BookMetadata metadata() {
        if (metadata == null) {
            metadata = EntryNames.comicInfo(zip.files()).map(this::comicInfo).orElse(BookMetadata.EMPTY);
        }
        return metadata;
    }

    /** A ComicInfo.xml that cannot be read is no reason to refuse the pages. */
    private BookMetadata comicInfo(String name) {
        try {
            return ComicInfo.parse(zip.read(name, limits.maxXmlBytes()));
        } catch (BookException e) {
            return BookMetadata.EMPTY;
        }
    }

    @Override
    public void close() {
        zip.close();
    }
}
