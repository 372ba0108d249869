package org.longbox.library;

import org.longbox.server.errors.ApiException;
import org.longbox.user.Caller;
import org.longbox.user.Viewer;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Who may hear of a server event (the {@code /sse} stream): what it is about must be something
 * the caller may see. Job events go to those who may see jobs (the owner, as {@code /api/v1/jobs});
 * an event about a library to those it is not hidden from; a new book to those who may see the book
 * (its library, and their age restriction). Anything else goes to the owner only.
 */
public final class EventAudience {
    /** How long a library's visibility is trusted for one listener before it is asked again. */
    private static final long LIBRARY_RECHECK_NANOS = 2_000_000_000L;

    private final LibraryService libraries;
    private final MediaService media;

    public EventAudience(LibraryService libraries, MediaService media) {
        this.libraries = libraries;
        this.media = media;
    }

    /**
     * The filter for one listener. It remembers which libraries the caller may see for a couple of
     * seconds, so a scan's many events cost no query each; it is used by one thread at a time.
     */
    public Predicate<Map<String, Object>> of(Caller caller) {
        Viewer viewer = Viewer.of(caller);
        boolean owner = caller.ownerPowers();
        Map<String, Long> visibleUntil = new HashMap<>();
        Predicate<String> library = id -> {
            long now = System.nanoTime();
            Long until = visibleUntil.get(id);
            if (until != null && until - now > 0) {
                return true;
            }
            try {
                libraries.get(viewer, id);
            } catch (ApiException hiddenOrGone) {
                visibleUntil.remove(id);
                return false;
            }
            if (visibleUntil.size() > 1_000) {
                visibleUntil.clear();
            }
            visibleUntil.put(id, now + LIBRARY_RECHECK_NANOS);
            return true;
        };
        return event -> {
            String type = String.valueOf(event.get("__typename"));
            if (type.startsWith("Job")) {
                return owner;
            }
            if (viewer.unrestricted()) {
                return true;
            }
            if (type.equals("CreatedMedia") && event.get("id") instanceof String book) {
                if (viewer.maxAge() == null && event.get("library_id") instanceof String lib) {
                    return library.test(lib); // without an age restriction the library decides
                }
                return media.find(viewer, book).isPresent();
            }
            if (event.get("library_id") instanceof String lib) {
                return library.test(lib);
            }
            return owner;
        };
    }
}
