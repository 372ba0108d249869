package org.longbox.library.jobs;

/** A row of {@code jobs}: one background task, its progress and outcome. */
public class JobRow {
    public String id;
    public String name;
    public String description;
    public JobStatus status;
    public String libraryId;
    public int totalTasks;
    public int completedTasks;
    public String outputData;
    public long msElapsed;
    public long createdAt;
    public Long completedAt;
    /** The deployment that runs the job (random per start). */
    public String nodeId;
    /** When that deployment last showed the job was alive. */
    public Long heartbeatAt;
}
