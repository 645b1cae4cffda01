package org.ccft.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ccft.cli.Ccft;
import org.ccft.cli.ExitCode;
import org.ccft.testing.TestSpark;
import org.ccft.testing.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ccft demo}, run as a user runs it: six years of drops over two nights, and the front page of
 * the seed annual report (2022-23, with 2021-22 in brackets) comes out of the published marts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoReproducesTheReportTest {

    Warehouse w;
    String stdout;
    int exitCode;

    @BeforeAll
    void runTheDemo(@TempDir Path tmp) {
        TestSpark.session();
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            exitCode = Ccft.commandLine().execute("demo", "--dir", tmp.toString());
        } finally {
            System.setOut(original);
        }
        stdout = out.toString(StandardCharsets.UTF_8);
        w = new Warehouse(tmp);
    }

    @Test
    void theDemoPrintsTheReportsAtAGlancePage() {
        assertThat(exitCode).isEqualTo(ExitCode.OK);
        // The seed report, page 4: "compliments: 206 (204)" and so on.
        assertThat(stdout.lines()).containsSubsequence(
                "At a Glance 2022-23 (the year before in brackets)",
                "compliments: 206 (204)",
                "enquiries general: 16 (30)",
                "enquiries councillor: 15 (7)",
                "enquiries MP: 112 (68)",
                "statutory stage 1: 52 (74)",
                "statutory stage 2: 7 (15)",
                "statutory stage 3: 3 (5)",
                "corporate stage 1: 339 (319)",
                "corporate stage 2: 38 (25)",
                "corporate stage 3: 17 (7)",
                "LGO enquiries: 29 (20)");
        assertThat(stdout).contains("warehouse: ");
    }

    @Test
    void theDemosDataQualityReportIsClean() {
        // Night 1 quarantines the demo's 6 deliberately bad rows; nothing warns, nothing fails, on either night.
        assertThat(stdout.lines()).contains("data quality, night 1: PASSED (6 rows quarantined)",
                "data quality, night 2: PASSED (0 rows quarantined)");
        var report = org.ccft.dq.QualityReport.of(TestSpark.session(), w.layout, null);
        assertThat(report.outcomes()).extracting(o -> o.status())
                .doesNotContain(org.ccft.quality.CheckOutcome.Status.WARNED, org.ccft.quality.CheckOutcome.Status.FAILED,
                        org.ccft.quality.CheckOutcome.Status.REFUSED);
        assertThat(report.outcomes()).extracting(o -> o.check()).contains("at_a_glance_reconciles",
                "escalation_has_stage_1", "rows_reconcile", "sat_complaints_reconcile", "drop_volume");
    }

    @Test
    void theMartHoldsTheSameFigures() {
        Map<String, Long> y2223 = w.sql("SELECT measure, value FROM at_a_glance WHERE financial_year = '2022-23'")
                .stream().collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
        assertThat(y2223).containsEntry("compliments", 206L).containsEntry("enquiries_mp", 112L)
                .containsEntry("corporate_stage1", 339L).containsEntry("lgo_enquiries", 29L);
        // "a total of 456 Statutory and Corporate complaints combined across all three stages"
        assertThat(w.count("SELECT sum(value) FROM at_a_glance WHERE financial_year = '2022-23' "
                + "AND measure LIKE '%_stage%'")).isEqualTo(456);
        assertThat(w.sql("SELECT DISTINCT financial_year FROM at_a_glance ORDER BY 1"))
                .extracting(r -> r.getString(0))
                .containsExactly("2017-18", "2018-19", "2019-20", "2020-21", "2021-22", "2022-23");
    }

    @Test
    void satComplaintsAgainstPlansIssued() {
        // The report: SAT received 190 complaints in 2022-23.
        assertThat(w.count("SELECT sat_complaints FROM sat_complaints_vs_ehcp WHERE financial_year = '2022-23'"))
                .isEqualTo(190);
    }

    @Test
    void theSatMonthsAddUpToDfesPublishedFiguresPerCalendarYear() throws Exception {
        Map<String, Long> byYear = TestSpark.session().read().format("delta").load(w.layout.conformed("ehcp_monthly"))
                .groupBy(org.apache.spark.sql.functions.substring(org.apache.spark.sql.functions.col("month"), 1, 4))
                .sum("plans_issued").collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
        Map<String, Long> published = DfeSen2.cambridgeshirePlansIssued();
        for (String year : List.of("2019", "2020", "2021", "2022")) {
            assertThat(byYear.get(year)).as(year).isEqualTo(published.get(year));
        }
        assertThat(published).containsEntry("2022", 1094L);
    }

    @Test
    void quarantineHoldsTheDemosBadRowsByRule() {
        assertThat(TestSpark.session().read().format("delta").load(w.layout.quarantine())
                .select("rule").collectAsList()).extracting(r -> r.getString(0))
                .containsExactlyInAnyOrder("code_list:service_area", "type:received_date",
                        "date_order:response_date", "required_when:procedure", "code_list:stage",
                        "type:non_resident_parent");
    }

    /** DfE's published figures, read from the real file as published when the shared data is beside the repo. */
    static final class DfeSen2 {
        static Map<String, Long> cambridgeshirePlansIssued() throws Exception {
            Path shared = Path.of("../../shared/data/real/dfe-sen2-ehcp-2025/timeliness_20_week.csv");
            List<String> lines = Files.exists(shared)
                    ? Files.readAllLines(shared, StandardCharsets.UTF_8)
                    : List.of(new String(DfeSen2.class.getClassLoader()
                            .getResourceAsStream("demo/dfe-sen2/timeliness_20_week.csv").readAllBytes(),
                            StandardCharsets.UTF_8).split("\n"));
            assertThat(lines.get(0)).startsWith("\uFEFFtime_period,"); // published with a byte-order mark
            List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(","));
            int la = header.indexOf("la_name");
            int breakdown = header.indexOf("breakdown");
            int issued = header.indexOf("plans_issued_den");
            return lines.stream().skip(1).map(l -> l.split(","))
                    .filter(f -> f.length > issued && f[la].equals("Cambridgeshire")
                            && f[breakdown].equals("All EHC plans issued"))
                    .collect(Collectors.toMap(f -> f[0], f -> Long.parseLong(f[issued])));
        }
    }
}
