package org.longbox.media;

import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * An EPUB. When it is image-only (see {@link EpubLayout}) its pages are those images in spine
 * order, like a comic. Otherwise it is a text book: {@link #pageCount()} is the number of spine
 * items (what a reader paginates), {@link #page} refuses ("EPUB text pages are not images"), and
 * {@link #cover()} gives the OPF's cover image for thumbnails.
 */
final class EpubBook implements Book {
    private static final String CONTAINER = "META-INF/container.xml";

    private final ZipArchive zip;
    private final MediaLimits limits;
    private final OpfPackage opf;
    private final List<String> images;

    private EpubBook(ZipArchive zip, MediaLimits limits, OpfPackage opf, List<String> images) {
        this.zip = zip;
        this.limits = limits;
        this.opf = opf;
        this.images = images;
    }

    static EpubBook of(ZipArchive zip, MediaLimits limits) throws BookException {
        String opfEntry = packagePath(zip, limits);
        if (!zip.contains(opfEntry)) {
            throw new BookException("EPUB package document " + opfEntry + " is missing");
        }
        OpfPackage parsed = OpfPackage.parse(zip.read(opfEntry, limits.maxXmlBytes()), opfEntry);
        // spine items whose file is missing cannot be read: they are not pages
        OpfPackage opf = new OpfPackage(parsed.metadata(),
                parsed.spine().stream().filter(i -> zip.contains(i.path())).toList(), parsed.cover());
        if (opf.spine().isEmpty()) {
            throw new BookException("EPUB has an empty spine (no content to read)");
        }
        return new EpubBook(zip, limits, opf, EpubLayout.imagePages(zip, opf.spine(), limits).orElse(null));
    }

    /** The first OPF rootfile named by META-INF/container.xml. */
    private static String packagePath(ZipArchive zip, MediaLimits limits) throws BookException {
        String container = zip.files().stream().filter(n -> n.equalsIgnoreCase(CONTAINER)).findFirst()
                .orElseThrow(() -> new BookException("EPUB has no " + CONTAINER));
        Element root;
        try {
            root = SafeXml.parseTolerant(zip.read(container, limits.maxXmlBytes())).getDocumentElement();
        } catch (BookException e) {
            throw new BookException("EPUB " + CONTAINER + " is " + e.getMessage());
        }
        Element rootfiles = SafeXml.child(root, "rootfiles");
        List<Element> candidates = rootfiles == null ? List.of() : SafeXml.children(rootfiles, "rootfile");
        return candidates.stream()
                .sorted((a, b) -> Boolean.compare(!isOpf(a), !isOpf(b)))
                .map(e -> EpubPaths.resolve("", e.getAttribute("full-path")))
                .filter(p -> p != null).findFirst()
                .orElseThrow(() -> new BookException("EPUB " + CONTAINER + " names no package document"));
    }

    private static boolean isOpf(Element rootfile) {
        return rootfile.getAttribute("media-type").equals("application/oebps-package+xml");
    }

    @Override
    public BookFormat format() {
        return BookFormat.EPUB;
    }

    @Override
    public boolean pagesAreImages() {
        return images != null;
    }

    /** Image pages for an image-only EPUB, else spine items. */
    @Override
    public int pageCount() {
        return images != null ? images.size() : opf.spine().size();
    }

    @Override
    public PageData page(int number) throws BookException {
        int index = Books.pageIndex(number, pageCount());
        if (images == null) {
            throw new BookException("EPUB text pages are not images");
        }
        String name = images.get(index);
        return Images.page(zip.read(name, limits.maxEntryBytes()), "page " + number + " (" + name + ")");
    }

    @Override
    public Optional<StoredPage> storedPage(int number) throws BookException {
        int index = Books.pageIndex(number, pageCount());
        return images == null ? Optional.empty() : zip.stored(images.get(index), limits.maxEntryBytes());
    }

    /** The OPF's cover image; for an image-only EPUB without one, page 1. */
    @Override
    public Optional<PageData> cover() throws BookException {
        OpfPackage.Item cover = opf.cover();
        if (cover != null && zip.contains(cover.path())) {
            byte[] bytes = zip.read(cover.path(), limits.maxEntryBytes());
            if (Images.sniff(bytes) != null) {
                return Optional.of(Images.page(bytes, "cover"));
            }
        }
        return images != null ? Optional.of(page(1)) : Optional.empty();
    }

    @Override
    public BookMetadata metadata() {
        return opf.metadata();
    }

    @Override
    public void close() {
        zip.close();
    }
}
