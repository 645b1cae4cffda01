package org.ccft.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ccft.config.CcftProperties;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.nightly.ExitCode;
import org.ccft.nightly.NightlyRunner;
import org.ccft.nightly.RunLock;
import org.ccft.quality.QualityPolicy;
import org.ccft.quality.QualityReport;
import org.ccft.quality.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "nightly",
        mixinStandardHelpOptions = true,
        description = {
            "Loads the new CMS drops and the SAT's EHCP months, builds the marts and publishes them.",
            "Every layer is checked (ccft dq shows the results); a critical check stops the run before",
            "publishing. A run that failed, or whose process died, is restarted where it stopped; one",
            "stopped by a critical check is run afresh. One run at a time per warehouse. Each run writes",
            "a JSON summary to <warehouse>/ops/last-run.json (and ops/runs/); ccft history lists them."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:loaded and published",
            "1:failed; the previous marts stay published",
            "2:bad command line",
            "3:published, but damaged drops were refused (named on stdout)",
            "5:a critical data-quality check failed; the previous marts stay published",
            "6:another run is going on this warehouse; this one did not start"
        })
public final class NightlyCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(NightlyCommand.class);

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--landing",
            description = "landing area holding cms/ and sat/ (default: ccft.landing)")
    String landing;

    @Option(names = "--warehouse", description = "warehouse root (default: ccft.warehouse)")
    String warehouse;

    @Option(
            names = "--severity",
            paramLabel = "CHECK=LEVEL",
            description = {
                "run a check (or a rule family) at another severity for this run only: error, warning,",
                "critical or off; e.g. --severity drop_volume=warning lets an unusually small drop through"
            })
    Map<String, String> severities = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        try (var ctx = WarehouseContext.start(warehouse, severitySettings(spec, severities))) {
            return runOnce(ctx, landing, warehouse);
        }
    }

    static Map<String, Object> severitySettings(
            CommandLine.Model.CommandSpec spec, Map<String, String> severities) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (var e : severities.entrySet()) {
            try {
                new QualityPolicy(
                        Map.of(e.getKey(), e.getValue()), QualityPolicy.AnomalyBounds.DEFAULT);
                settings.put(
                        "ccft.quality.severity[" + e.getKey() + "]",
                        Severity.parse(e.getValue()).name().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException bad) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--severity " + e.getKey() + ": " + bad.getMessage());
            }
        }
        return settings;
    }

    /** One run, its summary on stdout; the exit code it ends with. */
    static int runOnce(ApplicationContext ctx, String landing, String warehouse) throws Exception {
        String landingRoot =
                landing != null ? landing : ctx.getBean(CcftProperties.class).getLanding();
        NightlyRunner.Outcome outcome;
        try {
            outcome = ctx.getBean(NightlyRunner.class).run(landingRoot);
        } catch (RunLock.Held held) {
            LOG.error(held.getMessage());
            return ExitCode.RUN_IN_PROGRESS;
        }
        outcome.summary().forEach(System.out::println);
        if (outcome.plan().unchangedSince() != null) {
            System.out.flush(); // checked nothing: no quality of its own to report, no Spark
            return outcome.exitCode();
        }
        QualityReport quality =
                QualityReport.of(
                        ctx.getBean(SparkSession.class),
                        ctx.getBean(WarehouseLayout.class),
                        outcome.execution().getJobInstance().getInstanceId());
        if (quality != null) {
            System.out.println(
                    "data quality: "
                            + quality.verdict()
                            + " ("
                            + quality.tallyLine()
                            + "): bin/ccft dq"
                            + (warehouse == null ? "" : " --warehouse " + warehouse));
        }
        System.out.flush();
        return outcome.exitCode();
    }
}
