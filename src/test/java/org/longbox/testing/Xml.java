package org.longbox.testing;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** XPath over OPDS feeds with the usual prefixes: atom, opds, pse, os (OpenSearch), dc. */
public final class Xml {
    private static final Map<String, String> NS = Map.of(
            "atom", "http://www.w3.org/2005/Atom", "opds", "http://opds-spec.org/2010/catalog",
            "pse", "http://vaemendis.net/opds-pse/ns", "os", "http://a9.com/-/spec/opensearch/1.1/",
            "dc", "http://purl.org/dc/terms/");
    private final Document doc;
    private final XPath xpath;

    private Xml(Document doc) {
        this.doc = doc;
        this.xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return NS.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
    }

    public static Xml parse(String text) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new Xml(f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + text);
        }
    }

    public String text(String expression) {
        try {
            return (String) xpath.evaluate(expression, doc, XPathConstants.STRING);
        } catch (Exception e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    public int count(String expression) {
        return nodes(expression).size();
    }

    public List<Element> nodes(String expression) {
        try {
            NodeList list = (NodeList) xpath.evaluate(expression, doc, XPathConstants.NODESET);
            List<Element> out = new ArrayList<>();
            for (int i = 0; i < list.getLength(); i++) {
                out.add((Element) list.item(i));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalArgumentException(expression, e);
        }
    }

    /** Every href in the document. */
    public List<String> hrefs() {
        List<String> out = new ArrayList<>();
        for (Element e : nodes("//*[@href]")) {
            out.add(e.getAttribute("href"));
        }
        return out;
    }
}
