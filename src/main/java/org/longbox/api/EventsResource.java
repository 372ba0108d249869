package org.longbox.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.longbox.http.Callers;
import org.longbox.http.CredentialCheck;
import org.longbox.user.Caller;

/**
 * Stump's {@code /sse}: a Server-Sent Events stream of JSON events tagged by {@code __typename}
 * (JobStarted, JobUpdate with progress, JobOutput, CreatedMedia, CreatedManySeries,
 * CreatedOrUpdatedManyMedia). Unlike Stump's it needs a signed-in user, any one, and each hears only
 * of what they may see (job events: the owner); see {@link EventStreams}.
 */
@Path("/sse")
@Tag(name = "events")
public final class EventsResource {
    private final EventStreams streams;
    private final CredentialCheck credentials;

    @Context
    private HttpServletRequest request;

    public EventsResource(EventStreams streams, CredentialCheck credentials) {
        this.streams = streams;
        this.credentials = credentials;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server events", description = "One JSON object per event, tagged by __typename: only events "
            + "about what you may see (a library hidden from you, or a book beyond your age restriction, is never mentioned; "
            + "job events go to the owner). The stream ends within seconds of a logout, a lock or a deletion. At most "
            + "STUMP_MAX_EVENT_STREAMS streams are open at once (503 beyond).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @ApiResponse(responseCode = "503", description = "Too many event streams are open")
    public void stream(@Context SseEventSink sink, @Context Sse sse, @Context SecurityContext sc) {
        Caller caller = Callers.of(sc);
        streams.open(sink, sse, caller, credentials.of(request, caller));
    }
}
