package org.ccft.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.ccft.demo.DropWriter;
import org.ccft.published.Publication;
import org.ccft.schemas.CmsContract;
import org.ccft.testing.Cms;
import org.ccft.testing.TestSpark;
import org.ccft.testing.Warehouse;
import org.ccft.testing.WholeJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guards on drops that could delete data for good: a FULL export from the future is refused;
 * one that would delete more than a fifth of the live records stops the run until an operator
 * accepts it for one run (and the run records that it did); a later complete FULL export brings
 * back what a truncated one deleted; a file over the size limit is refused with its size.
 */
@WholeJob
class DestructiveDropTest {

    /** Ten corporate stage 1 complaints, R1 to R10, all last changed on 1 June 2022. */
    private static List<List<String>> records(int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> Cms.feedback("record_id=R" + i, "case_ref=C" + i))
                .toList();
    }

    private static void drop(
            Warehouse w, String id, String type, Instant extractedAt, List<List<String>> records)
            throws Exception {
        new DropWriter(w.landing, id, type, extractedAt)
                .file("feedback_records.csv", Cms.header(CmsContract.FEEDBACK_RECORDS), records)
                .write();
    }

    private static long complaints(Warehouse w) {
        return w.sql("SELECT value FROM at_a_glance WHERE measure = 'corporate_stage1'")
                .get(0)
                .getLong(0);
    }

    @Test
    void aTruncatedFullExportWaitsForTheOperatorAndACompleteOneRestoresWhatItDeleted(
            @TempDir Path tmp) throws Exception {
        Warehouse w = new Warehouse(tmp);
        drop(
                w,
                "20230101T020000Z",
                "INCREMENTAL",
                Instant.parse("2023-01-01T02:00:00Z"),
                records(10));
        assertThat(w.nightly().exitCode()).isEqualTo(ExitCode.OK);
        assertThat(complaints(w)).isEqualTo(10);

        // A FULL export dated 2099 is refused before a row of it is read: no as-at date in 2099.
        drop(w, "20990101T020000Z", "FULL", Instant.parse("2099-01-01T02:00:00Z"), records(1));
        NightlyRunner.Outcome future = w.nightly();
        assertThat(future.exitCode()).isEqualTo(ExitCode.DROPS_REFUSED);
        assertThat(future.plan().refused().get("20990101T020000Z"))
                .startsWith("manifest extracted_at 2099-01-01T02:00:00Z is after the run's clock");
        assertThat(complaints(w)).isEqualTo(10);
        assertThat(
                        new Publication(
                                        w.layout,
                                        TestSpark.session().sparkContext().hadoopConfiguration())
                                .current()
                                .orElseThrow()
                                .asAtDate())
                .isEqualTo("2023-01-01");

        // A truncated FULL export (R1 only) would delete 9 of 10 live records: the run stops, the
        // marts stay.
        drop(w, "20230102T020000Z", "FULL", Instant.parse("2023-01-02T02:00:00Z"), records(1));
        NightlyRunner.Outcome stopped = w.nightly();
        assertThat(stopped.exitCode()).isEqualTo(ExitCode.QUALITY_FAILED);
        assertThat(String.join("\n", stopped.summary()))
                .contains(
                        "full_export_deletions in cms/20230102T020000Z/manifest.json: FULL export 20230102T020000Z omits 9 "
                                + "of the 10 live feedback_records records last changed before its extraction (90.0%; "
                                + "the limit is 20.0%)");
        assertThat(complaints(w)).isEqualTo(10);

        // The operator accepts it for one run: the deletions happen, and the run says it was told
        // to.
        NightlyRunner.Outcome accepted =
                w.nightly(Map.of("ccft.quality.severity.full_export_deletions", "warning"));
        assertThat(accepted.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(accepted.summary())
                .contains("severity override: full_export_deletions judged at warning in this run");
        assertThat(complaints(w)).isEqualTo(1);
        long run = accepted.execution().getJobInstance().getInstanceId();
        assertThat(
                        TestSpark.session()
                                .read()
                                .format("delta")
                                .load(w.layout.qualityResults())
                                .where("run_id = " + run + " AND check_name = 'severity_override'")
                                .select("table_name", "status")
                                .collectAsList())
                .extracting(r -> r.getString(0) + " " + r.getString(1))
                .containsExactly("full_export_deletions WARNED");

        // The next complete FULL export holds R1 to R10 again, with their old last_modified: all
        // ten are back.
        drop(w, "20230103T020000Z", "FULL", Instant.parse("2023-01-03T02:00:00Z"), records(10));
        assertThat(w.nightly().exitCode()).isEqualTo(ExitCode.OK);
        assertThat(complaints(w)).isEqualTo(10);
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWithItsSize(@TempDir Path tmp) throws Exception {
        Warehouse w = new Warehouse(tmp);
        drop(
                w,
                "20230101T020000Z",
                "INCREMENTAL",
                Instant.parse("2023-01-01T02:00:00Z"),
                records(3));
        NightlyRunner.Outcome outcome = w.nightly(Map.of("ccft.guards.max-file-size", "200B"));
        assertThat(outcome.exitCode()).isEqualTo(ExitCode.DROPS_REFUSED);
        assertThat(outcome.plan().refused().get("20230101T020000Z"))
                .matches(
                        "cms/20230101T020000Z/feedback_records\\.csv is \\d+ bytes, more than the limit of 200 "
                                + "\\(ccft\\.guards\\.max-file-size\\)");
    }
}
