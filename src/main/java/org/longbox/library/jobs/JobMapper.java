package org.longbox.library.jobs;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/** SQL for {@code jobs} (JobMapper.xml). */
public interface JobMapper {
    void insert(JobRow row);

    /** Rows changed: 0 when the job is gone. Status, counts, output and timing. */
    int update(JobRow row);

    /** The job; null when there is none. */
    JobRow find(@Param("id") String id);

    /** Newest first; empty when none. */
    List<JobRow> list(@Param("offset") long offset, @Param("limit") int limit);

    long count();

    /** Rows changed: this node's QUEUED and RUNNING jobs, marked alive at {@code at}. */
    int heartbeat(@Param("nodeId") String nodeId, @Param("at") long at);

    /**
     * Rows changed: QUEUED or RUNNING jobs of other nodes (or of none) not marked alive since
     * {@code aliveSince}, now FAILED with this output: their node stopped without finishing them.
     */
    int failAbandoned(@Param("nodeId") String nodeId, @Param("aliveSince") long aliveSince,
                      @Param("output") String output, @Param("at") long at);

    /** Rows changed: this node's QUEUED and RUNNING jobs, now ended with this status and output. */
    int endOwn(@Param("nodeId") String nodeId, @Param("status") JobStatus status, @Param("output") String output,
               @Param("at") long at);

    /** Rows deleted: 0 when the job is gone or still unfinished. */
    int deleteFinished(@Param("id") String id);

    /** Rows deleted: every finished job. */
    int deleteAllFinished();
}
