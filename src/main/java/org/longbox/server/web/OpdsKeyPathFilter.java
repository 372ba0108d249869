package org.longbox.server.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;

/**
 * Serves {@code /opds/{api_key}/v1.2/...} with the resources of {@code /opds/v1.2/...}: the key was
 * already checked by the auth filter, so here it is only cut out of the path before matching.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class OpdsKeyPathFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath(false);
        String stripped = RequestPaths.withoutOpdsKey(path);
        if (!stripped.equals(path)) {
            UriBuilder b = request.getUriInfo().getBaseUriBuilder().path(stripped.substring(1));
            String query = request.getUriInfo().getRequestUri().getRawQuery();
            if (query != null) {
                b.replaceQuery(query);
            }
            request.setRequestUri(request.getUriInfo().getBaseUri(), b.build());
        }
    }
}
