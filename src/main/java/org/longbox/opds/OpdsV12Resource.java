package org.longbox.opds;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.longbox.server.web.PublicUrl;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** OPDS 1.2 (Atom). For now the root navigation feed; browsing arrives with libraries. */
@Path("/opds/v1.2")
@Tag(name = "opds")
@SecurityRequirement(name = "basic")
public final class OpdsV12Resource {
    public static final String NAVIGATION = "application/atom+xml;profile=opds-catalog;kind=navigation";
    static final String ATOM = "http://www.w3.org/2005/Atom";

    /** The JDK's own factory, made once: newFactory() searches every jar of the webapp on each call. */
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();
    private final Instant updated;

    @Context
    private HttpServletRequest request;

    /** @param updated when the catalog last changed; until there is content, when the server started */
    public OpdsV12Resource(Instant updated) {
        this.updated = updated;
    }

    @GET
    @Path("catalog")
    @Produces(NAVIGATION)
    @Operation(summary = "OPDS 1.2 root catalog", description = "HTTP Basic, a session cookie, a bearer token, or an API key in the path (`/opds/{api_key}/v1.2/catalog`).")
    public Response catalog() {
        PublicUrl url = PublicUrl.of(request);
        String base = OpdsLinks.base(request, "1.2");
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XML.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM);
            x.writeNamespace("opds", "http://opds-spec.org/2010/catalog");
            element(x, "id", "urn:longbox:opds:v1.2:catalog");
            element(x, "title", "Longbox");
            element(x, "updated", DateTimeFormatter.ISO_INSTANT.format(updated));
            x.writeStartElement("author");
            element(x, "name", "Longbox");
            x.writeEndElement();
            link(x, "self", url.absolute(base + "/catalog"), NAVIGATION);
            link(x, "start", url.absolute(base + "/catalog"), NAVIGATION);
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        // Set as text so the parameters keep the order OPDS documents use (MediaType would reorder them).
        return Response.ok(out.toString()).header("Content-Type", NAVIGATION + ";charset=utf-8").build();
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        x.writeAttribute("type", type);
    }
}
