package org.longbox.media;

import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** ComicInfo.xml (schemas 2.0 and 2.1) to {@link BookMetadata}. */
final class ComicInfo {
    private static final String LIST = ",";

    private ComicInfo() {
    }

    /** Never fails: XML that is malformed, has a DOCTYPE or is not a ComicInfo gives EMPTY. */
    static BookMetadata parse(byte[] xml) {
        Element root;
        try {
            root = SafeXml.parseStrict(xml).getDocumentElement();
        } catch (BookException e) {
            return BookMetadata.EMPTY;
        }
        if (!"ComicInfo".equals(root.getLocalName())) {
            return BookMetadata.EMPTY;
        }
        MetadataBuilder m = new MetadataBuilder();
        m.title = text(root, "Title");
        m.series = text(root, "Series");
        m.number = MetadataBuilder.parseNumber(text(root, "Number"));
        m.volume = positive(text(root, "Volume"));
        m.summary = text(root, "Summary");
        m.notes = text(root, "Notes");
        String age = text(root, "AgeRating");
        m.ageRating = "Unknown".equalsIgnoreCase(age) ? null : age;
        m.year = positive(text(root, "Year"));
        if (m.year != null) {
            m.month = inRange(text(root, "Month"), 12);
            m.day = m.month == null ? null : inRange(text(root, "Day"), 31);
        }
        m.publisher = text(root, "Publisher");
        m.language = text(root, "LanguageISO");
        MetadataBuilder.addSplit(m.writers, text(root, "Writer"), LIST);
        MetadataBuilder.addSplit(m.pencillers, text(root, "Penciller"), LIST);
        MetadataBuilder.addSplit(m.inkers, text(root, "Inker"), LIST);
        MetadataBuilder.addSplit(m.colorists, text(root, "Colorist"), LIST);
        MetadataBuilder.addSplit(m.letterers, text(root, "Letterer"), LIST);
        MetadataBuilder.addSplit(m.coverArtists, text(root, "CoverArtist"), LIST);
        MetadataBuilder.addSplit(m.editors, text(root, "Editor"), LIST);
        MetadataBuilder.addSplit(m.genres, text(root, "Genre"), LIST);
        MetadataBuilder.addSplit(m.characters, text(root, "Characters"), LIST);
        MetadataBuilder.addSplit(m.teams, text(root, "Teams"), LIST);
        // 2.0 says nothing about several links; taggers separate them with commas or spaces
        MetadataBuilder.addSplit(m.links, text(root, "Web"), "[,\\s]+");
        m.pageCount = positive(text(root, "PageCount"));
        return m.build();
    }

    private static String text(Node root, String name) {
        List<Element> found = SafeXml.children(root, name);
        return found.isEmpty() ? null : SafeXml.text(found.get(0));
    }

    /** ComicInfo writes -1 (and taggers 0) for "unknown". */
    private static Integer positive(String value) {
        Integer i = MetadataBuilder.parseInt(value);
        return i != null && i > 0 ? i : null;
    }

    private static Integer inRange(String value, int max) {
        Integer i = positive(value);
        return i != null && i <= max ? i : null;
    }
}
