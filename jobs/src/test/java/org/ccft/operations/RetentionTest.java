package org.ccft.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.ccft.demo.DropWriter;
import org.ccft.nightly.ExitCode;
import org.ccft.schemas.CmsContract;
import org.ccft.testing.Cms;
import org.ccft.testing.Commands;
import org.ccft.testing.TestSpark;
import org.ccft.testing.Warehouse;
import org.ccft.testing.WholeJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ccft maintain} applies the retention policy: the raw rows of a case closed more than six
 * years ago go (its figures stay in conformed and the marts), an open case of the same age stays,
 * so does a closed one under the legal hold (family safeguarding: child protection), and the
 * landing folder of a drop settled more than three months ago goes while yesterday's stays.
 */
@WholeJob
class RetentionTest {

    @Test
    void maintainRemovesWhatThePolicyNoLongerKeeps(@TempDir Path tmp) throws Exception {
        Warehouse w = new Warehouse(tmp);
        String old = "20160401T020000Z";
        new DropWriter(w.landing, old, "INCREMENTAL", Instant.parse("2016-04-01T02:00:00Z"))
                .file(
                        "feedback_records.csv",
                        Cms.header(CmsContract.FEEDBACK_RECORDS),
                        List.of(
                                Cms.feedback(
                                        "record_id=OLD1",
                                        "case_ref=OLD",
                                        "received_date=2015-06-01",
                                        "last_modified=2015-07-01T09:00:00Z",
                                        "status=CLOSED",
                                        "response_date=2015-07-01",
                                        "outcome=UPHELD",
                                        "complainant_name=" + ErasureTest.MARKER + " old"),
                                Cms.feedback(
                                        "record_id=OPEN1",
                                        "case_ref=OPEN",
                                        "received_date=2015-06-01",
                                        "last_modified=2015-07-01T09:00:00Z",
                                        "status=OPEN"),
                                Cms.feedback(
                                        "record_id=HELD1",
                                        "case_ref=HELD",
                                        "received_date=2015-06-01",
                                        "service_area=FAMILY_SAFEGUARDING",
                                        "last_modified=2015-07-01T09:00:00Z",
                                        "status=CLOSED",
                                        "response_date=2015-07-01",
                                        "outcome=UPHELD")))
                .file(
                        "actions.csv",
                        Cms.header(CmsContract.ACTIONS),
                        List.of(
                                Cms.action(
                                        "action_id=A1",
                                        "record_id=OLD1",
                                        "agreed_date=2015-06-10",
                                        "due_date=2015-07-10",
                                        "last_modified=2015-06-10T09:00:00Z")))
                .write();
        assertThat(w.nightly().exitCode()).isEqualTo(ExitCode.OK);
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String recent =
                DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                        .withZone(ZoneOffset.UTC)
                        .format(yesterday);
        new DropWriter(w.landing, recent, "INCREMENTAL", yesterday)
                .file(
                        "feedback_records.csv",
                        Cms.header(CmsContract.FEEDBACK_RECORDS),
                        List.of(
                                Cms.feedback(
                                        "record_id=NEW1",
                                        "case_ref=NEW",
                                        "received_date=2025-06-01",
                                        "last_modified=2025-07-01T09:00:00Z",
                                        "status=CLOSED")))
                .write();
        assertThat(w.nightly().exitCode()).isEqualTo(ExitCode.OK);
        long conformedBefore =
                TestSpark.session()
                        .read()
                        .format("delta")
                        .load(w.layout.conformed("feedback_records"))
                        .count();

        Commands.Result maintained =
                Commands.ccft(
                        "maintain",
                        "--warehouse",
                        w.root.toString(),
                        "--landing",
                        w.landing.toString(),
                        "--retain-hours",
                        "0");

        assertThat(maintained.exitCode()).isEqualTo(ExitCode.OK);
        String sixYearsAgo = LocalDate.now(ZoneOffset.UTC).minusYears(6).toString();
        String threeMonthsAgo = LocalDate.now(ZoneOffset.UTC).minusMonths(3).toString();
        List<String> retention =
                maintained.lines().stream().dropWhile(l -> !l.isEmpty()).skip(1).toList();
        assertThat(retention)
                .containsExactly(
                        "retention,before,removed",
                        "raw feedback_records rows of cases closed before," + sixYearsAgo + ",1",
                        "raw actions rows of cases closed before," + sixYearsAgo + ",1",
                        "raw contacts rows of cases closed before," + sixYearsAgo + ",0",
                        "landing drops settled before," + threeMonthsAgo + ",1");
        assertThat(
                        TestSpark.session()
                                .read()
                                .format("delta")
                                .load(w.layout.raw("feedback_records"))
                                .select("record_id")
                                .collectAsList())
                .extracting(r -> r.getString(0))
                .containsExactlyInAnyOrder("OPEN1", "HELD1", "NEW1");
        assertThat(
                        TestSpark.session()
                                .read()
                                .format("delta")
                                .load(w.layout.conformed("feedback_records"))
                                .count())
                .as("the figures stay")
                .isEqualTo(conformedBefore);
        assertThat(Files.exists(w.landing.resolve("cms/" + old))).isFalse();
        assertThat(Files.exists(w.landing.resolve("cms/" + recent))).isTrue();
        assertThat(ErasureTest.filesHolding(w.root))
                .as("vacuumed at a retention of 0 hours")
                .isEmpty();
    }
}
