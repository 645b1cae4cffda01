package org.ccft.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ccft.config.CcftProperties;
import org.ccft.demo.DemoLanding;
import org.ccft.demo.DemoNarrative;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.marts.Audience;
import org.ccft.nightly.ExitCode;
import org.ccft.nightly.NightlyRunner;
import org.ccft.published.MartReader;
import org.ccft.published.Publication;
import org.ccft.published.ReleaseInfo;
import org.ccft.published.ReleaseWriter;
import org.ccft.published.report.AnnualReport;
import org.ccft.published.report.CodeAnnualReport;
import org.ccft.published.report.Narrative;
import org.ccft.published.report.ReportWriter;
import org.ccft.published.report.SelfAssessment;
import org.ccft.quality.QualityReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Generates six financial years of realistic CMS drops and SAT figures (modelled on a council's",
            "published 2022-23 annual report and DfE's SEN2 statistics), loads them with the nightly job over two nights",
            "(the second brings a late drop and a re-sent one), prints the At a Glance page, and",
            "names the dashboards it published and the annual report it wrote (staff and public versions)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:a nightly run failed", "2:bad command line"})
public final class DemoCommand implements Callable<Integer> {

    static final String MARKER = ".ccft-demo";

    @Option(
            names = "--dir",
            defaultValue = "demo",
            description = "folder for landing/ and warehouse/ (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(
            names = "--scale",
            defaultValue = "1",
            description = "volume multiplier; 1 reproduces the report (default: ${DEFAULT-VALUE})")
    double scale;

