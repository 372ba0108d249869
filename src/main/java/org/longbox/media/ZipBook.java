package org.longbox.media;

import java.util.List;

/** A CBZ (or any ZIP of images): pages are the image entries in natural order, metadata from ComicInfo.xml. */
final class ZipBook implements Book {
    private final ZipArchive zip;
    private final MediaLimits limits;
    private final List<String> pages;
    private final BookMetadata metadata;

    private ZipBook(ZipArchive zip, MediaLimits limits) {
        this.zip = zip;
        this.limits = limits;
        this.pages = EntryNames.pages(zip.files());
        this.metadata = EntryNames.comicInfo(zip.files()).map(this::comicInfo).orElse(BookMetadata.EMPTY);
    }

    static ZipBook of(ZipArchive zip, MediaLimits limits) {
        return new ZipBook(zip, limits);
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
    public BookMetadata metadata() {
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
