package org.ccft.pipeline;

import org.springframework.batch.core.scope.context.ChunkContext;

/** What every step of a nightly run knows of it: its id, and the landing area it loads from. */
public record RunParameters(long runId, String landing) {

    /** The job parameter naming the landing area. */
    public static final String LANDING = "landing";

    public static RunParameters of(ChunkContext chunk) {
        var job = chunk.getStepContext().getStepExecution().getJobExecution();
        return new RunParameters(
                job.getJobInstance().getInstanceId(), job.getJobParameters().getString(LANDING));
    }
}
