package org.ccft.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.nightly.ExitCode;
import org.ccft.quality.QualityReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "dq",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the data quality of the latest nightly run (or of --run N): the verdict, every",
            "check with its status (passed, quarantined, refused, warned, failed, skipped), severity and",
            "figures, and the quarantine of the run's drops by rule. --format json also lists every",
            "quarantined row by table, record key, export_id, file, line and rule (never its content)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:printed (whatever the verdict: read it from the report)",
            "2:bad command line",
            "4:no run has been checked in this warehouse yet, or no such run"
        })
public final class DqCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DqCommand.class);

    enum Format {
        text,
        markdown,
        html,
        json
    }

    @Option(names = "--warehouse", description = "warehouse root (default: ccft.warehouse)")
    String warehouse;

    @Option(names = "--run", paramLabel = "N", description = "a run id (default: the latest run)")
    Long run;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text (default), markdown, html or json")
    Format format;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description = "write the report to FILE instead of stdout")
    Path output;

    @Override
    public Integer call() throws Exception {
        try (var ctx = WarehouseContext.start(warehouse, Map.of())) {
            QualityReport report =
                    QualityReport.of(
                            ctx.getBean(SparkSession.class),
                            ctx.getBean(WarehouseLayout.class),
                            run);
            if (report == null) {
                LOG.error(
                        run == null
                                ? "no nightly run has been checked in this warehouse yet"
                                : "no run " + run);
                return ExitCode.QUERY_FAILED;
            }
            String text =
                    switch (format) {
                        case text -> report.text();
                        case markdown -> report.markdown();
                        case html -> report.html();
                        case json -> report.json();
                    };
            if (output == null) {
                System.out.print(text);
            } else {
                Files.writeString(output, text, StandardCharsets.UTF_8);
                LOG.info("data-quality report written to {}", output);
            }
            return ExitCode.OK;
        }
    }
}
