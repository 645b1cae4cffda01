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
 * The team's narrative filled from a release's files as the report reads them (Parquet written by
 * DuckDB, read through {@link MartReader}): placeholders print the figures of the fixture below, a
 * placeholder that names no figure fails with its file and line, and the public version leaves out
 * each sentence holding a protected figure.
 *
 * <p>The fixture: complaints_summary for 2022-23 (received 1,456, stage 3 received 3, concluded
 * 459, 166 late = 0.3617 of them) and 2021-22 (received 445); at_a_glance for 2022-23 (compliments
 * 206, the year before 204; MP enquiries 112). The public release protects 2022-23's
 * received_stage3.
 */
class NarrativeTest {

    @TempDir static Path tmp;
    static Path release;

    @BeforeAll
    static void release() throws Exception {
        release = tmp.resolve("run-1");
        Path internal = Files.createDirectories(release.resolve("internal/parquet"));
        Path open = Files.createDirectories(release.resolve("public/parquet"));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = db.createStatement()) {
            String summary =
                    "SELECT * FROM (VALUES ('2022-23', 1456, 3, 459, 166, 0.3617),"
                            + " ('2021-22', 445, 5, 432, 150, 0.3472))"
                            + " AS t(financial_year, received, received_stage3, concluded,"
                            + " outside_timescale, outside_timescale_share)";
            String glance =
                    "SELECT * FROM (VALUES ('2022-23', 'compliments', 206, 204),"
                            + " ('2022-23', 'enquiries_mp', 112, 68))"
                            + " AS t(financial_year, measure, value, previous_year_value)";
            copy(sql, summary, internal.resolve("complaints_summary.parquet"));
            copy(sql, glance, internal.resolve("at_a_glance.parquet"));
            copy(
                    sql,
                    "SELECT financial_year, received, CASE WHEN financial_year = '2022-23' THEN NULL"
                            + " ELSE received_stage3 END AS received_stage3, concluded,"
                            + " outside_timescale, outside_timescale_share, CASE WHEN financial_year ="
                            + " '2022-23' THEN 'received_stage3' END AS suppressed FROM ("
                            + summary
                            + ")",
                    open.resolve("complaints_summary.parquet"));
            copy(sql, glance, open.resolve("at_a_glance.parquet"));
        }
    }

    private static void copy(Statement sql, String query, Path to) throws Exception {
        sql.execute("COPY (" + query + ") TO '" + to + "' (FORMAT parquet)");
    }

    private static Narrative narrative(String section, String text) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("narrative-" + System.nanoTime()));
        Files.writeString(folder.resolve(section), text);
        return Narrative.read(folder);
    }

    private static ReportDocument report(Audience audience, Narrative narrative) throws Exception {
        MartReader marts = MartReader.ofRelease(release, "2023-04-06", audience);
        return new AnnualReport(marts, "2022-23", narrative)
                .build(new ReleaseInfo("run-1", 1, "2023-04-06", "now", "Testshire", "PASSED"));
    }

    private static List<String> paragraphs(ReportDocument doc) {
        return doc.blocks().stream()
                .filter(b -> b instanceof ReportDocument.Paragraph)
                .map(b -> ((ReportDocument.Paragraph) b).text())
                .toList();
    }

    @Test
    void placeholdersPrintTheFiguresAsTheirColumnsRead() throws Exception {
        ReportDocument doc =
                report(
                        Audience.INTERNAL,
                        narrative(
                                "complaints.md",
                                "We received {{complaints_summary.received}}"
                                        + " ({{ complaints_summary.received[year=previous] }}).\n"
                                        + "Of {{complaints_summary.concluded}} answered,"
                                        + " {{complaints_summary.outside_timescale_share}} were late."
                                        + " Compliments: {{at_a_glance.value[measure=compliments]}}"
                                        + " ({{at_a_glance.previous_year_value[measure=compliments]}}),"
                                        + " {{at_a_glance.value[measure=compliments] as money}}.\n"));
        assertThat(paragraphs(doc))
                .contains(
                        "We received 1,456 (445). Of 459 answered, 36% were late. Compliments: 206"
                                + " (204), £206.");
    }

    @Test
    void aPlaceholderThatNamesNoFigureFailsWithItsFileAndLine() throws Exception {
        String[][] cases = {
            {
                "{{nosuch.received}}",
                "line 3: {{nosuch.received}} names no published table called nosuch"
            },
            {
                "{{complaints_summary.recieved}}",
                "names no column of complaints_summary called recieved"
            },
            {"{{at_a_glance.value}}", "matches 2 rows of at_a_glance"},
            {"{{at_a_glance.value[measure=letters]}}", "matches no row of at_a_glance"},
            {"{{at_a_glance.value[colour=red]}}", "picks its row by colour, which is no column"},
            {"{{complaints_summary}}", "names no figure"},
            {"{{complaints_summary.received", "a placeholder is not closed"},
            {"[[Graph 9]]", "[[Graph 9]] is not a graph or table of this section; it has Graph 2"}
        };
        for (String[] c : cases) {
            Narrative n = narrative("complaints.md", "First line.\n\n" + c[0] + "\n");
            assertThatThrownBy(() -> report(Audience.INTERNAL, n))
                    .as(c[0])
                    .isInstanceOf(Narrative.BadNarrative.class)
                    .hasMessageContaining("complaints.md line 3")
                    .hasMessageContaining(c[1]);
        }
        assertThatThrownBy(() -> narrative("complaint.md", "text"))
                .isInstanceOf(Narrative.BadNarrative.class)
                .hasMessageContaining("complaint.md: no section of the report is called that")
                .hasMessageContaining("complaints.md");
    }

    @Test
    void thePublicVersionLeavesOutEachSentenceHoldingAProtectedFigure() throws Exception {
        Narrative n =
                narrative(
                        "complaints.md",
                        "We received {{complaints_summary.received}} complaints. Of these,"
                                + " {{complaints_summary.received_stage3}} were at stage 3. Most came"
                                + " from parents.\n\n"
                                + "- {{complaints_summary.received_stage3}} reached stage 3\n"
                                + "- {{complaints_summary.concluded}} were answered\n");
        ReportDocument staff = report(Audience.INTERNAL, n);
        assertThat(paragraphs(staff))
                .contains(
                        "We received 1,456 complaints. Of these, 3 were at stage 3. Most came from parents.")
                .doesNotContain(Narrative.LEFT_OUT);
        ReportDocument open = report(Audience.PUBLIC, n);
        assertThat(paragraphs(open))
                .contains(
                        "We received 1,456 complaints. Most came from parents.",
                        Narrative.LEFT_OUT);
        assertThat(open.blocks())
                .contains(new ReportDocument.Bullets(List.of("459 were answered")));
    }

    @Test
    void aSectionWithoutTextShowsWhereItGoesForStaffAndIsLeftOutForThePublic() throws Exception {
        Narrative n = narrative("message.md", "Welcome.\n");
        ReportDocument staff = report(Audience.INTERNAL, n);
        assertThat(staff.contents())
                .containsExactly(
                        java.util.Arrays.stream(ReportSection.values())
                                .map(ReportSection::title)
                                .toArray(String[]::new));
        assertThat(staff.blocks())
                .filteredOn(b -> b instanceof ReportDocument.ToWrite)
                .hasSize(ReportSection.values().length - 1);
        ReportDocument open = report(Audience.PUBLIC, n);
        assertThat(open.contents())
                .contains("Message from the team", "Complaints")
                .doesNotContain("Case Studies", "Advocacy Services", "Contact Details");
        assertThat(open.blocks()).noneMatch(b -> b instanceof ReportDocument.ToWrite);
    }

    @Test
    void quotesKeepWhoSaidThem() throws Exception {
        ReportDocument doc =
                report(
                        Audience.INTERNAL,
                        narrative(
                                "compliments.md",
                                "> They listened.\n> And they called back.\n> — a parent, Early Help\n"));
        assertThat(doc.blocks())
                .contains(
                        new ReportDocument.Quote(
                                "They listened. And they called back.", "a parent, Early Help"));
    }
}
