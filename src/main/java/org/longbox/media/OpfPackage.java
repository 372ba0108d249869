package org.longbox.media;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.w3c.dom.Element;

/** An EPUB's package document (OPF, EPUB 2 and 3): manifest, spine, cover and metadata. */
record OpfPackage(BookMetadata metadata, List<Item> spine, Item cover) {
    /** A manifest item; {@code path} is the archive entry it names, null when outside the book. */
    record Item(String id, String path, String mediaType, Set<String> properties) {
        boolean isImage() {
            return mediaType.startsWith("image/") && !mediaType.equals("image/svg+xml");
        }
    }

    static final String OPF_NS = "http://www.idpf.org/2007/opf";

    static OpfPackage parse(byte[] xml, String opfEntry) throws BookException {
        Element root;
        try {
            root = SafeXml.parseTolerant(xml).getDocumentElement();
        } catch (BookException e) {
            throw new BookException("EPUB package document (" + opfEntry + ") is " + e.getMessage());
        }
        if (!"package".equals(root.getLocalName())) {
            throw new BookException("EPUB package document (" + opfEntry + ") has no <package>");
        }
        String folder = EpubPaths.folder(opfEntry);
        Map<String, Item> manifest = new LinkedHashMap<>();
        Element manifestElement = SafeXml.child(root, "manifest");
        if (manifestElement != null) {
            for (Element e : SafeXml.children(manifestElement, "item")) {
                String id = e.getAttribute("id");
                manifest.putIfAbsent(id, new Item(id, EpubPaths.resolve(folder, e.getAttribute("href")),
                        e.getAttribute("media-type").strip().toLowerCase(Locale.ROOT),
                        Arrays.stream(e.getAttribute("properties").split("\\s+")).filter(s -> !s.isEmpty())
                                .collect(Collectors.toSet())));
            }
        }
        Element spineElement = SafeXml.child(root, "spine");
        List<Item> spine = spineElement == null ? List.of()
                : SafeXml.children(spineElement, "itemref").stream().map(e -> manifest.get(e.getAttribute("idref")))
                        .filter(i -> i != null && i.path() != null).toList();
        Element metadataElement = SafeXml.child(root, "metadata");
        BookMetadata metadata = metadataElement == null ? BookMetadata.EMPTY : OpfMetadata.parse(metadataElement);
        return new OpfPackage(metadata, spine, cover(root, metadataElement, manifest, folder));
    }

    /** EPUB 3's cover-image property, else EPUB 2's {@code <meta name="cover">}, else the guide's cover. */
    private static Item cover(Element root, Element metadata, Map<String, Item> manifest, String folder) {
        for (Item i : manifest.values()) {
            if (i.properties().contains("cover-image") && i.path() != null) {
                return i;
            }
        }
        if (metadata != null) {
            for (Element meta : SafeXml.children(metadata, "meta")) {
                if ("cover".equals(meta.getAttribute("name"))) {
                    String ref = meta.getAttribute("content");
                    Item byId = manifest.get(ref);
                    if (byId != null && byId.path() != null && byId.isImage()) {
                        return byId;
                    }
                }
            }
        }
        Element guide = SafeXml.child(root, "guide");
        if (guide != null) {
            Map<String, Item> byPath = new HashMap<>();
            manifest.values().stream().filter(i -> i.path() != null).forEach(i -> byPath.putIfAbsent(i.path(), i));
            for (Element ref : SafeXml.children(guide, "reference")) {
                Item item = byPath.get(EpubPaths.resolve(folder, ref.getAttribute("href")));
                if (ref.getAttribute("type").equalsIgnoreCase("cover") && item != null && item.isImage()) {
                    return item;
                }
            }
        }
        return null;
    }
}
