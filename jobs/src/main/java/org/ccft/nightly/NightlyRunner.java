package org.ccft.nightly;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.ccft.lakehouse.Storage;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.pipeline.QualityStop;
import org.ccft.pipeline.RunParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs the nightly job: restarts the last run where it failed, if it did (same drops, completed
 * steps skipped), and otherwise starts a new run. A run stopped by a critical data-quality check is
 * not restarted: the next run starts afresh. Tells the outcome as an exit code and a summary.
 */
@Component
public class NightlyRunner {

    public static final String LANDING = RunParameters.LANDING;
    public static final String RUN_ID = "run.id";
    private static final Logger LOG = LoggerFactory.getLogger(NightlyRunner.class);

    private final JobLauncher launcher;
    private final JobExplorer explorer;
    private final JobRepository repository;
    private final Job nightly;
    private final WarehouseLayout layout;
    private final RunLock.Source runLocks;
    private final Storage storage;

    public NightlyRunner(
            JobLauncher launcher,
            JobExplorer explorer,
            JobRepository repository,
            Job nightly,
            WarehouseLayout layout,
            RunLock.Source runLocks,
            Storage storage) {
        this.storage = storage;
        this.launcher = launcher;
        this.explorer = explorer;
        this.repository = repository;
        this.nightly = nightly;
        this.layout = layout;
        this.runLocks = runLocks;
    }

    /** The outcome of one run. */
    public record Outcome(JobExecution execution, RunPlan plan, boolean restarted) {

        public int exitCode() {
            return NightlyRunner.exitCode(execution, plan);
        }

        /** What the run did, for stdout: no personal data, only ids, counts and reasons. */
        public List<String> summary() {
            var lines = new ArrayList<String>();
            lines.add(
                    "run "
                            + execution.getJobInstance().getInstanceId()
                            + (restarted ? " (restarted)" : "")
                            + ": "
                            + execution.getStatus());
            lines.add(
                    "drops loaded: "
                            + plan.soundIds().size()
                            + (plan.soundIds().isEmpty()
                                    ? ""
                                    : " ("
                                            + plan.soundIds().get(0)
                                            + " .. "
                                            + plan.soundIds().get(plan.soundIds().size() - 1)
                                            + ")"));
            if (plan.unchangedSince() != null) {
                lines.add(
                        "nothing new since run "
                                + plan.unchangedSince()
                                + ": the marts it published stay published");
            }
            lines.addAll(plan.severityOverrides());
            plan.refused().forEach((id, why) -> lines.add("drop refused: " + id + ": " + why));
            plan.accepted()
                    .forEach(
                            (table, n) ->
                                    lines.add(
                                            "rows "
                                                    + table
                                                    + ": "
                                                    + n
                                                    + " accepted, "
                                                    + plan.quarantined().getOrDefault(table, 0L)
                                                    + " quarantined"));
            plan.erasedRows()
                    .forEach(
                            (table, n) ->
                                    lines.add(
                                            "rows "
                                                    + table
                                                    + ": "
                                                    + n
                                                    + " refused as erased (ccft erase)"));
            if (plan.asAtDate() != null && execution.getStatus() == BatchStatus.COMPLETED) {
                lines.add(
                        "marts published: "
                                + plan.martVersions().size()
                                + " as at "
                                + plan.asAtDate());
            }
            execution
                    .getAllFailureExceptions()
                    .forEach(t -> lines.add("failed: " + t.getMessage()));
            execution
                    .getStepExecutions()
                    .forEach(
                            s ->
                                    s.getFailureExceptions()
                                            .forEach(
                                                    t ->
                                                            lines.add(
                                                                    "step "
                                                                            + s.getStepName()
                                                                            + " failed: "
                                                                            + t.getMessage())));
            return lines;
        }
    }

