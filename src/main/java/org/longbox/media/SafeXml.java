package org.longbox.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML from inside books, parsed so it can never reach outside: no external entities, no external
 * DTD or schema, no XInclude, entity expansion capped by the JDK's secure processing limits. The
 * JDK's own parser is used whatever else is on the class path, so the features below exist.
 */
final class SafeXml {
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private static final DocumentBuilderFactory STRICT = factory(true);
    private static final DocumentBuilderFactory TOLERANT = factory(false);

    private SafeXml() {
    }

    /** For ComicInfo.xml: a DOCTYPE is refused outright (the schema has none). */
    static Document parseStrict(byte[] xml) throws BookException {
        return parse(xml, true);
    }

    /**
     * For EPUB files, whose XHTML often carries a DOCTYPE: it is accepted but nothing it names is
     * loaded, so external entities resolve to nothing.
     */
    static Document parseTolerant(byte[] xml) throws BookException {
        return parse(xml, false);
    }

    private static Document parse(byte[] xml, boolean refuseDoctype) throws BookException {
        DocumentBuilder builder;
        DocumentBuilderFactory factory = refuseDoctype ? STRICT : TOLERANT;
        try {
            // a factory is not promised to be thread-safe; making builders from it is cheap, configuring it is not
            synchronized (factory) {
                builder = factory.newDocumentBuilder();
            }
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
        builder.setErrorHandler(SILENT);
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new BookException("not well-formed XML: " + e.getMessage());
        }
    }

    private static DocumentBuilderFactory factory(boolean refuseDoctype) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", refuseDoctype);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
    }

    /** Child elements of {@code parent} with this local name, in document order, any namespace. */
    static List<Element> children(Node parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    static Element child(Node parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Trimmed text, null when absent or blank. */
    static String text(Node node) {
        if (node == null) {
            return null;
        }
        String t = node.getTextContent();
        return t == null || t.isBlank() ? null : t.strip();
    }
}
