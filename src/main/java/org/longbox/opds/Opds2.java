package org.longbox.opds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The OPDS 2.0 documents Longbox writes, as typed values. OPDS 2 names are camelCase, unlike the
 * REST API's, so they have a mapper of their own.
 */
public final class Opds2 {
    public static final String FEED = "application/opds+json";
    public static final String PUBLICATION = "application/opds-publication+json";
    public static final String PROGRESSION = "application/vnd.readium.progression+json";
    public static final String PROGRESSION_REL = "http://www.cantook.com/api/progression";

    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private Opds2() {
    }

    public static String write(Object document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Link(String href, String type, String rel, String title, Boolean templated, Integer width, Integer height,
                       Map<String, Object> properties) {
        public static Link of(String rel, String href, String type) {
            return new Link(href, type, rel, null, null, null, null, null);
        }

        public static Link nav(String href, String title, String type) {
            return new Link(href, type, null, title, null, null, null, null);
        }

        public Link withProperties(Map<String, Object> properties) {
            return new Link(href, type, rel, title, templated, width, height, properties);
        }
    }

    /** The {@code authenticate} link property: the authentication document that applies to the link. */
    public record Authenticate(String href, String type) {
    }

    public record Metadata(String title, Integer numberOfItems, Integer itemsPerPage, Integer currentPage, Instant modified) {
        public static Metadata titled(String title) {
            return new Metadata(title, null, null, null, null);
        }
    }

    public record Group(Metadata metadata, List<Link> links, List<Link> navigation, List<Publication> publications) {
    }

    public record Feed(Metadata metadata, List<Link> links, List<Link> navigation, List<Publication> publications,
                       List<Group> groups) {
    }

    public record Contributor(String name) {
    }

    public record SeriesRef(String name, Double position) {
    }

    public record BelongsTo(List<SeriesRef> series) {
    }

    public record PublicationMetadata(@JsonProperty("@type") String type, String identifier, String title,
                                      List<Contributor> author, String language, String description, String published,
                                      Instant modified, Integer numberOfPages, BelongsTo belongsTo) {
    }

    public record Publication(PublicationMetadata metadata, List<Link> links, List<Link> images, List<Link> readingOrder) {
    }
}
