package org.ccft.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ccft.nightly.ExitCode;
import org.ccft.nightly.NightlyJobConfig;
import org.ccft.nightly.RunPlan;
import org.ccft.nightly.RunSummary;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.explore.JobExplorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the nightly runs, oldest first, one a line, as CSV on stdout, from the Spring Batch",
            "job repository (a restarted run shows once per attempt): start, end, status, drops loaded and",
            "refused, rows accepted and quarantined, marts published, the exit code it ended with."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (nothing is listed before the first run)", "2:bad command line"})
public final class HistoryCommand implements Callable<Integer> {

    @Option(names = "--warehouse", description = "warehouse root (default: ccft.warehouse)")
    String warehouse;

    @Option(
            names = "--limit",
            description = "the most recent runs to list (default: ${DEFAULT-VALUE})")
    int limit = 50;

    @Override
    public Integer call() throws Exception {
        try (var ctx = WarehouseContext.start(warehouse, Map.of())) {
            print(runs(ctx.getBean(JobExplorer.class), limit), System.out);
            return ExitCode.OK;
        }
    }

    /** The most recent runs' summaries, oldest first. */
    public static List<RunSummary> runs(JobExplorer explorer, int limit) {
        List<RunSummary> runs = new ArrayList<>();
        for (JobInstance instance : explorer.getJobInstances(NightlyJobConfig.JOB_NAME, 0, limit)) {
            for (JobExecution execution : explorer.getJobExecutions(instance)) {
                runs.add(RunSummary.of(execution, RunPlan.of(execution.getExecutionContext())));
            }
        }
        runs.sort(Comparator.comparingLong(RunSummary::executionId));
        return runs.subList(Math.max(0, runs.size() - limit), runs.size());
    }

    static void print(List<RunSummary> runs, PrintStream out) throws IOException {
        CSVPrinter csv =
                new CSVPrinter(
                        out,
                        CSVFormat.RFC4180
                                .builder()
                                .setHeader(
                                        "run_id",
                                        "execution_id",
                                        "started",
                                        "ended",
                                        "status",
                                        "drops_loaded",
                                        "drops_refused",
                                        "rows_accepted",
                                        "rows_quarantined",
                                        "marts_published",
                                        "as_at_date",
                                        "exit_code")
                                .build());
        for (RunSummary r : runs) {
            csv.printRecord(
                    r.runId(),
                    r.executionId(),
                    r.started(),
                    r.ended(),
                    r.status(),
                    r.dropsLoaded().size(),
                    r.dropsRefused().size(),
                    r.rowsAccepted(),
                    r.rowsQuarantined(),
                    r.martsPublished(),
                    r.asAtDate(),
                    r.exitCode());
        }
        csv.flush();
    }
}
