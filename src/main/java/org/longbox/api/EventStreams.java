package org.longbox.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.longbox.library.EventAudience;
import org.longbox.server.Events;
import org.longbox.server.Json;
import org.longbox.server.errors.ApiException;
import org.longbox.user.Caller;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The listeners of {@code /sse}. Publishing never waits on a listener: each has its own bounded
 * queue, which the thread that publishes (a scan, a job) only offers to, and a listener whose queue
 * is full is dropped rather than slowing anyone down. Events are filtered for each listener by what
 * its caller may see ({@link EventAudience}) and written on a pool, one thread per listener at a
 * time. Every {@link #CHECK_MILLIS} the credential of every listener is asked again: a stream ends
 * within seconds of a logout, an expiry, a lock or a deletion. A comment is written when a stream has
 * been quiet for {@link #KEEP_ALIVE_NANOS}, which finds connections the client has closed. At most
 * {@code maxListeners} streams are open at once; the next one is refused with 503.
 */
public final class EventStreams implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EventStreams.class.getName());
    /** Events a listener may fall behind by before it is dropped. */
    static final int QUEUE = 512;
    static final long CHECK_MILLIS = 2000;
    static final long KEEP_ALIVE_NANOS = 15_000_000_000L;

    private final EventAudience audience;
    private final int maxListeners;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor writers;
    private final ScheduledExecutorService checker;
    private final Runnable unsubscribe;

    public EventStreams(Events events, EventAudience audience, int maxListeners) {
        this.audience = audience;
        this.maxListeners = maxListeners;
        AtomicInteger n = new AtomicInteger();
        // A thread per listener at most, and only while it has something to write.
        this.writers = new ThreadPoolExecutor(0, maxListeners + 1, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "longbox-sse-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "longbox-sse-check");
            t.setDaemon(true);
            return t;
        });
        this.unsubscribe = events.subscribe(this::publish);
        checker.scheduleWithFixedDelay(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** What is queued for a listener: an event (filtered before it is written) or a comment. */
    private record Item(Map<String, Object> event, String text, boolean comment) {
    }

    /**
     * Opens a stream for the caller; {@code recheck} tells later who the request's credential
     * proves then (empty once it no longer does). 503 when {@code maxListeners} streams are open.
     */
    public void open(SseEventSink sink, Sse sse, Caller caller, Supplier<Optional<Caller>> recheck) {
        Listener listener = new Listener(sink, sse, recheck, audience.of(caller));
        synchronized (listeners) {
            if (listeners.size() >= maxListeners) {
                throw ApiException.busy("Too many event streams are open (" + maxListeners + "); try again later", 10);
            }
            listeners.add(listener);
        }
        // A comment line right away, so clients and proxies see the stream open.
        listener.offer(new Item(null, "connected", true));
    }

    /** How many streams are open. */
    int open() {
        return listeners.size();
    }

    private void publish(Map<String, Object> event) {
        if (listeners.isEmpty()) {
            return;
        }
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            LOG.log(Level.WARNING, "An event could not be written as JSON", e);
            return;
        }
        Item item = new Item(event, json, false);
        for (Listener l : listeners) {
            l.offer(item);
        }
    }

    private void check() {
        long now = System.nanoTime();
        for (Listener l : listeners) {
            try {
                Optional<Caller> caller = l.recheck.get();
                if (caller.isEmpty()) {
                    l.close("its credential no longer authenticates");
                    continue;
                }
                l.filter = audience.of(caller.get()); // permissions, restrictions or hidden libraries may have changed
                if (now - l.lastWrite > KEEP_ALIVE_NANOS) {
                    l.offer(new Item(null, "keep-alive", true));
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Checking an event stream failed; it is closed", e);
                l.close("checking it failed");
            }
        }
    }

    @Override
    public void close() {
        unsubscribe.run();
        checker.shutdownNow();
        for (Listener l : listeners) {
            l.close("the server is stopping");
        }
        writers.shutdown();
        try {
            if (!writers.awaitTermination(5, TimeUnit.SECONDS)) {
                writers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Listener {
        final SseEventSink sink;
        final Sse sse;
        final Supplier<Optional<Caller>> recheck;
        final ArrayBlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE);
        final AtomicBoolean writing = new AtomicBoolean();
        final AtomicBoolean closed = new AtomicBoolean();
        volatile Predicate<Map<String, Object>> filter;
        volatile long lastWrite = System.nanoTime();

        Listener(SseEventSink sink, Sse sse, Supplier<Optional<Caller>> recheck, Predicate<Map<String, Object>> filter) {
            this.sink = sink;
            this.sse = sse;
            this.recheck = recheck;
            this.filter = filter;
        }

        void offer(Item item) {
            if (closed.get()) {
                return;
            }
            if (!queue.offer(item)) {
                close("it fell " + QUEUE + " events behind");
                return;
            }
            schedule();
        }

        private void schedule() {
            if (writing.compareAndSet(false, true)) {
                try {
                    writers.execute(this::drain);
                } catch (RejectedExecutionException stopping) {
                    writing.set(false);
                }
            }
        }

        private void drain() {
            try {
                Item item;
                while (!closed.get() && (item = queue.poll()) != null) {
                    if (item.comment() || filter.test(item.event())) {
                        write(item);
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Writing to an event stream failed; it is closed", e);
                close("writing to it failed");
            } finally {
                writing.set(false);
            }
            if (!queue.isEmpty() && !closed.get()) {
                schedule();
            }
        }

        private void write(Item item) {
            if (sink.isClosed()) {
                close("the client closed it");
                return;
            }
            OutboundSseEvent event = item.comment() ? sse.newEventBuilder().comment(item.text()).build()
                    : sse.newEventBuilder().data(item.text()).build();
            // Jersey writes on this thread and reports a broken connection through the stage.
            sink.send(event).toCompletableFuture().join();
            lastWrite = System.nanoTime();
        }

        void close(String why) {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            listeners.remove(this);
            queue.clear();
            LOG.fine(() -> "Event stream closed: " + why);
            // Closing may wait for a write that is stuck on a client that stopped reading: never here.
            try {
                writers.execute(this::closeSink);
            } catch (RejectedExecutionException stopping) {
                closeSink();
            }
        }

        private void closeSink() {
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Closing an event stream failed", e);
            }
        }
    }
}
