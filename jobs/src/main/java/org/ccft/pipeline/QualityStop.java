package org.ccft.pipeline;

import org.ccft.quality.CriticalQualityFailure;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;

/**
 * A step stopped by a critical data-quality check ends with the exit status {@code QUALITY_STOP}
 * (not a crash's FAILED), which the job's flow branches on: the run ends there, nothing is
 * published, and the command exits with its own code.
 */
public final class QualityStop implements StepExecutionListener {

    public static final String EXIT_CODE = "QUALITY_STOP";

    @Override
    public ExitStatus afterStep(StepExecution step) {
        return step.getFailureExceptions().stream()
                .filter(CriticalQualityFailure.class::isInstance)
                .findFirst()
                .map(e -> new ExitStatus(EXIT_CODE, e.getMessage()))
                .orElse(null);
    }

    /** Whether the step ended at a critical data-quality check. */
    public static boolean stopped(StepExecution step) {
        return EXIT_CODE.equals(step.getExitStatus().getExitCode());
    }
}
