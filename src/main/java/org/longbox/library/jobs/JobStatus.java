package org.longbox.library.jobs;

/** Stump's job states. */
public enum JobStatus {
    QUEUED, RUNNING, COMPLETED, CANCELLED, FAILED;

    public boolean finished() {
        return this == COMPLETED || this == CANCELLED || this == FAILED;
    }
}