    /** The exit code a run ends with, as the README documents it. */
    static int exitCode(JobExecution execution, RunPlan plan) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return stoppedByQuality(execution) ? ExitCode.QUALITY_FAILED : ExitCode.FAILED;
        }
        return plan.refused().isEmpty() ? ExitCode.OK : ExitCode.DROPS_REFUSED;
    }

    /** Whether a failed run stopped at a critical data-quality check (as opposed to crashing). */
    static boolean stoppedByQuality(JobExecution execution) {
        return execution.getStatus() == BatchStatus.FAILED
                && execution.getStepExecutions().stream().anyMatch(QualityStop::stopped);
    }

    /**
     * Runs the nightly job on the landing area, one run at a time per warehouse: throws {@link
     * RunLock.Held} at once if another run holds the warehouse. Writes the run's summary beside the
     * warehouse ({@link RunSummary}) when it ends.
     */
    public Outcome run(String landing) throws Exception {
        try (RunLock lock = runLocks.acquire()) {
            failAbandonedRuns();
            Outcome outcome = launch(landing);
            RunSummary.of(outcome.execution(), outcome.plan()).writeTo(layout, storage.hadoop());
            return outcome;
        }
    }

    /**
     * A run still marked as going when we hold the lock died without saying so (killed, power cut):
     * it is marked FAILED, with its unfinished steps, so that it is restarted where it stopped.
     */
    private void failAbandonedRuns() {
        for (JobExecution dead : explorer.findRunningJobExecutions(NightlyJobConfig.JOB_NAME)) {
            LOG.warn(
                    "run {} (execution {}, started {}) was left {} by a process that died: marking it FAILED",
                    dead.getJobInstance().getInstanceId(),
                    dead.getId(),
                    dead.getStartTime(),
                    dead.getStatus());
            LocalDateTime now = LocalDateTime.now();
            for (StepExecution step : dead.getStepExecutions()) {
                if (step.getStatus().isRunning()) {
                    step.setStatus(BatchStatus.FAILED);
                    step.setExitStatus(ExitStatus.FAILED.addExitDescription(ABANDONED));
                    step.setEndTime(now);
                    repository.update(step);
                }
            }
            dead.setStatus(BatchStatus.FAILED);
            dead.setExitStatus(ExitStatus.FAILED.addExitDescription(ABANDONED));
            dead.setEndTime(now);
            repository.update(dead);
        }
    }

    private static final String ABANDONED = "abandoned: the process running it died";

    private Outcome launch(String landing) throws Exception {
        JobInstance last = explorer.getLastJobInstance(NightlyJobConfig.JOB_NAME);
        JobExecution lastExecution = last == null ? null : explorer.getLastJobExecution(last);
        JobExecution execution;
        boolean restarted = false;
        boolean stoppedByQuality = lastExecution != null && stoppedByQuality(lastExecution);
        if (stoppedByQuality) {
            // Restarting would check the same rows again: start afresh, so that a drop the CMS
            // re-sent (or removed) is seen, and a changed quality policy applies to every step.
            LOG.info(
                    "run {} stopped at a critical data-quality check: starting a new run",
                    last.getInstanceId());
        }
        if (lastExecution != null
                && !stoppedByQuality
                && (lastExecution.getStatus() == BatchStatus.FAILED
                        || lastExecution.getStatus() == BatchStatus.STOPPED)) {
            LOG.info(
                    "run {} ended {}: restarting it where it stopped",
                    last.getInstanceId(),
                    lastExecution.getStatus());
            execution = launcher.run(nightly, lastExecution.getJobParameters());
            restarted = true;
        } else {
            long next =
                    lastExecution == null
                            ? 1
                            : lastExecution.getJobParameters().getLong(RUN_ID) + 1;
            JobParameters params =
                    new JobParametersBuilder()
                            .addLong(RUN_ID, next)
                            .addString(LANDING, landing, false)
                            .toJobParameters();
            execution = launcher.run(nightly, params);
        }
        return new Outcome(execution, RunPlan.of(execution.getExecutionContext()), restarted);
    }
}
