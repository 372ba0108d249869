package org.longbox.library.jobs;

/**
 * A background job as the rest of the server sees one: Stump's Job, with its progress at the moment
 * it was read.
 *
 * @param outputData  a short summary when it ended (a failure says why); null before
 * @param completedAt when it ended (epoch milliseconds); null while it runs
 */
public record Job(String id, String name, String description, JobStatus status, String libraryId, int totalTasks,
                  int completedTasks, String outputData, long msElapsed, long createdAt, Long completedAt) {

    /** How far it is, 0 to 100 (one decimal); 100 once completed. */
    public double percent() {
        return percent(completedTasks, totalTasks, status);
    }

    static double percent(int done, int total, JobStatus status) {
        if (status == JobStatus.COMPLETED) {
            return 100.0;
        }
        return total <= 0 ? 0.0 : Math.min(100.0, Math.round(1000.0 * done / total) / 10.0);
    }
}
