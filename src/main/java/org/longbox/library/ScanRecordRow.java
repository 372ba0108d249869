package org.longbox.library;

/** A row of {@code library_scan_records}: one scan of a library, with the options it ran with (JSON). */
public class ScanRecordRow {
    public String id;
    public String libraryId;
    public String options;
    public long occurredAt;
    public String jobId;

    ScanRecord toRecord() {
        return new ScanRecord(id, libraryId, options, occurredAt, jobId);
    }
}
