package org.longbox.library;

/**
 * One scan of a library, as its history lists it.
 *
 * @param options the options it ran with, as Stump's JSON ({@code {"config":"BuildChanged"}} or a force rebuild)
 */
public record ScanRecord(String id, String libraryId, String options, long occurredAt, String jobId) {
}
