package org.longbox.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.longbox.http.RequiresPermission;
import org.longbox.server.Events;
import org.longbox.server.Json;
import org.longbox.user.Permission;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Stump's {@code /sse}: a Server-Sent Events stream of JSON events tagged by {@code __typename}
 * (JobStarted, JobUpdate with progress, JobOutput, CreatedMedia, CreatedManySeries,
 * CreatedOrUpdatedManyMedia). Unlike Stump it needs authentication: it is for those who scan
 * libraries (library:scan, or the owner).
 */
@Path("/sse")
@Tag(name = "events")
@RequiresPermission(Permission.LIBRARY_SCAN)
public final class EventsResource {
    private final Events events;

    public EventsResource(Events events) {
        this.events = events;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server events", description = "One JSON object per event, tagged by __typename.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        AtomicReference<Runnable> unsubscribe = new AtomicReference<>();
        Runnable stop = () -> {
            Runnable u = unsubscribe.get();
            if (u != null) {
                u.run();
            }
        };
        unsubscribe.set(events.subscribe(event -> {
            if (sink.isClosed()) {
                stop.run();
                return;
            }
            try {
                sink.send(sse.newEventBuilder().data(Json.MAPPER.writeValueAsString(event)).build())
                        .exceptionally(e -> {
                            stop.run();
                            sink.close();
                            return null;
                        });
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }));
        // A comment line right away, so clients and proxies see the stream open.
        sink.send(sse.newEventBuilder().comment("connected").build());
    }
}
