package org.longbox.media;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Tells an image-only EPUB (a fixed-layout comic or manga: every spine item is an image, or an
 * XHTML/SVG page holding one image and next to no text) from a text EPUB, and finds the images.
 */
final class EpubLayout {
    /** Text a page may carry besides its image (alt text, hidden captions) and still count as an image page. */
    private static final int MAX_PAGE_TEXT = 200;
    private static final Set<String> SKIPPED = Set.of("head", "title", "style", "script");

    private EpubLayout() {
    }

    /** The page images in spine order, or empty for a text EPUB. Stops at the first text page. */
    static Optional<List<String>> imagePages(ZipArchive zip, List<OpfPackage.Item> spine, MediaLimits limits) {
        List<String> pages = new ArrayList<>();
        for (OpfPackage.Item item : spine) {
            String image = item.isImage() ? item.path() : singleImage(zip, item, limits);
            if (image == null || !zip.contains(image) || !EntryNames.isPage(image)) {
                return Optional.empty();
            }
            pages.add(image);
        }
        return pages.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(pages));
    }

    private static String singleImage(ZipArchive zip, OpfPackage.Item item, MediaLimits limits) {
        if (!item.mediaType().equals("application/xhtml+xml") && !item.mediaType().equals("image/svg+xml")
                && !item.mediaType().equals("text/html")) {
            return null;
        }
        Element root;
        try {
            root = SafeXml.parseTolerant(zip.read(item.path(), limits.maxXmlBytes())).getDocumentElement();
        } catch (BookException e) {
            return null;
        }
        Set<String> images = new LinkedHashSet<>();
        int text = scan(root, EpubPaths.folder(item.path()), images);
        return images.size() == 1 && text <= MAX_PAGE_TEXT ? images.iterator().next() : null;
    }

    /** Collects the images the page shows; returns how many non-blank characters of text it has. */
    private static int scan(Node node, String folder, Set<String> images) {
        int text = 0;
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                String name = e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
                if (SKIPPED.contains(name)) {
                    continue;
                }
                if (name.equals("img")) {
                    images.add(String.valueOf(EpubPaths.resolve(folder, e.getAttribute("src"))));
                } else if (name.equals("image")) {
                    String href = e.getAttributeNS("http://www.w3.org/1999/xlink", "href");
                    images.add(String.valueOf(EpubPaths.resolve(folder, href.isEmpty() ? e.getAttribute("href") : href)));
                }
                text += scan(e, folder, images);
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                text += (int) n.getNodeValue().codePoints().filter(c -> !Character.isWhitespace(c)).count();
            }
        }
        return text;
    }
}
