package org.ccft.published.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.ccft.marts.Audience;
import org.ccft.published.MartReader;
import org.ccft.published.ReleaseInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Complaint Handling Code's annual report, built from a staff release whose marts hold
 * hand-made figures: the self-assessment with its unanswered sections, the Code's timescales met
 * and missed, the learning completed in the year, and the Ombudsman's three figures.
 */
class CodeAnnualReportTest {

    @TempDir static Path tmp;
    static MartReader marts;

    @BeforeAll
    static void release() throws Exception {
        Path internal = Files.createDirectories(tmp.resolve("run-1/internal/parquet"));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = db.createStatement()) {
            copy(
                    sql,
                    internal,
                    "code_timeliness",
                    """
                    SELECT * FROM (VALUES
                      ('2022-23', 'CORPORATE', 1, 40, 3, 1, 2, 0, 0, 0, 37, 35, 38, 30, 6, 2, 5, 8, 6, 4, 3.0, 9.0),
                      ('2022-23', 'CORPORATE', 2, 5, 0, 0, 0, 0, 0, 0, 5, 5, 5, 5, 0, 0, 0, 0, 0, 0, 2.0, 15.0),
                      ('2021-22', 'CORPORATE', 1, 10, 0, 0, 0, 0, 0, 0, 1, 1, 10, 1, 0, 0, 9, 9, 9, 0, 9.0, 30.0))
                    t(financial_year, procedure, stage, received, refused, refused_not_a_complaint,
                      refused_out_of_time, refused_other_route, refused_unreasonable_behaviour,
                      refused_other, acknowledged, acknowledged_in_time, responded, responded_in_time,
                      extended, extended_beyond_limit, not_acknowledged_in_time, responded_late,
                      responded_late_unextended, extended_within_limit,
                      median_working_days_to_acknowledge, median_working_days_to_respond)
                    """);
            copy(
                    sql,
                    internal,
                    "learning_summary",
                    "SELECT '2022-23' AS financial_year, 'TRAINING' AS kind, 4 AS agreed, 3 AS done,"
                            + " 2 AS done_on_time, 1 AS overdue");
            copy(
                    sql,
                    internal,
                    "learning_actions",
                    """
                    SELECT * FROM (VALUES
                      ('2022-23', 'SERVICE_IMPROVEMENT', 'SAT', 'PLANS', DATE '2022-09-01', true, 7, 3),
                      ('2022-23', 'SERVICE_IMPROVEMENT', 'SAT', 'PLANS', DATE '2023-02-01', false, 5, NULL),
                      ('2022-23', 'TRAINING', 'SAT', 'PLANS', DATE '2022-10-01', true, 2, 1),
                      ('2022-23', 'TRAINING', 'SAT', 'PLANS', DATE '2023-05-01', true, 4, NULL),
                      ('2022-23', 'TRAINING', 'SAT', 'PLANS', NULL, false, NULL, NULL))
                    t(financial_year, kind, service_area, theme, completed_date, done_on_time,
                      complaints_6_months_before, complaints_6_months_after)
                    """);
            copy(
                    sql,
                    internal,
                    "lgo_annual_letter",
                    "SELECT '2022-23' AS financial_year, 4 AS decisions, 3 AS investigated,"
                            + " 2 AS upheld, 2 / 3 AS upheld_rate, 3 AS recommendations_due,"
                            + " 1 AS recommendations_on_time, 1 / 3 AS compliance_rate,"
                            + " 1 AS remedied_by_council, 0.5 AS satisfactory_remedy_rate");
        }
        marts = MartReader.ofRelease(tmp.resolve("run-1"), "2023-04-06", Audience.INTERNAL);
        // The public release: corporate stage 2's refusals and their reasons protected.
        Path open = Files.createDirectories(tmp.resolve("run-1/public/parquet"));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = db.createStatement()) {
            copy(
                    sql,
                    open,
                    "code_compliance",
                    """
                    SELECT * FROM (VALUES
                      ('2022-23', 'CORPORATE', 1, 40, 3, 1, 2, 0, 0, 0, 35, 38, 30, 6, 2, 5, 8, 6, 4, NULL),
                      ('2022-23', 'CORPORATE', 2, 5, NULL, NULL, NULL, 0, 0, 0, 5, 5, NULL, 0, NULL, 0, NULL, NULL, 0,
                       'refused,refused_not_a_complaint,refused_out_of_time,responded_in_time,extended_beyond_limit,responded_late,responded_late_unextended'))
                    t(financial_year, procedure, stage, received, refused, refused_not_a_complaint,
                      refused_out_of_time, refused_other_route, refused_unreasonable_behaviour,
                      refused_other, acknowledged_in_time, responded, responded_in_time, extended,
                      extended_beyond_limit, not_acknowledged_in_time, responded_late,
                      responded_late_unextended, extended_within_limit, suppressed)
                    """);
            copy(
                    sql,
                    open,
                    "learning_summary",
                    "SELECT '2022-23' AS financial_year, 'TRAINING' AS kind, 4 AS agreed, 3 AS done,"
                            + " NULL AS done_on_time, 1 AS overdue, 'done_on_time' AS suppressed");
        }
    }

    private static void copy(Statement sql, Path folder, String mart, String select)
            throws Exception {
        sql.execute(
                "COPY ("
                        + select
                        + ") TO '"
                        + folder.resolve(mart + ".parquet")
                        + "' (FORMAT parquet)");
    }

    private static ReportDocument build(SelfAssessment assessment) throws Exception {
        return new CodeAnnualReport(marts, "2022-23", assessment)
                .build(ReleaseInfo.of(marts, "Testshire"));
    }

    private static ReportDocument.Table table(ReportDocument report, String caption) {
        return report.blocks().stream()
                .filter(b -> b instanceof ReportDocument.Table t && t.caption().equals(caption))
                .map(ReportDocument.Table.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no table " + caption));
    }

    @Test
    void theCodesFiguresTheirMissesAndTheLetter() throws Exception {
        Path narrative = Files.createDirectories(tmp.resolve("narrative"));
        Files.writeString(
                narrative.resolve(SelfAssessment.FILE),
                "section,answer,evidence\n1,Yes,\"Our policy, page 2\"\n6,Partly,Two stages\n");
        ReportDocument report = build(SelfAssessment.read(narrative));

        assertThat(report.contents())
                .containsExactly(
                        "About this report",
                        "Self-assessment against the Code",
                        "Complaints received and refused",
                        "Where the Code was not met",
                        "Learning from complaints",
                        "The Ombudsman's annual letter");
        ReportDocument.Table assessed = table(report, "Self-assessment");
        assertThat(assessed.rows()).hasSize(9);
        assertThat(assessed.rows().get(0))
                .containsExactly("1. Definition of a complaint", "Yes", "Our policy, page 2");
        assertThat(assessed.rows().stream().filter(r -> r.get(1).equals("Not yet answered")))
                .hasSize(7);
        assertThat(report.blocks())
                .filteredOn(ReportDocument.ToWrite.class::isInstance)
                .singleElement()
                .asString()
                .contains("7 of the Code's sections are not answered yet");

        // 35 of 40 acknowledged in time (88%), 30 of 38 answered in time (79%); statutory first,
        // then by stage; 2021-22 not shown.
        assertThat(table(report, "Complaints received in 2022-23 and their acknowledgement").rows())
                .containsExactly(
                        List.of("Corporate stage 1", "40", "3", "88%", "3"),
                        List.of("Corporate stage 2", "5", "0", "100%", "2"));
        assertThat(
                        table(
                                        report,
                                        "Complaints received in 2022-23 and answered, against the"
                                                + " Code's timescales")
                                .rows())
                .containsExactly(
                        List.of("Corporate stage 1", "38", "79%", "6", "2", "9"),
                        List.of("Corporate stage 2", "5", "100%", "0", "0", "15"));
        assertThat(table(report, "Complaints refused in 2022-23, by reason").rows())
                .contains(List.of("Not a complaint", "1"), List.of("Made too late", "2"));
        // 40 - 35 acknowledged late or not at all; 38 - 30 answered late, 2 of them beyond the
        // longest extension, so 6 without one. Stage 2 met the Code.
        assertThat(report.blocks())
                .filteredOn(ReportDocument.Bullets.class::isInstance)
                .map(b -> ((ReportDocument.Bullets) b).items())
                .contains(
                        List.of(
                                "Corporate stage 1: 5 of 40 complaints not acknowledged within the"
                                        + " Code's working days (late, or not yet acknowledged).",
                                "Corporate stage 1: 6 answered after the Code's timescale without"
                                        + " an extension.",
                                "Corporate stage 1: 2 answered after even the longest extension"
                                        + " the Code allows."));
        assertThat(table(report, "Learning actions agreed in 2022-23").rows())
                .containsExactly(List.of("Training", "4", "3", "2", "1"));
        // Changes to the service done in the year: 1 September 2022 and 1 February 2023 (its 6
        // months after not passed); training is not one, 1 May 2023 is the next year's, and one is
        // not done.
        assertThat(table(report, "Service improvements completed in 2022-23").rows())
                .extracting(r -> r.get(2) + " " + r.get(3) + " " + r.get(4) + " " + r.get(5))
                .containsExactlyInAnyOrder(
                        "1 September 2022 Yes 7 3", "1 February 2023 No 5 not yet");
        assertThat(table(report, "The Ombudsman's three figures for 2022-23").rows())
                .containsExactly(
                        List.of(
                                "Complaints upheld, of those investigated in detail",
                                "67%",
                                "2 of 3"),
                        List.of("Recommendations carried out on time", "33%", "1 of 3"),
                        List.of(
                                "Satisfactory remedy provided by the council, of those upheld",
                                "50%",
                                "1 of 2"));

        ReportWriter.Written written =
                ReportWriter.write(
                        report,
                        tmp.resolve("out"),
                        CodeAnnualReport.fileName("2022-23", Audience.INTERNAL));
        assertThat(written.docx())
                .hasFileName("complaints-performance-and-service-improvement-2022-23.docx")
                .isNotEmptyFile();
        assertThat(written.pdf()).isNotEmptyFile();
        assertThat(Files.readString(written.html()))
                .contains("Self-assessment against the Code")
                .contains("Not yet answered");
    }

    @Test
    void thePublicVersionPrintsProtectedFiguresAsCAndLeavesOutWhatIsNotPublished()
            throws Exception {
        MartReader open = MartReader.ofRelease(tmp.resolve("run-1"), "2023-04-06", Audience.PUBLIC);
        ReportDocument report =
                new CodeAnnualReport(open, "2022-23", SelfAssessment.none())
                        .build(ReleaseInfo.of(open, "Testshire"));

        assertThat(report.titlePage().note()).contains("shown as c");
        assertThat(report.blocks()).noneMatch(ReportDocument.ToWrite.class::isInstance);
        // No medians; stage 2's refusals and answers in time protected.
        assertThat(report.blocks())
                .filteredOn(ReportDocument.Table.class::isInstance)
                .allSatisfy(
                        t ->
                                assertThat(((ReportDocument.Table) t).header())
                                        .noneMatch(h -> h.startsWith("Median")));
        assertThat(table(report, "Complaints received in 2022-23 and their acknowledgement").rows())
                .containsExactly(
                        List.of("Corporate stage 1", "40", "3", "88%"),
                        List.of("Corporate stage 2", "5", "c", "100%"));
        assertThat(
                        table(
                                        report,
                                        "Complaints received in 2022-23 and answered, against the"
                                                + " Code's timescales")
                                .rows())
                .containsExactly(
                        List.of("Corporate stage 1", "38", "79%", "6", "2"),
                        List.of("Corporate stage 2", "5", "c", "0", "c"));
        assertThat(table(report, "Complaints refused in 2022-23, by reason").rows())
                .contains(List.of("Not a complaint", "c"), List.of("Another reason", "0"));
        // Stage 1's misses are worked out from published figures; stage 2's are not given.
        assertThat(report.blocks())
                .filteredOn(ReportDocument.Bullets.class::isInstance)
                .map(b -> ((ReportDocument.Bullets) b).items())
                .anySatisfy(
                        items ->
                                assertThat(items)
                                        .hasSize(3)
                                        .allMatch(i -> i.startsWith("Corporate stage 1")));
        assertThat(report.blocks())
                .contains(
                        new ReportDocument.Paragraph(
                                "For some stages these figures are not given, to protect the"
                                        + " people they are about."));
        assertThat(table(report, "Learning actions agreed in 2022-23").rows())
                .containsExactly(List.of("Training", "4", "3", "c", "1"));
        assertThat(report.blocks())
                .noneMatch(
                        b ->
                                b instanceof ReportDocument.Table t
                                        && (t.caption().startsWith("Service improvements")
                                                || t.caption().startsWith("The Ombudsman's")));
    }

    @Test
    void aSelfAssessmentThatIsNotTheCodesIsRefusedWithItsLine() throws Exception {
        Path narrative = Files.createDirectories(tmp.resolve("bad"));
        Path file = narrative.resolve(SelfAssessment.FILE);
        Files.writeString(file, "section,answer,evidence\n1,Yes,ok\n10,Yes,no such section\n");
        assertThatThrownBy(() -> SelfAssessment.read(narrative))
                .hasMessage(
                        file + " line 3: the Code has no section '10' (its sections are 1 to 9)");
        Files.writeString(file, "section,answer,evidence\n1,Maybe,ok\n");
        assertThatThrownBy(() -> SelfAssessment.read(narrative))
                .hasMessage(file + " line 2: an answer is Yes, Partly or No");
        Files.writeString(file, "section,answer,evidence\n1,Yes,ok\n1,No,again\n");
        assertThatThrownBy(() -> SelfAssessment.read(narrative))
                .hasMessage(file + " line 3: section 1 is answered twice");
        assertThat(SelfAssessment.read(tmp.resolve("no-such-folder")).answers()).isEmpty();
    }
}
