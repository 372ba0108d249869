package org.longbox.library;

/** Told when libraries come and go, so scanning and watching can follow. Called after the commit. */
public interface LibraryListener {
    default void created(Library library, boolean scanNow) {
    }

    default void updated(Library library) {
    }

    /** @param mediaIds the books the library held, gone with it */
    default void deleted(String libraryId, java.util.List<String> mediaIds) {
    }
}
