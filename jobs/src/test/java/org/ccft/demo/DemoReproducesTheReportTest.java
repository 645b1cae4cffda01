package org.ccft.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.ccft.cli.Ccft;
import org.ccft.marts.MartCatalog;
import org.ccft.nightly.ExitCode;
import org.ccft.published.report.ReportSection;
import org.ccft.published.site.DashboardInTheBrowser;
import org.ccft.quality.CheckOutcome;
import org.ccft.quality.QualityReport;
import org.ccft.testing.Chromium;
import org.ccft.testing.Commands;
import org.ccft.testing.TestSpark;
import org.ccft.testing.Warehouse;
import org.ccft.testing.WholeJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ccft demo}, run as a user runs it: six years of drops over two nights, and the front page
 * of the seed annual report (2022-23, with 2021-22 in brackets) comes out of the published marts.
 */
@WholeJob
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoReproducesTheReportTest {

    Warehouse w;
    String stdout;
    int exitCode;

    @BeforeAll
    void runTheDemo(@TempDir Path tmp) {
        Commands.Result demo = Commands.ccft("demo", "--dir", tmp.toString());
        exitCode = demo.exitCode();
        stdout = demo.stdout();
        w = new Warehouse(tmp);
    }

    /**
     * The analysts' notebooks, re-run headless on the demo warehouse by the Python their
     * requirements pin (CCFT_NOTEBOOK_PYTHON, which .ci/run sets up): a cell that fails fails this
     * test, and each notebook draws its charts. Skipped without that Python, unless
     * CCFT_REQUIRE_NOTEBOOKS is set.
     */
    @Test
    void theNotebooksRunHeadlessOnTheDemoWarehouse() throws Exception {
        String python = System.getenv("CCFT_NOTEBOOK_PYTHON");
        if (python == null) {
            String why =
                    "no CCFT_NOTEBOOK_PYTHON (a Python with notebooks/requirements.txt installed; .ci/run makes one)";
            if (System.getenv("CCFT_REQUIRE_NOTEBOOKS") != null) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
        Path notebooks = Path.of("").toAbsolutePath().getParent().resolve("notebooks");
        Process run =
                new ProcessBuilder(
                                python,
                                notebooks.resolve("run_notebooks.py").toString(),
                                "--warehouse",
                                w.root.toString(),
                                "--out",
                                Path.of("target/notebooks").toAbsolutePath().toString())
                        .redirectErrorStream(true)
                        .start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor()).as(output).isZero();
        assertThat(
                        output.lines()
                                .filter(
                                        l ->
                                                l.matches(
                                                        ".*\\.ipynb: \\d+ cells run, [1-9]\\d* charts")))
                .as(output)
                .hasSize(3);
    }

    /**
     * DuckDB, computing the eight marts of marts.md from the demo's drops with the contract's rules
     * (written again in its SQL, not the warehouse's), gives every row the warehouse published.
     */
    @Test
    void duckDbComputesTheSameContractMartsFromTheSameDrops() {
        Commands.Result yardstick =
                Commands.ccft(
                        "yardstick",
                        "--landing",
                        w.landing.toString(),
                        "--warehouse",
                        w.root.toString());
        assertThat(yardstick.exitCode()).as(yardstick.stdout()).isEqualTo(ExitCode.OK);
        assertThat(yardstick.lines()).hasSize(1 + 8);
        assertThat(yardstick.lines().subList(1, 9))
                .allSatisfy(l -> assertThat(l).matches("[a-z_]+,[1-9][0-9]*,[1-9][0-9]*,true"));
    }

    @Test
    void theDemoPrintsTheReportsAtAGlancePage() {
        assertThat(exitCode).isEqualTo(ExitCode.OK);
        // The seed report, page 4: "compliments: 206 (204)" and so on.
        assertThat(stdout.lines())
                .containsSubsequence(
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
        // Night 1 quarantines the demo's 6 deliberately bad rows; nothing warns, nothing fails, on
        // either night.
        assertThat(stdout.lines())
                .contains(
                        "data quality, night 1: PASSED (6 rows quarantined)",
                        "data quality, night 2: PASSED (0 rows quarantined)");
        var report = QualityReport.of(TestSpark.session(), w.layout, null);
        assertThat(report.outcomes())
                .extracting(o -> o.status())
                .doesNotContain(
                        CheckOutcome.Status.WARNED,
                        CheckOutcome.Status.FAILED,
                        CheckOutcome.Status.REFUSED);
        assertThat(report.outcomes())
                .extracting(o -> o.check())
                .contains(
                        "at_a_glance_reconciles",
                        "escalation_has_stage_1",
                        "rows_reconcile",
                        "sat_complaints_reconcile",
                        "drop_volume");
    }

    @Test
    void theMartHoldsTheSameFigures() {
        Map<String, Long> y2223 =
                w
                        .sql(
                                "SELECT measure, value FROM at_a_glance WHERE financial_year = '2022-23'")
                        .stream()
                        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
        assertThat(y2223)
                .containsEntry("compliments", 206L)
                .containsEntry("enquiries_mp", 112L)
                .containsEntry("corporate_stage1", 339L)
                .containsEntry("lgo_enquiries", 29L);
        // "a total of 456 Statutory and Corporate complaints combined across all three stages"
        assertThat(
                        w.count(
                                "SELECT sum(value) FROM at_a_glance WHERE financial_year = '2022-23' "
                                        + "AND measure LIKE '%_stage%'"))
                .isEqualTo(456);
        assertThat(w.sql("SELECT DISTINCT financial_year FROM at_a_glance ORDER BY 1"))
                .extracting(r -> r.getString(0))
                .containsExactly("2017-18", "2018-19", "2019-20", "2020-21", "2021-22", "2022-23");
    }

    // ---- every figure of the report's 2022-23 pages, from the marts

    private Map<String, Object> summary2223() {
        var r = w.sql("SELECT * FROM complaints_summary WHERE financial_year = '2022-23'").get(0);
        Map<String, Object> m = new HashMap<>();
        for (String f : r.schema().fieldNames()) {
            m.put(f, r.getAs(f));
        }
        return m;
    }

    private static long percent(Object share) {
        return Math.round((Double) share * 100);
    }

    @Test
    void complaintsPage() {
        Map<String, Object> s = summary2223();
        // "a total of 456 ... Of these, 45 were Stage 2 complaints, and 20 were Stage 3
        // complaints."
        assertThat(s)
                .containsEntry("received", 456L)
                .containsEntry("received_stage2", 45L)
                .containsEntry("received_stage3", 20L);
        // "Out of the 459 complaints which concluded this year, ... partially upheld (42%) or fully
        // upheld (25%)."
        assertThat(s).containsEntry("concluded", 459L);
        assertThat(percent(s.get("partially_upheld_share"))).isEqualTo(42);
        assertThat(percent(s.get("upheld_share"))).isEqualTo(25);
        // "10% of complaints were reopened at Stage 1"
        assertThat(percent(s.get("reopened_share"))).isEqualTo(10);
        // "42 were made by young people, of which 37 were assisted by an Advocate."
        assertThat(s)
                .containsEntry("by_young_people", 42L)
                .containsEntry("young_people_with_advocate", 37L);
        // "459 complaints responded to ... 176 were extended ... 166 (equating to 36%) ... outside
        // ... timescale"
        assertThat(s).containsEntry("extended", 176L).containsEntry("outside_timescale", 166L);
        assertThat(percent(s.get("outside_timescale_share"))).isEqualTo(36);
        assertThat(
                        w.count(
                                "SELECT sum(responded) FROM complaint_timeliness WHERE financial_year = '2022-23'"))
                .isEqualTo(459);
        assertThat(
                        w.count(
                                "SELECT sum(outside_timescale) FROM complaint_timeliness WHERE financial_year = '2022-23'"))
                .isEqualTo(166);
        assertThat(
                        w.count(
                                "SELECT responded FROM complaint_response_times WHERE financial_year = '2022-23' "
                                        + "AND breakdown = 'all'"))
                .isEqualTo(459);
        assertThat(
                        w.count(
                                "SELECT sum(young_people_with_advocate) FROM complaints_summary WHERE financial_year = '2022-23'"))
                .isEqualTo(
                        w.count(
                                "SELECT with_advocate FROM complainants WHERE financial_year = '2022-23' "
                                        + "AND complainant_role = 'YOUNG_PERSON'"));
    }

    @Test
    void serviceAreasAndThemes() {
        // "the SAT with 190 complaints ... followed by the Integrated Front Door (IFD) and
        // Assessment Teams with 85"
        Map<String, Long> byArea =
                w
                        .sql(
                                "SELECT service_area, sum(received) FROM complaints_by_service_area "
                                        + "WHERE financial_year = '2022-23' GROUP BY service_area ORDER BY 2 DESC")
                        .stream()
                        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
        assertThat(byArea).containsEntry("SAT", 190L).containsEntry("IFD_ASSESSMENT", 85L);
        assertThat(byArea.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(190L));
        // "problems with plans (34%) followed by communication / correspondence (23%)"
        Map<String, Double> themes =
                w
                        .sql(
                                "SELECT theme, share FROM complaint_themes WHERE financial_year = '2022-23'")
                        .stream()
                        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getDouble(1)));
        assertThat(Math.round(themes.get("PLANS") * 100)).isEqualTo(34);
        assertThat(Math.round(themes.get("COMMUNICATION") * 100)).isEqualTo(23);
    }

    @Test
    void ombudsmanPage() {
        // "worked with 38 ... 9 were received in a previous year, and 15 remained ongoing ... a
        // final LGO decision was reached for 23 enquiries this year."
        var c =
                w.sql(
                                "SELECT sum(worked_with), sum(carried_in), sum(open_at_year_end), sum(decided), sum(received) "
                                        + "FROM lgo_caseload WHERE financial_year = '2022-23'")
                        .get(0);
        assertThat(List.of(c.getLong(0), c.getLong(1), c.getLong(2), c.getLong(3), c.getLong(4)))
                .containsExactly(38L, 9L, 15L, 23L, 29L);
        // "1 not upheld, 3 partially upheld, 5 upheld, 14 outside of remit"
        var o =
                w.sql(
                                "SELECT sum(not_upheld), sum(partially_upheld), sum(upheld), sum(outside_remit) FROM lgo_outcomes "
                                        + "WHERE financial_year = '2022-23'")
                        .get(0);
        assertThat(List.of(o.getLong(0), o.getLong(1), o.getLong(2), o.getLong(3)))
                .containsExactly(1L, 3L, 5L, 14L);
        // "2 ... Adoption, 6 for Family Safeguarding, 1 for Fostering, 5 for Integrated Front Door
        // / Assessment, 14 for Statutory Assessment Team / SEND, and 1 Other."
        Map<String, Long> received =
                w
                        .sql(
                                "SELECT service_area, received FROM lgo_outcomes WHERE financial_year = '2022-23' "
                                        + "AND received > 0")
                        .stream()
                        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
        assertThat(received)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "ADOPTION",
                                2L,
                                "FAMILY_SAFEGUARDING",
                                6L,
                                "FOSTERING",
                                1L,
                                "IFD_ASSESSMENT",
                                5L,
                                "SAT",
                                14L,
                                "OTHER",
                                1L));
        // "Of the 23 LGO enquires which concluded this year, the most common theme was in relation
        // to plans (43%)."
        var top =
                w.sql(
                                "SELECT theme, share FROM lgo_decisions_by_theme WHERE financial_year = '2022-23' "
                                        + "ORDER BY decided DESC LIMIT 1")
                        .get(0);
        assertThat(top.getString(0)).isEqualTo("PLANS");
        assertThat(Math.round(top.getDouble(1) * 100)).isEqualTo(43);
    }

    @Test
    void complimentsAndOtherFeedback() {
        // "206 compliments ... SEND Service, which includes the ... SAT with 98 compliments,
        // followed by the Targeted Support Service with 81"
        Map<String, Long> byGroup =
                w
                        .sql(
                                "SELECT report_group, sum(compliments) FROM compliments_by_service_area "
                                        + "WHERE financial_year = '2022-23' GROUP BY report_group")
                        .stream()
                        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
        assertThat(byGroup).containsEntry("SEND", 98L).containsEntry("Targeted Support", 81L);
        assertThat(byGroup.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(206);
        // Feedback Summary: professional differences 11, correspondences 15, safeguarding board 2,
        // SWE 2, representations 5
        Map<String, Long> other =
                w
                        .sql(
                                "SELECT kind, received FROM other_feedback WHERE financial_year = '2022-23'")
                        .stream()
                        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
        assertThat(other)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "resolving_professional_differences",
                                11L,
                                "correspondence",
                                15L,
                                "safeguarding_partnership_board",
                                2L,
                                "social_work_england",
                                2L,
                                "representation",
                                5L));
        // Graph 1: the four quarters add up to the year's At a Glance figures.
        assertThat(
                        w.count(
                                "SELECT sum(records) FROM feedback_by_quarter WHERE financial_year = '2022-23' "
                                        + "AND measure = 'compliments'"))
                .isEqualTo(206);
    }

    @Test
    void theSendTrackerComparesTheCouncilWithDfesFigures() {
        // DfE's published 2022 figures for Cambridgeshire: 1,094 plans, 36.7% within 20 weeks.
        var r =
                w.sql(
                                "SELECT value, england_value, rank, councils_ranked FROM ehcp_benchmark WHERE is_council "
                                        + "AND calendar_year = 2022 AND measure = 'plans_issued'")
                        .get(0);
        assertThat(r.getDouble(0)).isEqualTo(1094.0);
        assertThat(r.getLong(3)).isGreaterThan(140);
        assertThat(
                        w.sql(
                                        "SELECT value FROM ehcp_benchmark WHERE is_council AND calendar_year = 2022 "
                                                + "AND measure = 'share_within_20_weeks'")
                                .get(0)
                                .getDouble(0))
                .isEqualTo(0.367);
        // Real files carry DfE's markers: some councils' figures are `x`.
        assertThat(w.count("SELECT count(*) FROM ehcp_benchmark WHERE marker = 'x'")).isPositive();
        // The SAT's months: SAT complaints per 100 plans, with a rolling 12 months once 12 are
        // held.
        assertThat(
                        w.count(
                                "SELECT sum(sat_complaints) FROM ehcp_monthly_performance WHERE financial_year = '2022-23'"))
                .isEqualTo(190);
        assertThat(
                        w.count(
                                "SELECT count(*) FROM ehcp_monthly_performance WHERE complaints_per_100_plans_12m IS NULL"))
                .isEqualTo(11);
        assertThat(w.sql("SELECT DISTINCT measure FROM spc_xmr")).hasSize(3);
    }

    @Test
    void theTeamsListsAreAsAtTheNewestExport() {
        // Marts as at 2023-04-06: stages received in late March are open, with deadlines after
        // Easter.
        assertThat(w.count("SELECT count(*) FROM complaint_worklist")).isPositive();
        assertThat(
                        w.count(
                                "SELECT count(*) FROM complaint_worklist WHERE received_date > DATE'2023-04-06'"))
                .isZero();
        assertThat(
                        w.count(
                                "SELECT count(*) FROM commitments_outstanding WHERE without_owner OR without_due_date"))
                .isPositive();
        assertThat(w.count("SELECT count(*) FROM adjustments_by_complainant WHERE repeated_misses"))
                .isPositive();
    }

    @Test
    void theDataDictionaryCommandDescribesEveryPublishedMart() throws Exception {
        Commands.Result dictionary =
                Commands.ccft("dictionary", "--warehouse", w.root.toString(), "--format", "json");
        assertThat(dictionary.exitCode()).isEqualTo(ExitCode.OK);
        var json = new ObjectMapper().readTree(dictionary.stdout());
        assertThat(json.get("as_at_date").asText()).isEqualTo("2023-04-06");
        assertThat(json.get("marts")).hasSize(MartCatalog.MARTS.size());
        json.get("marts")
                .forEach(
                        m ->
                                m.get("columns")
                                        .forEach(
                                                c ->
                                                        assertThat(c.get("meaning").isNull())
                                                                .as(
                                                                        m.get("mart")
                                                                                + "."
                                                                                + c.get("name"))
                                                                .isFalse()));
        // Where the report contradicts itself, the dictionary says so.
        assertThat(dictionary.stdout()).contains("cannot be squared with its 190 SAT complaints");
    }

    @Test
    void satComplaintsAgainstPlansIssued() {
        // The report: SAT received 190 complaints in 2022-23.
        assertThat(
                        w.count(
                                "SELECT sat_complaints FROM sat_complaints_vs_ehcp WHERE financial_year = '2022-23'"))
                .isEqualTo(190);
    }

    @Test
    void theSatMonthsAddUpToDfesPublishedFiguresPerCalendarYear() throws Exception {
        Map<String, Long> byYear =
                TestSpark.session()
                        .read()
                        .format("delta")
                        .load(w.layout.conformed("ehcp_monthly"))
                        .groupBy(
                                org.apache.spark.sql.functions.substring(
                                        org.apache.spark.sql.functions.col("month"), 1, 4))
                        .sum("plans_issued")
                        .collectAsList()
                        .stream()
                        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
        Map<String, Long> published = DfeSen2.cambridgeshirePlansIssued();
        for (String year : List.of("2019", "2020", "2021", "2022")) {
            assertThat(byYear.get(year)).as(year).isEqualTo(published.get(year));
        }
        assertThat(published).containsEntry("2022", 1094L);
    }

    @Test
    void quarantineHoldsTheDemosBadRowsByRule() {
        assertThat(
                        TestSpark.session()
                                .read()
                                .format("delta")
                                .load(w.layout.quarantine())
                                .select("rule")
                                .collectAsList())
                .extracting(r -> r.getString(0))
                .containsExactlyInAnyOrder(
                        "code_list:service_area",
                        "type:received_date",
                        "date_order:response_date",
                        "required_when:procedure",
                        "code_list:stage",
                        "type:non_resident_parent");
    }

    /**
     * DfE's published figures, read from the real file as published when the shared data is beside
     * the repo.
     */
    static final class DfeSen2 {
        static Map<String, Long> cambridgeshirePlansIssued() throws Exception {
            Path shared =
                    Path.of("../../shared/data/real/dfe-sen2-ehcp-2025/timeliness_20_week.csv");
            List<String> lines =
                    Files.exists(shared)
                            ? Files.readAllLines(shared, StandardCharsets.UTF_8)
                            : List.of(
                                    new String(
                                                    DfeSen2.class
                                                            .getClassLoader()
                                                            .getResourceAsStream(
                                                                    "demo/dfe-sen2/timeliness_20_week.csv")
                                                            .readAllBytes(),
                                                    StandardCharsets.UTF_8)
                                            .split("\n"));
            assertThat(lines.get(0))
                    .startsWith("\uFEFFtime_period,"); // published with a byte-order mark
            List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(","));
            int la = header.indexOf("la_name");
            int breakdown = header.indexOf("breakdown");
            int issued = header.indexOf("plans_issued_den");
            return lines.stream()
                    .skip(1)
                    .map(l -> l.split(","))
                    .filter(
                            f ->
                                    f.length > issued
                                            && f[la].equals("Cambridgeshire")
                                            && f[breakdown].equals("All EHC plans issued"))
                    .collect(Collectors.toMap(f -> f[0], f -> Long.parseLong(f[issued])));
        }
    }

    /** The dashboards the demo's publish wrote, read in a real headless Chromium. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class TheDashboardInABrowser {

        Chromium browser;
        DashboardInTheBrowser site;
        Path teamSite;

        @BeforeAll
        void openABrowser(@TempDir Path tmp) throws Exception {
            teamSite = tmp.resolve("team-site");
            assertThat(
                            Ccft.commandLine()
                                    .execute(
                                            "site",
                                            "--warehouse",
                                            w.root.toString(),
                                            "--out",
                                            teamSite.toString(),
                                            "--audience",
                                            "team"))
                    .isZero();
            browser = Chromium.launch();
            site = new DashboardInTheBrowser(browser);
        }

        @AfterAll
        void closeTheBrowser() throws Exception {
            if (browser != null) {
                browser.close();
            }
        }

        @Test
        void theDemoNamesTheSitesItPublished() {
            assertThat(stdout)
                    .contains(
                            "dashboard: "
                                    + w.root.resolve("published/site/internal/index.html")
                                            .toAbsolutePath());
            assertThat(w.root.resolve("published/site/public/index.html")).exists();
        }

        @Test
        void everyPageLoadsCleanlyStaysInsideTheSiteAndPassesAxe() throws Exception {
            site.everyPageLoadsCleanlyAndAccessibly(w.root, teamSite);
        }

        @Test
        void eachChartShowsItsMartAndTheFiltersChangeIt() throws Exception {
            site.chartsShowTheirMartsAndFiltersChangeThem(w.root);
        }

        @Test
        void thePublicSiteShowsOnlySuppressedFigures() throws Exception {
            site.thePublicSiteShowsOnlySuppressedFigures(w.root);
        }

        @Test
        void caseReferencesAreInTheTeamsSiteOnly() throws Exception {
            site.referencesAreInTheTeamsSiteOnly(w.root, teamSite);
        }
    }

    /**
     * The annual report the demo wrote, opened as the team opens it: Word (Apache POI) and the
     * PDF's text.
     */
    @Nested
    class TheAnnualReport {

        private Path report(String name) {
            return w.root.getParent().resolve("report").resolve(name);
        }

        /** The text of each section (from its heading to the next), as the document prints it. */
        private Map<String, String> sections(List<String> paragraphs) {
            Map<String, String> out = new LinkedHashMap<>();
            String current = "title";
            for (String p : paragraphs) {
                if (java.util.Arrays.stream(ReportSection.values())
                        .map(ReportSection::title)
                        .anyMatch(p.trim()::equals)) {
                    current = p.trim();
                }
                out.merge(current, squeezed(p), String::concat);
            }
            return out;
        }

        /**
         * Text without its spacing: a PDF's extracted text breaks lines and drops the space between
         * table cells, a Word table's cells are joined here with bars; the words and figures are
         * what is compared.
         */
        private static String squeezed(String text) {
            return text.replaceAll("[\\s|]", "");
        }

        private void holds(String section, String... phrases) {
            for (String phrase : phrases) {
                assertThat(section).contains(squeezed(phrase));
            }
        }

        private Map<String, String> word(String name) throws Exception {
            try (var in = Files.newInputStream(report(name));
                    var doc = new XWPFDocument(in)) {
                List<String> lines = new ArrayList<>();
                for (var element : doc.getBodyElements()) {
                    if (element instanceof XWPFParagraph p) {
                        lines.add(p.getText());
                    } else if (element instanceof XWPFTable t) {
                        t.getRows()
                                .forEach(
                                        r ->
                                                lines.add(
                                                        r.getTableCells().stream()
                                                                .map(
                                                                        org.apache.poi.xwpf
                                                                                        .usermodel
                                                                                        .XWPFTableCell
                                                                                ::getText)
                                                                .collect(
                                                                        Collectors.joining(
                                                                                " | "))));
                    }
                }
                return sections(lines);
            }
        }

        /** The PDF's pages: each section starts a page, and its figures are on its pages. */
        private Map<String, String> pdf(String name) throws Exception {
            var reader = new PdfReader(Files.readAllBytes(report(name)));
            var text = new PdfTextExtractor(reader);
            List<String> lines = new ArrayList<>();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                lines.addAll(List.of(text.getTextFromPage(page).split("\n")));
            }
            return sections(lines);
        }

        @Test
        void theWordDocumentAndThePdfHoldTheSeedReportsFiguresInTheirSections() throws Exception {
            for (Map<String, String> doc :
                    List.of(word("annual-report-2022-23.docx"), pdf("annual-report-2022-23.pdf"))) {
                // The seed report's page 4.
                holds(
                        doc.get("At a Glance"),
                        "206 Received (204 the year before)",
                        "16 General enquiries (30 the year before)",
                        "112 MP enquiries (68 the year before)",
                        "3 Stage 3 (5 the year before)",
                        "339 Stage 1 (319 the year before)",
                        "29 Enquiries (20 the year before)");
                // Its complaints pages: 456 received (the year before: At a Glance's 2021-22 stages
                // add up to 74 + 15 + 5 + 319 + 25 + 7 = 445, where the report's text says 432),
                // 36% late, the SAT's 190.
                holds(
                        doc.get("Complaints"),
                        "We received 456 complaints",
                        "(445 the year before)",
                        "Of these, 45 were at stage 2",
                        "36% of all we sent",
                        "extension with the complainant for 176",
                        "young people made 42 complaints",
                        "an advocate helped with 37",
                        "Statutory Assessment Team | 190");
                holds(doc.get("Compliments"), "206 compliments this year (204 the year before)");
                holds(
                        doc.get("Local Government and Social Care Ombudsman"),
                        "worked with 38 enquiries",
                        "final decision on 23");
            }
            assertThat(Files.readString(report("annual-report-2022-23.html")))
                    .contains("We received 456 complaints", "(445 the year before)", "36%");
        }

        /**
         * The public version prints what the council's own report prints, small one-way totals
         * included (5 (4) representations, 2 (1) to the safeguarding board: the seed report's
         * figures), and protects the detail: councillor and general enquiries by quarter (3 to 5
         * each quarter, a kind crossed with a quarter) are left out of Graph 1, which says so, and
         * no sentence prints a c.
         */
        @Test
        void thePublicVersionPrintsTheReportsFiguresAndProtectsTheDetail() throws Exception {
            Map<String, String> exact = word("annual-report-2022-23.docx");
            holds(
                    exact.get("Feedback Summary"),
                    "Representations | 5 (4)",
                    "Safeguarding Partnership Board | 2 (1)",
                    "Social Work England | 2 (2)");
            for (Map<String, String> doc :
                    List.of(
                            word("annual-report-2022-23-public.docx"),
                            pdf("annual-report-2022-23-public.pdf"))) {
                holds(
                        doc.get("At a Glance"),
                        "206 Received (204 the year before)",
                        "3 Stage 3 (5 the year before)",
                        "17 Stage 3 (7 the year before)");
                holds(
                        doc.get("Feedback Summary"),
                        "Representations 5 (4)",
                        "Safeguarding Partnership Board 2 (1)",
                        "Correspondence 15 (14)",
                        "Councillor enquiries, General enquiries are mostly too small to publish");
                holds(
                        doc.get("Complaints"),
                        "We received 456 complaints",
                        "young people made 42 complaints",
                        "an advocate helped with 37",
                        "We answered 459 complaints",
                        "extension with the complainant for 176",
                        "166 responses, 36% of all we sent");
                holds(
                        doc.get("Local Government and Social Care Ombudsman"),
                        "worked with 38 enquiries",
                        "final decision on 23");
                doc.values()
                        .forEach(
                                text ->
                                        assertThat(text)
                                                .as("a sentence printing c")
                                                .doesNotContainPattern(
                                                        "\\bc (were|enquiries|complaints|compliments)\\b"));
            }
            JsonNode disclosure =
                    new ObjectMapper()
                            .readTree(
                                    w.root.resolve("published/files/public/disclosure.json")
                                            .toFile());
            // The whole release was attacked with every identity found before it was written.
            assertThat(disclosure.get("identities_mined_within_a_period").asInt()).isPositive();
            assertThat(disclosure.get("identities_mined_between_periods").asInt()).isPositive();
            assertThat(disclosure.get("secondary").asInt()).isPositive();
        }
    }
}
