package org.longbox.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.longbox.server.web.PublicUrl;

import java.util.List;
import java.util.Map;

/**
 * The Authentication for OPDS 1.0 document: how a reading app may log in (HTTP Basic). Public at
 * {@code /opds/v2.0/auth} and sent as the body of every 401 under {@code /opds/v2.0}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthenticationDocument(String id, String title, String description, List<Link> links,
                                     List<Flow> authentication) {
    public static final String MEDIA_TYPE = "application/opds-authentication+json";
    public static final String REL = "http://opds-spec.org/auth/document";
    public static final String PATH = "/opds/v2.0/auth";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Link(String rel, String href, String type) {
    }

    public record Flow(String type, Map<String, String> labels) {
    }

    public static AuthenticationDocument of(PublicUrl url) {
        return of(url.absolute(PATH), url.absolute("/opds/v2.0/catalog"));
    }

    /** The document at {@code self}, whose start link is {@code catalog} (both keep an API key in the path). */
    public static AuthenticationDocument of(String self, String catalog) {
        return new AuthenticationDocument(
                self,
                "Longbox",
                "Enter your username and password to authenticate.",
                List.of(new Link("start", catalog, "application/opds+json")),
                List.of(new Flow("http://opds-spec.org/auth/basic", Map.of("login", "Username", "password", "Password"))));
    }
}
