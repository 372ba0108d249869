package org.longbox.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.lang.annotation.Annotation;

/** Gives every 401 that JAX-RS produces the headers (and, under /opds/v2.0, the body) of {@link AuthChallenge}. */
public final class UnauthorizedResponseFilter implements ContainerResponseFilter {
    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 401) {
            return;
        }
        AuthenticationDocument document = AuthChallenge.addHeaders(servletRequest, response.getHeaders()::add);
        if (document != null) {
            response.setEntity(document, new Annotation[0], MediaType.valueOf(AuthenticationDocument.MEDIA_TYPE));
        }
    }
}
