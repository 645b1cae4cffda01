package org.ccft.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ccft.demo.DropWriter;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.marts.MartCatalog;
import org.ccft.marts.MartInputs;
import org.ccft.quality.CheckOutcome;
import org.ccft.quality.QualityResults;
import org.ccft.schemas.CmsContract;
import org.ccft.testing.Cms;
import org.ccft.testing.TestSpark;
import org.ccft.testing.Warehouse;
import org.ccft.testing.WholeJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WholeJob
class NightlySmokeTest {

    @TempDir Path tmp;

    @Test
    void aFullDropIsLoadedAndPublishedThenANightWithNothingNewChangesNothing() throws Exception {
        Warehouse w = new Warehouse(tmp);
        new DropWriter(w.landing, "20220701T020000Z", "FULL", Instant.parse("2022-07-01T02:00:00Z"))
                .file(
                        "feedback_records.csv",
                        Cms.header(CmsContract.FEEDBACK_RECORDS),
                        List.of(
                                Cms.feedback(),
                                Cms.feedback(
                                        "record_id=R2",
                                        "feedback_type=COMPLIMENT",
                                        "procedure=",
                                        "stage=",
                                        "themes=",
                                        "complainant_role="),
                                Cms.feedback("record_id=R3", "service_area=NOPE")))
                .file("actions.csv", Cms.header(CmsContract.ACTIONS), List.of(Cms.action()))
                .file("contacts.csv", Cms.header(CmsContract.CONTACTS), List.of(Cms.contact()))
                .write();
        // DfE's statistics as the demo ships them, delivered again every night (the usual way they
        // come).
        Files.createDirectories(w.landing.resolve("dfe/sen2"));
        try (var in =
                getClass()
                        .getClassLoader()
                        .getResourceAsStream("demo/dfe-sen2/timeliness_20_week.csv")) {
            Files.copy(in, w.landing.resolve("dfe/sen2/timeliness_20_week.csv"));
        }
        NightlyRunner.Outcome outcome = w.nightly();
        outcome.summary().forEach(System.out::println);
        assertThat(outcome.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(
                        w.sql(
                                "SELECT measure, value FROM at_a_glance WHERE financial_year = '2022-23' AND value > 0"))
                .extracting(r -> r.getString(0) + "=" + r.getLong(1))
                .containsExactlyInAnyOrder("compliments=1", "corporate_stage1=1");

        // Nothing new the next night (DfE's file re-delivered as it was): the run compares the
        // landing area with what the publication was made from, and ends there, completed, having
        // read no table: no table moves, the publication stays.
        var spark = TestSpark.session();
        List<String> tables = new ArrayList<>(MartInputs.tables(w.layout));
        MartCatalog.MARTS.forEach(m -> tables.add(w.layout.mart(m)));
        List<Long> versions =
                tables.stream().map(t -> DeltaTables.latestVersion(spark, t)).toList();
        long first = outcome.execution().getJobInstance().getInstanceId();
        Path pointer = Path.of(w.layout.publishedPointer());
        String published = Files.readString(pointer);

        NightlyRunner.Outcome next = w.nightly();
        assertThat(next.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(next.summary())
                .contains(
                        "nothing new since run "
                                + first
                                + ": the marts it published stay published");
        assertThat(next.execution().getStepExecutions())
                .extracting(s -> s.getStepName() + " " + s.getExitStatus().getExitCode())
                .containsExactly("findDrops NOTHING_NEW");
        assertThat(tables.stream().map(t -> DeltaTables.latestVersion(spark, t)).toList())
                .isEqualTo(versions);
        assertThat(Files.readString(pointer)).isEqualTo(published);
        assertThat(
                        new ObjectMapper()
                                .readTree(Files.readString(Path.of(w.layout.lastRunSummary())))
                                .path("run_id")
                                .asLong())
                .isEqualTo(next.execution().getJobInstance().getInstanceId());

        // A night whose only news is a damaged drop, refused: the conformed layer is as the first
        // night left it, so the warehouse checks, having nothing new to read, record what the
        // first night's found instead of measuring it again.
        new DropWriter(
                        w.landing,
                        "20220708T020000Z",
                        "INCREMENTAL",
                        Instant.parse("2022-07-08T02:00:00Z"))
                .file(
                        "feedback_records.csv",
                        Cms.header(CmsContract.FEEDBACK_RECORDS),
                        List.of(Cms.feedback("record_id=R9")))
                .write();
        Files.writeString(
                w.landing.resolve("cms/20220708T020000Z/feedback_records.csv"), "damaged\n");
        NightlyRunner.Outcome refused = w.nightly();
        assertThat(refused.exitCode()).isEqualTo(ExitCode.DROPS_REFUSED);
        long third = refused.execution().getJobInstance().getInstanceId();
        QualityResults results = new QualityResults(spark, w.layout);
        List<CheckOutcome> checked =
                results.outcomes(first).stream().filter(o -> o.step().equals("warehouse")).toList();
        assertThat(checked).hasSizeGreaterThan(10);
        assertThat(
                        results.outcomes(third).stream()
                                .filter(o -> o.step().equals("warehouse"))
                                .toList())
                .isEqualTo(checked);
        // The record of the warehouse as checked still names the first night: the third measured
        // nothing.
        assertThat(
                        new ObjectMapper()
                                .readTree(Files.readString(Path.of(w.layout.checkedWarehouse())))
                                .path("run_id")
                                .asLong())
                .isEqualTo(first);
    }
}
