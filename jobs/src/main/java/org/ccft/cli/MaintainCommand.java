package org.ccft.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ccft.config.CcftProperties;
import org.ccft.lakehouse.Maintenance;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.landing.LandingArea;
import org.ccft.nightly.ExitCode;
import org.ccft.nightly.RunLock;
import org.ccft.operations.Retention;
import org.ccft.published.Publication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "maintain",
        mixinStandardHelpOptions = true,
        description = {
            "Compacts the small files of every Delta table of the warehouse and vacuums the files no",
            "version within the retention needs. It never removes what readers see: the retention is",
            "stretched to reach back to the current publication, and tagged publications (ccft publish",
            "--tag) are kept apart. The tables holding personal data or rows of it (raw, staging,",
            "quarantine) are never stretched. First it applies the retention policy (ccft.retention): raw rows",
            "of cases closed long ago, landing drops settled long ago. Takes the nightly run's lock: it does",
            "not run beside a nightly run. Prints, as CSV on stdout, each table's data files and bytes before",
            "and after; then, after a blank line, what each retention rule removed."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:maintained",
            "1:failed",
            "2:bad command line",
            "6:a nightly run is going on this warehouse; nothing was done"
        })
public final class MaintainCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(MaintainCommand.class);

    @Option(names = "--warehouse", description = "warehouse root (default: ccft.warehouse)")
    String warehouse;

    @Option(
            names = "--landing",
            description =
                    "the landing area whose settled drops the retention removes "
                            + "(default: ccft.landing)")
    String landing;

    @Option(
            names = "--retain-hours",
            description =
                    "keep what versions of the last N hours need "
                            + "(default: ccft.maintenance.retain-hours, 168)")
    Double retainHours;

    @Override
    public Integer call() throws Exception {
        try (var ctx = WarehouseContext.start(warehouse, Map.of())) {
            SparkSession spark = ctx.getBean(SparkSession.class);
            WarehouseLayout layout = ctx.getBean(WarehouseLayout.class);
            CcftProperties properties = ctx.getBean(CcftProperties.class);
            double retain =
                    retainHours != null
                            ? retainHours
                            : properties.getMaintenance().getRetainHours();
            double personal = retain;
            try (RunLock lock = ctx.getBean(RunLock.Source.class).acquire()) {
                var policy = properties.getRetention();
                List<Retention.Result> kept =
                        new Retention(spark, layout)
                                .apply(
                                        new Retention.Policy(
                                                policy.getClosedCaseYears(),
                                                policy.getLandingDropMonths(),
                                                policy.getHoldServiceAreas(),
                                                policy.getHoldFeedbackTypes()),
                                        new LandingArea(
                                                landing != null ? landing : properties.getLanding(),
                                                spark.sparkContext().hadoopConfiguration()),
                                        LocalDate.now(ZoneOffset.UTC));
                var published =
                        new Publication(layout, spark.sparkContext().hadoopConfiguration())
                                .current();
                if (published.isPresent()) {
                    // A published version's files can only have been replaced after it was
                    // published: a retention reaching back to then keeps them.
                    double sincePublished =
                            Duration.between(
                                                    Instant.parse(published.get().publishedAt()),
                                                    Instant.now())
                                            .toMillis()
                                    / 3_600_000.0;
                    if (sincePublished > retain) {
                        LOG.info(
                                "retention stretched from {} h to {} h to keep the versions published at {}",
                                retain,
                                String.format("%.3f", sincePublished),
                                published.get().publishedAt());
                        retain = sincePublished;
                    }
                }
                List<Maintenance.TableResult> results =
                        new Maintenance(spark, layout).run(retain, personal);
                System.out.println("table,files_before,bytes_before,files_after,bytes_after");
                results.forEach(
                        r ->
                                System.out.println(
                                        r.table()
                                                + ","
                                                + r.filesBefore()
                                                + ","
                                                + r.bytesBefore()
                                                + ","
                                                + r.filesAfter()
                                                + ","
                                                + r.bytesAfter()));
                System.out.println();
                System.out.println("retention,before,removed");
                kept.forEach(
                        r -> System.out.println(r.rule() + "," + r.cutoff() + "," + r.removed()));
                return ExitCode.OK;
            } catch (RunLock.Held held) {
                LOG.error(held.getMessage());
                return ExitCode.RUN_IN_PROGRESS;
            }
        }
    }
}
