package org.longbox.opds;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Writes {@link Atom} values as OPDS 1.2 XML with StAX: escaping is the writer's, never ours. */
final class AtomWriter {
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final String OPDS_NS = "http://opds-spec.org/2010/catalog";
    static final String PSE_NS = "http://vaemendis.net/opds-pse/ns";
    static final String OPENSEARCH_NS = "http://a9.com/-/spec/opensearch/1.1/";
    static final String DC_NS = "http://purl.org/dc/terms/";

    /** The JDK's own factory, made once: newFactory() searches every jar of the webapp on each call. */
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

    private AtomWriter() {
    }

    static String feed(Atom.Feed feed) {
        StringWriter out = new StringWriter(4096);
        try {
            XMLStreamWriter x = XML.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM_NS);
            x.writeNamespace("opds", OPDS_NS);
            x.writeNamespace("pse", PSE_NS);
            x.writeNamespace("opensearch", OPENSEARCH_NS);
            x.writeNamespace("dcterms", DC_NS);
            text(x, "id", feed.id());
            text(x, "title", feed.title());
            text(x, "updated", time(feed.updated()));
            x.writeStartElement("author");
            text(x, "name", "Longbox");
            x.writeEndElement();
            if (feed.paging() != null) {
                textNs(x, "opensearch", OPENSEARCH_NS, "totalResults", Long.toString(feed.paging().totalResults()));
                textNs(x, "opensearch", OPENSEARCH_NS, "itemsPerPage", Integer.toString(feed.paging().itemsPerPage()));
                textNs(x, "opensearch", OPENSEARCH_NS, "startIndex", Long.toString(feed.paging().startIndex()));
            }
            for (Atom.Link l : feed.links()) {
                link(x, l);
            }
            for (Atom.Entry e : feed.entries()) {
                entry(x, e);
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** The OpenSearch description a reading app fetches to learn how to search. */
    static String openSearch(String shortName, String description, String template) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XML.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("OpenSearchDescription");
            x.writeDefaultNamespace(OPENSEARCH_NS);
            text(x, "ShortName", shortName);
            text(x, "Description", description);
            text(x, "InputEncoding", "UTF-8");
            text(x, "OutputEncoding", "UTF-8");
            x.writeEmptyElement("Url");
            x.writeAttribute("type", Atom.ACQUISITION);
            x.writeAttribute("template", template);
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter x, Atom.Entry e) throws XMLStreamException {
        x.writeStartElement("entry");
        text(x, "id", e.id());
        text(x, "title", e.title());
        text(x, "updated", time(e.updated()));
        for (String author : e.authors()) {
            x.writeStartElement("author");
            text(x, "name", author);
            x.writeEndElement();
        }
        if (e.language() != null) {
            textNs(x, "dcterms", DC_NS, "language", e.language());
        }
        if (e.issued() != null) {
            textNs(x, "dcterms", DC_NS, "issued", e.issued());
        }
        if (e.summary() != null) {
            x.writeStartElement("summary");
            x.writeAttribute("type", "text");
            x.writeCharacters(e.summary());
            x.writeEndElement();
        }
        for (Atom.Link l : e.links()) {
            link(x, l);
        }
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, Atom.Link l) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", l.rel());
        x.writeAttribute("href", l.href());
        if (l.type() != null) {
            x.writeAttribute("type", l.type());
        }
        if (l.title() != null) {
            x.writeAttribute("title", l.title());
        }
        if (l.pseCount() != null) {
            x.writeAttribute("pse", PSE_NS, "count", Integer.toString(l.pseCount()));
        }
        if (l.pseLastRead() != null) {
            x.writeAttribute("pse", PSE_NS, "lastRead", Integer.toString(l.pseLastRead()));
            x.writeAttribute("pse", PSE_NS, "lastReadDate", time(l.pseLastReadDate()));
        }
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value == null ? "" : clean(value));
        x.writeEndElement();
    }

    private static void textNs(XMLStreamWriter x, String prefix, String ns, String name, String value) throws XMLStreamException {
        x.writeStartElement(prefix, name, ns);
        x.writeCharacters(clean(value));
        x.writeEndElement();
    }

    /** Drops characters XML 1.0 cannot hold (control characters from odd metadata). */
    private static String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || Character.isSurrogate(c);
            if (!ok) {
                if (sb == null) {
                    sb = new StringBuilder(s.substring(0, i));
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
