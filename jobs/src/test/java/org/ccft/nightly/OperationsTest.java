package org.ccft.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.ccft.conformed.MergeOrderingTest;
import org.ccft.marts.MartCatalog;
import org.ccft.testing.Commands;
import org.ccft.testing.Warehouse;
import org.ccft.testing.WholeJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a platform team relies on: schedules, tags, maintenance (one run at a time and history:
 * CrashSafetyTest).
 */
@WholeJob
class OperationsTest {

    static JsonNode martVersions(String published) throws Exception {
        return new ObjectMapper().readTree(published).get("marts");
    }

    @Test
    void aTagGivesTheFiguresAsPublishedAfterCorrectionsAndMaintenance(@TempDir Path tmp)
            throws Exception {
        Warehouse w = new Warehouse(tmp);
        String dir = w.root.toString();
        String query =
                "SELECT financial_year, received, concluded, upheld_share FROM complaints_summary ORDER BY 1";
        MergeOrderingTest.D1.writeTo(w.landing);
        assertThat(w.nightly().exitCode()).isEqualTo(ExitCode.OK);
        Commands.Result asPublished = Commands.ccft("sql", "--warehouse", dir, query);

        assertThat(Commands.ccft("publish", "--warehouse", dir, "--tag", "annual-2022-23").stdout())
                .startsWith(
                        "tagged annual-2022-23: run 1, as at 2023-01-01, "
                                + MartCatalog.MARTS.size()
                                + " marts");
        assertThat(
                        Commands.ccft("publish", "--warehouse", dir, "--tag", "annual-2022-23")
                                .exitCode())
                .as("a tag is never moved")
                .isEqualTo(ExitCode.QUERY_FAILED);
        assertThat(Commands.ccft("publish", "--warehouse", dir, "--tag", "../escape").exitCode())
                .isEqualTo(ExitCode.QUERY_FAILED);

        // Later corrections: R1 answered and upheld, R2 deleted.
        MergeOrderingTest.D2.writeTo(w.landing);
        assertThat(w.nightly().exitCode()).isEqualTo(ExitCode.OK);
        Commands.Result now = Commands.ccft("sql", "--warehouse", dir, query);
        assertThat(now.stdout()).isNotEqualTo(asPublished.stdout());

        Commands.Result maintained =
                Commands.ccft("maintain", "--warehouse", dir, "--retain-hours", "0");
        assertThat(maintained.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(maintained.lines().get(0))
                .as("stdout is the CSV alone")
                .isEqualTo("table,files_before,bytes_before,files_after,bytes_after");
        Map<String, long[]> files = new HashMap<>();
        maintained.lines().stream()
                .skip(1)
                .takeWhile(l -> !l.isEmpty())
                .map(l -> l.split(","))
                .forEach(
                        c ->
                                files.put(
                                        c[0],
                                        new long[] {Long.parseLong(c[1]), Long.parseLong(c[3])}));
        assertThat(files)
                .containsKeys(
                        "conformed/feedback_records",
                        "raw/feedback_records",
                        "marts/at_a_glance",
                        "published/tags/annual-2022-23/at_a_glance");
        long[] conformed = files.get("conformed/feedback_records");
        assertThat(conformed[1])
                .as("files of the version MERGE replaced are vacuumed")
                .isLessThan(conformed[0]);

        Commands.Result tagged =
                Commands.ccft("sql", "--warehouse", dir, "--as-of", "annual-2022-23", query);
        assertThat(tagged.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(tagged.stdout()).isEqualTo(asPublished.stdout());
        assertThat(Commands.ccft("sql", "--warehouse", dir, query).stdout())
                .isEqualTo(now.stdout());
        assertThat(
                        Commands.ccft("sql", "--warehouse", dir, "--as-of", "no-such-tag", query)
                                .exitCode())
                .isEqualTo(ExitCode.QUERY_FAILED);
        assertThat(Commands.ccft("publish", "--warehouse", dir).lines())
                .anySatisfy(l -> assertThat(l).startsWith("(current),2,2023-01-08,"))
                .anySatisfy(l -> assertThat(l).startsWith("annual-2022-23,1,2023-01-01,"));
    }

    @Test
    void theScheduleRunsTheNightlyJobAtItsTimes(@TempDir Path tmp) throws Exception {
        Warehouse w = new Warehouse(tmp);
        Files.createDirectories(w.landing);
        Commands.Result scheduled =
                Commands.ccft(
                        "schedule",
                        "--cron",
                        "* * * * * *",
                        "--max-runs",
                        "2",
                        "--warehouse",
                        w.root.toString(),
                        "--landing",
                        w.landing.toString());
        assertThat(scheduled.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(scheduled.lines()).filteredOn(l -> l.endsWith(": COMPLETED")).hasSize(2);
        assertThat(Commands.ccft("history", "--warehouse", w.root.toString()).lines())
                .hasSize(3)
                .allSatisfy(
                        l ->
                                assertThat(l)
                                        .satisfiesAnyOf(
                                                h -> assertThat(h).startsWith("run_id"),
                                                r ->
                                                        assertThat(r)
                                                                .contains(
                                                                        ",COMPLETED,0,0,0,0,0,,0")));
        assertThat(Commands.ccft("schedule", "--cron", "every night").exitCode())
                .isEqualTo(ExitCode.USAGE);
    }
}
