package org.longbox.opds;

import org.longbox.http.AuthenticationDocument;
import org.longbox.library.Media;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A book as an OPDS 2 publication (Readium Web Publication Manifest with OPDS links). */
final class Opds2Publications {
    private Opds2Publications() {
    }

    /** @param withReadingOrder list every page (the single publication document only; feeds stay small) */
    static Opds2.Publication of(Media m, OpdsReader r, boolean withReadingOrder) {
        OpdsUrls u = r.urls();
        String self = u.to("/books/" + m.id());
        List<Opds2.Contributor> authors = OpdsBooks.authors(m).stream().map(Opds2.Contributor::new).toList();
        Opds2.BelongsTo belongsTo = m.metadata().series() == null ? null
                : new Opds2.BelongsTo(List.of(new Opds2.SeriesRef(m.metadata().series(), m.metadata().number())));
        Opds2.PublicationMetadata meta = new Opds2.PublicationMetadata(
                m.pagesAreImages() && !m.isEpub() && !m.isPdf() ? "http://schema.org/ComicIssue"
                        : "http://schema.org/Book",
                "urn:uuid:" + m.id(), OpdsBooks.title(m), authors.isEmpty() ? null : authors, OpdsBooks.language(m), m.metadata().summary(),
                OpdsBooks.fullDate(m), Instant.ofEpochMilli(m.updatedAt()), m.pages() > 0 ? m.pages() : null, belongsTo);
        // Links that need credentials say which authentication document applies (Cantook and Aldiko look for it)
        Map<String, Object> authenticate = Map.of("authenticate", new Opds2.Authenticate(u.to("/auth"), AuthenticationDocument.MEDIA_TYPE));
        List<Opds2.Link> links = new ArrayList<>();
        links.add(Opds2.Link.of("self", self, Opds2.PUBLICATION));
        if (r.canDownload()) {
            links.add(Opds2.Link.of("http://opds-spec.org/acquisition", u.to("/books/" + m.id() + "/file"), OpdsBooks.mediaType(m))
                    .withProperties(authenticate));
        } else {
            // No download for this reader; the publication itself (its pages) is what they may open.
            links.add(Opds2.Link.of("preview", self, Opds2.PUBLICATION));
        }
        links.add(Opds2.Link.of(Opds2.PROGRESSION_REL, u.to("/books/" + m.id() + "/progression"), Opds2.PROGRESSION)
                .withProperties(authenticate));
        List<Opds2.Link> images = List.of(Opds2.Link.of("http://opds-spec.org/image/thumbnail",
                u.to("/books/" + m.id() + "/thumbnail"), "image/jpeg"));
        List<Opds2.Link> readingOrder = null;
        if (withReadingOrder && OpdsBooks.streamable(m)) {
            readingOrder = new ArrayList<>(m.pages());
            for (int i = 1; i <= m.pages(); i++) {
                readingOrder.add(Opds2.Link.of(null, u.to("/books/" + m.id() + "/pages/" + i), OpdsBooks.pageType(m, i)));
            }
        }
        return new Opds2.Publication(meta, links, m.readable() ? images : null, readingOrder);
    }
}
