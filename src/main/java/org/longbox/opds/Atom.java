package org.longbox.opds;

import java.time.Instant;
import java.util.List;

/** The OPDS 1.2 (Atom) documents Longbox writes, as typed values; {@link AtomWriter} turns them into XML. */
public final class Atom {
    public static final String NAVIGATION = "application/atom+xml;profile=opds-catalog;kind=navigation";
    public static final String ACQUISITION = "application/atom+xml;profile=opds-catalog;kind=acquisition";
    public static final String OPENSEARCH = "application/opensearchdescription+xml";
    public static final String PSE_STREAM = "http://vaemendis.net/opds-pse/stream";
    public static final String REL_ACQUISITION = "http://opds-spec.org/acquisition";
    public static final String REL_IMAGE = "http://opds-spec.org/image";
    public static final String REL_THUMBNAIL = "http://opds-spec.org/image/thumbnail";

    private Atom() {
    }

    /**
     * A link. {@code pseCount} and the last-read pair are the Page Streaming Extension's
     * attributes, only on the stream link.
     */
    public record Link(String rel, String href, String type, String title, Integer pseCount, Integer pseLastRead,
                       Instant pseLastReadDate) {
        public static Link of(String rel, String href, String type) {
            return new Link(rel, href, type, null, null, null, null);
        }

        public static Link titled(String rel, String href, String type, String title) {
            return new Link(rel, href, type, title, null, null, null);
        }
    }

    /** An entry: a library, a series or a book. Text fields are plain text (escaped when written). */
    public record Entry(String id, String title, Instant updated, List<String> authors, String summary, String language,
                        String issued, List<Link> links) {
    }

    /** Paging figures for OpenSearch elements: total results, items per page, 1-based start index. */
    public record Paging(long totalResults, int itemsPerPage, long startIndex) {
    }

    public record Feed(String id, String title, Instant updated, List<Link> links, List<Entry> entries, Paging paging) {
    }
}
