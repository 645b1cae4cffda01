package org.ccft.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.ccft.config.CcftProperties;
import org.ccft.nightly.NightlyRunner;
import org.apache.spark.sql.SparkSession;
import org.ccft.dq.QualityReport;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.quality.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = {"Loads the new CMS drops and the SAT's EHCP months, builds the marts and publishes them.",
                "Every layer is checked (ccft dq shows the results); a critical check stops the run before",
                "publishing. A run that failed is restarted where it stopped; one stopped by a critical",
                "check is run afresh."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:loaded and published", "1:failed; the previous marts stay published",
                "2:bad command line", "3:published, but damaged drops were refused (named on stdout)",
                "5:a critical data-quality check failed; the previous marts stay published"})
public final class NightlyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--landing", description = "landing area holding cms/ and sat/ (default: ccft.landing)")
    String landing;

    @Option(names = "--warehouse", description = "warehouse root (default: ccft.warehouse)")
    String warehouse;

    @Option(names = "--severity", paramLabel = "CHECK=LEVEL",
            description = {"run a check (or a rule family) at another severity for this run only: error, warning,",
                    "critical or off; e.g. --severity drop_volume=warning lets an unusually small drop through"})
    Map<String, String> severities = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        Map<String, Object> settings = new java.util.LinkedHashMap<>();
        for (var e : severities.entrySet()) {
            try {
                settings.put("ccft.quality.severity[" + e.getKey() + "]",
                        Severity.parse(e.getValue()).name().toLowerCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException bad) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--severity " + e.getKey() + ": "
                        + bad.getMessage());
            }
        }
        try (var ctx = WarehouseContext.start(warehouse, settings)) {
            String landingRoot = landing != null ? landing : ctx.getBean(CcftProperties.class).getLanding();
            NightlyRunner.Outcome outcome = ctx.getBean(NightlyRunner.class).run(landingRoot);
            outcome.summary().forEach(System.out::println);
            QualityReport quality = QualityReport.of(ctx.getBean(SparkSession.class), ctx.getBean(WarehouseLayout.class),
                    outcome.execution().getJobInstance().getInstanceId());
            if (quality != null) {
                System.out.println("data quality: " + quality.verdict() + " (" + quality.tallyLine() + "): bin/ccft dq"
                        + (warehouse == null ? "" : " --warehouse " + warehouse));
            }
            return outcome.exitCode();
        }
    }
}
