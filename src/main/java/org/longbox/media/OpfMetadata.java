package org.longbox.media;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * The OPF {@code <metadata>} to {@link BookMetadata}: Dublin Core elements, EPUB 3 {@code meta}
 * refinements (creator roles, belongs-to-collection series) and Calibre's series metas.
 */
final class OpfMetadata {
    private static final Pattern BLOCK_TAG = Pattern.compile("(?i)<\\s*(br|/p|/div|/li|/h[1-6])\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", " ");

    private OpfMetadata() {
    }

    static BookMetadata parse(Element metadata) {
        // EPUB 3: <meta refines="#id" property="p">value</meta>, by id then property
        Map<String, Map<String, String>> refines = new HashMap<>();
        for (Element meta : SafeXml.children(metadata, "meta")) {
            String target = meta.getAttribute("refines");
            String value = SafeXml.text(meta);
            if (target.startsWith("#") && value != null) {
                refines.computeIfAbsent(target.substring(1), k -> new HashMap<>())
                        .putIfAbsent(meta.getAttribute("property"), value);
            }
        }
        MetadataBuilder m = new MetadataBuilder();
        m.title = first(metadata, "title");
        m.language = first(metadata, "language");
        m.publisher = first(metadata, "publisher");
        m.summary = plainText(first(metadata, "description"));
        m.date(publicationDate(metadata));
        for (Element subject : SafeXml.children(metadata, "subject")) {
            MetadataBuilder.addSplit(m.genres, SafeXml.text(subject), ",");
        }
        for (String element : List.of("creator", "contributor")) {
            for (Element person : SafeXml.children(metadata, element)) {
                String role = person.getAttributeNS(OpfPackage.OPF_NS, "role");
                if (role.isEmpty()) {
                    role = refines.getOrDefault(person.getAttribute("id"), Map.of()).getOrDefault("role", "");
                }
                List<String> target = roleList(m, role.strip(), element.equals("creator"));
                if (target != null) {
                    MetadataBuilder.addSplit(target, SafeXml.text(person), "\n");
                }
            }
        }
        series(metadata, refines, m);
        for (Element meta : SafeXml.children(metadata, "meta")) {
            String key = meta.hasAttribute("property") ? meta.getAttribute("property") : meta.getAttribute("name");
            if (m.ageRating == null && (key.endsWith("contentRating") || key.endsWith("typicalAgeRange"))) {
                m.ageRating = metaValue(meta);
            }
        }
        return m.build();
    }

    /** MARC relator codes; a creator without a role is taken as the author. */
    private static List<String> roleList(MetadataBuilder m, String role, boolean creator) {
        return switch (role) {
            case "aut" -> m.writers;
            case "" -> creator ? m.writers : null;
            case "edt" -> m.editors;
            case "ill", "art" -> m.pencillers;
            case "clr" -> m.colorists;
            case "cov" -> m.coverArtists;
            default -> null;
        };
    }

    private static void series(Element metadata, Map<String, Map<String, String>> refines, MetadataBuilder m) {
        for (Element meta : SafeXml.children(metadata, "meta")) {
            if ("belongs-to-collection".equals(meta.getAttribute("property")) && !meta.hasAttribute("refines")) {
                Map<String, String> refined = refines.getOrDefault(meta.getAttribute("id"), Map.of());
                String type = refined.get("collection-type");
                if (type == null || type.equals("series")) {
                    m.series = SafeXml.text(meta);
                    m.number = MetadataBuilder.parseNumber(refined.get("group-position"));
                    if (type != null) {
                        return;
                    }
                }
            }
        }
        if (m.series != null) {
            return;
        }
        for (Element meta : SafeXml.children(metadata, "meta")) {
            switch (meta.getAttribute("name")) {
                case "calibre:series" -> m.series = metaValue(meta);
                case "calibre:series_index" -> m.number = MetadataBuilder.parseNumber(metaValue(meta));
                default -> {
                }
            }
        }
    }

    private static String publicationDate(Element metadata) {
        String first = null;
        for (Element date : SafeXml.children(metadata, "date")) {
            String event = date.getAttributeNS(OpfPackage.OPF_NS, "event");
            if (event.equals("publication")) {
                return SafeXml.text(date);
            }
            if (first == null && (event.isEmpty() || event.equals("original-publication"))) {
                first = SafeXml.text(date);
            }
        }
        return first;
    }

    private static String first(Element metadata, String dcName) {
        return SafeXml.children(metadata, dcName).stream().map(SafeXml::text).filter(t -> t != null)
                .findFirst().orElse(null);
    }

    /** EPUB 2 metas carry their value in {@code content}, EPUB 3 metas in their text. */
    private static String metaValue(Element meta) {
        String content = meta.getAttribute("content").strip();
        return content.isEmpty() ? SafeXml.text(meta) : content;
    }

    /** A description often holds escaped HTML: to lines of plain text. */
    static String plainText(String html) {
        if (html == null) {
            return null;
        }
        String text = TAG.matcher(BLOCK_TAG.matcher(html).replaceAll("\n")).replaceAll("");
        Matcher entity = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            entity.appendReplacement(out, Matcher.quoteReplacement(entity(entity.group(1), entity.group())));
        }
        entity.appendTail(out);
        String joined = out.toString().lines().map(l -> l.replaceAll("[\\s\\u00A0]+", " ").strip())
                .filter(l -> !l.isEmpty()).reduce((a, b) -> a + "\n" + b).orElse("");
        return joined.isEmpty() ? null : joined;
    }

    private static String entity(String name, String whole) {
        try {
            if (name.startsWith("#x")) {
                return Character.toString(Integer.parseInt(name.substring(2), 16));
            }
            if (name.startsWith("#")) {
                return Character.toString(Integer.parseInt(name.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            return whole;
        }
        return NAMED.getOrDefault(name, whole);
    }
}
