package org.longbox.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stump's server events (JobStarted, JobUpdate, CreatedMedia, ...), each a JSON object tagged by
 * {@code __typename}. Subscribers (the /sse stream) must not block: they are called on the thread
 * that publishes.
 */
public final class Events {
    private static final Logger LOG = Logger.getLogger(Events.class.getName());
    private final List<Consumer<Map<String, Object>>> subscribers = new CopyOnWriteArrayList<>();

    public Runnable subscribe(Consumer<Map<String, Object>> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Publishes {@code {"__typename": type, ...fields}}. */
    public void publish(String type, Map<String, Object> fields) {
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("__typename", type);
        event.putAll(fields);
        for (Consumer<Map<String, Object>> s : subscribers) {
            try {
                s.accept(event);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "An event subscriber failed", e);
            }
        }
    }
}
