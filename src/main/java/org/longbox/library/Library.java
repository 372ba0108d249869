package org.longbox.library;

/** A library as the server sees one. */
public record Library(String id, String name, String description, String emoji, String path, FileStatus status,
                      long createdAt, long updatedAt, Long lastScannedAt, LibraryConfig config) {
}
