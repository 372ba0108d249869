package org.longbox.library.jobs;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

/** What a running job sees of itself: its progress counters and whether it was asked to stop. */
public final class JobContext {
    final String id;
    final AtomicInteger total = new AtomicInteger();
    final AtomicInteger completed = new AtomicInteger();
    volatile boolean cancelled;
    private final Runnable onProgress;

    JobContext(String id, Runnable onProgress) {
        this.id = id;
        this.onProgress = onProgress;
    }

    public String jobId() {
        return id;
    }

    /** Sets how many tasks the job has (it may grow as the job discovers work). */
    public void total(int n) {
        total.set(n);
        onProgress.run();
    }

    /** One more task done. Thread-safe: workers of the same job may call it concurrently. */
    public void advance() {
        completed.incrementAndGet();
        onProgress.run();
    }

    public boolean cancelled() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    /** Throws when the job was cancelled, so the task can stop at a safe point. */
    public void checkCancelled() {
        if (cancelled()) {
            throw new CancellationException("cancelled");
        }
    }
}
