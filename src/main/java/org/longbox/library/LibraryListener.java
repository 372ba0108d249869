package org.longbox.library;

import java.util.List;

/** Told when libraries come and go, so scanning and watching can follow. Called after the commit. */
public interface LibraryListener {
    default void created(Library library, boolean scanNow) {
    }

    default void updated(Library library) {
    }

    /** @param held the library's id and the series and books it held, gone with it */
    default void deleted(LibraryContents held) {
    }

    /** @param removedIds the books and series a clean removed (books gone from disk, series left empty) */
    default void cleaned(List<String> removedIds) {
    }
}
