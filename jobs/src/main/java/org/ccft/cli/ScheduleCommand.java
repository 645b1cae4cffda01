package org.ccft.cli;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ccft.nightly.ExitCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "schedule",
        mixinStandardHelpOptions = true,
        description = {
            "Stays running and starts the nightly job on a schedule: each run as `ccft nightly` does it",
            "(its summary on stdout, logs on stderr), one process and one Spark session for all of them. A",
            "run that fails is restarted at the next time; a run still going when the next time comes is",
            "not doubled (the next time is counted from its end). Stop it with SIGTERM or Ctrl-C; a run cut",
            "short that way is restarted where it stopped by the next."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:--max-runs runs done",
            "2:bad command line (an unreadable cron expression)"
        })
public final class ScheduleCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleCommand.class);

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--cron",
            required = true,
            paramLabel = "EXPR",
            description = {
                "when to run, as Spring's six-field cron (second minute hour day month weekday):",
                "\"0 30 2 * * *\" is 02:30 every day, \"0 30 2 * * MON-FRI\" on weekdays"
            })
    String cron;

    @Option(
            names = "--zone",
            description = "time zone the cron is read in (default: ${DEFAULT-VALUE})")
    String zone = "Europe/London";

    @Option(
            names = "--landing",
            description = "landing area holding cms/ and sat/ (default: ccft.landing)")
    String landing;

    @Option(names = "--warehouse", description = "warehouse root (default: ccft.warehouse)")
    String warehouse;

    @Option(names = "--max-runs", description = "stop after this many runs (default: never)")
    int maxRuns = 0;

    @Option(
            names = "--severity",
            paramLabel = "CHECK=LEVEL",
            description = "as for ccft nightly, for every run")
    Map<String, String> severities = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        CronExpression schedule;
        ZoneId zoneId;
        try {
            schedule = CronExpression.parse(cron);
            zoneId = ZoneId.of(zone);
        } catch (IllegalArgumentException | DateTimeException bad) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--cron " + cron + " / --zone " + zone + ": " + bad.getMessage());
        }
        try (var ctx =
                WarehouseContext.start(
                        warehouse, NightlyCommand.severitySettings(spec, severities))) {
            for (int run = 1; maxRuns == 0 || run <= maxRuns; run++) {
                ZonedDateTime next = schedule.next(ZonedDateTime.now(zoneId));
                if (next == null) {
                    LOG.info("the schedule {} has no further times: stopping", cron);
                    return ExitCode.OK;
                }
                LOG.info("next nightly run at {}", next);
                Thread.sleep(
                        Math.max(0, Duration.between(ZonedDateTime.now(zoneId), next).toMillis()));
                try {
                    int exit = NightlyCommand.runOnce(ctx, landing, warehouse);
                    LOG.info("scheduled run ended with exit code {}", exit);
                } catch (Exception e) {
                    // The scheduler outlives a failed run: the next time restarts it where it
                    // stopped.
                    LOG.error("scheduled run failed: {}", e.toString());
                }
            }
            return ExitCode.OK;
        }
    }
}
