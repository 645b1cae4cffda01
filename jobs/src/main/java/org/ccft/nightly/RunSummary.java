package org.ccft.nightly;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.ccft.lakehouse.WarehouseFiles;
import org.ccft.lakehouse.WarehouseLayout;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;

/**
 * One run of the nightly job as monitoring sees it: when, how it ended, what it loaded and
 * published, and the exit code the command gave (none while it is going). Counts and ids only,
 * never a record's content. Written as JSON to {@code <warehouse>/ops/runs/} (one file per run) and
 * {@code <warehouse>/ops/last-run.json}, and listed by {@code ccft history} from the job
 * repository.
 */
public record RunSummary(
        @JsonProperty("run_id") long runId,
        @JsonProperty("execution_id") long executionId,
        @JsonProperty("started") String started,
        @JsonProperty("ended") String ended,
        @JsonProperty("status") String status,
        @JsonProperty("exit_code") Integer exitCode,
        @JsonProperty("drops_loaded") List<String> dropsLoaded,
        @JsonProperty("drops_refused") Map<String, String> dropsRefused,
        @JsonProperty("rows_accepted") long rowsAccepted,
        @JsonProperty("rows_quarantined") long rowsQuarantined,
        @JsonProperty("marts_published") int martsPublished,
        @JsonProperty("as_at_date") String asAtDate,
        @JsonProperty("severity_overrides") List<String> severityOverrides,
        @JsonProperty("failures") List<String> failures) {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static RunSummary of(JobExecution execution, RunPlan plan) {
        boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
        List<String> failures =
                execution.getStepExecutions().stream()
                        .filter(s -> s.getStatus() == BatchStatus.FAILED)
                        .map(
                                s ->
                                        s.getStepName()
                                                + ": "
                                                + s.getExitStatus()
                                                        .getExitDescription()
                                                        .lines()
                                                        .findFirst()
                                                        .orElse(""))
                        .toList();
        return new RunSummary(
                execution.getJobInstance().getInstanceId(),
                execution.getId(),
                instant(execution.getStartTime()),
                instant(execution.getEndTime()),
                execution.getStatus().name(),
                execution.getStatus().isRunning() ? null : NightlyRunner.exitCode(execution, plan),
                completed ? plan.soundIds() : List.of(),
                plan.refused(),
                plan.accepted().values().stream().mapToLong(Long::longValue).sum(),
                plan.quarantined().values().stream().mapToLong(Long::longValue).sum(),
                completed && plan.asAtDate() != null ? plan.martVersions().size() : 0,
                plan.asAtDate(),
                plan.severityOverrides(),
                failures);
    }

    private static String instant(LocalDateTime t) {
        return t == null ? null : t.atZone(ZoneId.systemDefault()).toInstant().toString();
    }

    public String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes this summary as the run's own file and as {@code last-run.json}. */
    public void writeTo(WarehouseLayout layout, Configuration hadoop) {
        WarehouseFiles files = new WarehouseFiles(hadoop);
        String json = json();
        files.write(layout.runSummaries() + "/run-" + runId + "-" + executionId + ".json", json);
        files.write(layout.lastRunSummary(), json);
    }
}
