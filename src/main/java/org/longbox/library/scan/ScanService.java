package org.longbox.library.scan;

import org.longbox.library.Library;
import org.longbox.library.LibraryListener;
import org.longbox.library.LibraryMapper;
import org.longbox.library.ScanRecordRow;
import org.longbox.library.jobs.JobService;
import org.longbox.server.database.Database;

import java.time.Clock;
import java.util.UUID;

/**
 * Queues library scans as jobs: one at a time per library (asking again while one is queued or
 * running returns that job), each recorded in the library's scan history when it ends.
 */
public final class ScanService implements LibraryListener {
    public static final String JOB_NAME = "LibraryScan";

    private final Database db;
    private final Clock clock;
    private final JobService jobs;
    private final LibraryScanner scanner;

    public ScanService(Database db, JobService jobs, LibraryScanner scanner, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.jobs = jobs;
        this.scanner = scanner;
    }

    /** Queues a scan of the library and returns the job's id. */
    public String scan(Library library, LibraryScanner.Options options) {
        String description = "Scanning " + library.name() + (options.forceRebuild() ? " (reading every book again)" : "");
        return jobs.submit(key(library.id()), JOB_NAME, description, library.id(), ctx -> {
            LibraryScanner.Result result = scanner.scan(library.id(), options, ctx);
            ScanRecordRow record = new ScanRecordRow();
            record.id = UUID.randomUUID().toString();
            record.libraryId = library.id();
            record.options = options.forceRebuild() ? "{\"config\":{\"force_rebuild\":true}}" : "{\"config\":\"BuildChanged\"}";
            record.occurredAt = clock.millis();
            record.jobId = ctx.jobId();
            db.txVoid(s -> {
                if (s.getMapper(LibraryMapper.class).findById(library.id()) != null) {
                    s.getMapper(LibraryMapper.class).insertScanRecord(record);
                }
            });
            return result.summary();
        });
    }

    public boolean scanning(String libraryId) {
        return jobs.busy(key(libraryId));
    }

    @Override
    public void created(Library library, boolean scanNow) {
        if (scanNow) {
            scan(library, new LibraryScanner.Options(false));
        }
    }

    private static String key(String libraryId) {
        return "scan:" + libraryId;
    }
}