    @Option(
            names = "--seed",
            defaultValue = "20230331",
            description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--generate-only", description = "write the landing area and stop")
    boolean generateOnly;

    /** The measures of the report's front page, in its order, with its labels. */
    static final Map<String, String> AT_A_GLANCE = new LinkedHashMap<>();

    static {
        AT_A_GLANCE.put("compliments", "compliments");
        AT_A_GLANCE.put("enquiries_general", "enquiries general");
        AT_A_GLANCE.put("enquiries_councillor", "enquiries councillor");
        AT_A_GLANCE.put("enquiries_mp", "enquiries MP");
        AT_A_GLANCE.put("statutory_stage1", "statutory stage 1");
        AT_A_GLANCE.put("statutory_stage2", "statutory stage 2");
        AT_A_GLANCE.put("statutory_stage3", "statutory stage 3");
        AT_A_GLANCE.put("corporate_stage1", "corporate stage 1");
        AT_A_GLANCE.put("corporate_stage2", "corporate stage 2");
        AT_A_GLANCE.put("corporate_stage3", "corporate stage 3");
        AT_A_GLANCE.put("lgo_enquiries", "LGO enquiries");
    }

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        prepare(dir);
        Path landing = dir.resolve("landing");
        Path warehouse = dir.resolve("warehouse");
        DemoLanding demo = new DemoLanding(landing, scale, seed);
        DemoLanding.Summary written = demo.write();
        System.err.printf(
                "demo: wrote %d drops (%s .. %s), rows %s, %d SAT months%n",
                written.drops(),
                written.firstExport(),
                written.lastExport(),
                written.rows(),
                written.satMonths());
        if (generateOnly) {
            System.out.println("landing: " + landing.toAbsolutePath());
            return ExitCode.OK;
        }
        // The demo's pseudonym key sits beside its warehouse, not in the user's home (unless one is
        // configured).
        try (var ctx =
                WarehouseContext.start(
                        warehouse.toString(),
                        Map.of(
                                "ccft.pseudonymisation.key-file",
                                dir.resolve("pseudonymisation.key").toString(),
                                "ccft.pseudonymisation.demo",
                                true,
                                // The demo's years come before the Complaint Handling Code: it is
                                // applied from 2022-23, to show what it would have shown.
                                "ccft.council.complaint-code-from",
                                "2022-04-01"))) {
            NightlyRunner runner = ctx.getBean(NightlyRunner.class);
            NightlyRunner.Outcome first = runner.run(landing.toString());
            first.summary().forEach(l -> System.err.println("night 1: " + l));
            if (first.exitCode() != ExitCode.OK) {
                return first.exitCode();
            }
            System.err.println(
                    "demo: landing the late and the re-sent drops: " + demo.writeHeldBack());
            NightlyRunner.Outcome second = runner.run(landing.toString());
            second.summary().forEach(l -> System.err.println("night 2: " + l));
            if (second.exitCode() != ExitCode.OK) {
                return second.exitCode();
            }
            SparkSession spark = ctx.getBean(SparkSession.class);
            WarehouseLayout layout = ctx.getBean(WarehouseLayout.class);
            Publication.Published published =
                    new Publication(layout, spark.sparkContext().hadoopConfiguration())
                            .registerViews(spark);
            List<String> years = demo.calibration().financialYears();
            String year = years.get(years.size() - 1);
            printAtAGlance(
                    spark.sql(
                                    "SELECT measure, value, previous_year_value FROM at_a_glance "
                                            + "WHERE financial_year = '"
                                            + year
                                            + "'")
                            .collectAsList(),
                    year);
            System.out.println();
            List<NightlyRunner.Outcome> nights = List.of(first, second);
            for (int n = 0; n < nights.size(); n++) {
                QualityReport quality =
                        QualityReport.of(
                                spark,
                                layout,
                                nights.get(n).execution().getJobInstance().getInstanceId());
                System.out.println(
                        "data quality, night "
                                + (n + 1)
                                + ": "
                                + quality.verdict()
                                + " ("
                                + quality.quarantinedRows().size()
                                + " rows quarantined)");
            }
            System.out.println(
                    "warehouse: "
                            + warehouse.toAbsolutePath()
                            + " (marts as at "
                            + published.asAtDate()
                            + ")");
            System.out.println(
                    "query it:  bin/ccft sql --warehouse "
                            + warehouse
                            + " \"SELECT * FROM at_a_glance\"");
            System.out.println("checks:    bin/ccft dq --warehouse " + warehouse);
            System.out.println(
                    "Excel:     "
                            + warehouse.resolve(
                                    "published/files/internal/" + ReleaseWriter.WORKBOOK));
            System.out.println(
                    "notebooks: notebooks/*.ipynb, with CCFT_WAREHOUSE="
                            + warehouse.toAbsolutePath());
            System.out.println(
                    "dashboard: "
                            + warehouse
                                    .resolve("published/site/internal/index.html")
                                    .toAbsolutePath()
                            + " (staff)");
            System.out.println(
                    "           "
                            + warehouse.resolve("published/site/public/index.html").toAbsolutePath()
                            + " (the public, after disclosure control)");
            Path reports = dir.resolve("report");
            Narrative narrative = Narrative.read(DemoNarrative.copyTo(dir.resolve("narrative")));
            for (Audience audience : List.of(Audience.INTERNAL, Audience.PUBLIC)) {
                MartReader marts = MartReader.open(warehouse.toString(), audience, null);
                ReleaseInfo info =
                        ReleaseInfo.of(
                                marts, ctx.getBean(CcftProperties.class).getCouncil().getName());
                ReportWriter.Written report =
                        ReportWriter.write(
                                new AnnualReport(marts, year, narrative).build(info),
                                reports,
                                ReportCommand.fileName(year, audience));
                System.out.println(
                        (audience == Audience.PUBLIC ? "           " : "report:    ")
                                + report.docx().toAbsolutePath()
                                + " (and .pdf, .html"
                                + (audience == Audience.PUBLIC ? "; the public version)" : ")"));
            }
            SelfAssessment assessment = SelfAssessment.read(dir.resolve("narrative"));
            for (Audience audience : List.of(Audience.INTERNAL, Audience.PUBLIC)) {
                MartReader marts = MartReader.open(warehouse.toString(), audience, null);
                ReportWriter.Written code =
                        ReportWriter.write(
                                new CodeAnnualReport(marts, year, assessment)
                                        .build(
                                                ReleaseInfo.of(
                                                        marts,
                                                        ctx.getBean(CcftProperties.class)
                                                                .getCouncil()
                                                                .getName())),
                                reports,
                                CodeAnnualReport.fileName(year, audience));
                System.out.println(
                        (audience == Audience.PUBLIC ? "           " : "Code:      ")
                                + code.docx().toAbsolutePath()
                                + (audience == Audience.PUBLIC
                                        ? " (and .pdf, .html; the public version)"
                                        : " (and .pdf, .html; the Complaint Handling Code's annual"
                                                + " report)"));
            }
            System.err.printf("demo: done in %.1f s%n", (System.nanoTime() - started) / 1e9);
            return ExitCode.OK;
        }
    }

    static void printAtAGlance(List<Row> rows, String year) {
        Map<String, Row> byMeasure = new LinkedHashMap<>();
        rows.forEach(r -> byMeasure.put(r.getString(0), r));
        System.out.println("At a Glance " + year + " (the year before in brackets)");
        AT_A_GLANCE.forEach(
                (measure, label) -> {
                    Row r = byMeasure.get(measure);
                    String previous =
                            r == null || r.isNullAt(2) ? "-" : String.valueOf(r.getLong(2));
                    System.out.println(
                            label + ": " + (r == null ? 0 : r.getLong(1)) + " (" + previous + ")");
                });
    }

    /** A fresh demo folder: one we made before is cleared, anything else is left alone. */
    static void prepare(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            boolean ours = Files.exists(dir.resolve(MARKER));
            try (Stream<Path> entries = Files.list(dir)) {
                if (!ours && entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(
                            dir + " exists and is not a ccft demo folder: choose another --dir");
                }
            }
            for (String sub : List.of("landing", "warehouse")) {
                Path p = dir.resolve(sub);
                if (Files.exists(p)) {
                    try (Stream<Path> walk = Files.walk(p)) {
                        walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                    }
                }
            }
        }
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve(MARKER), "made by `ccft demo`; cleared and rebuilt by each run\n");
    }
}
