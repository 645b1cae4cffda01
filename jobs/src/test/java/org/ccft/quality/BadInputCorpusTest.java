package org.ccft.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.landing.LedgerEntry;
import org.ccft.landing.LoadLedger;
import org.ccft.nightly.RunPlan;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.FileContract;
import org.ccft.staging.Quarantine;
import org.ccft.testing.BadInputCase;
import org.ccft.testing.LayerLevel;
import org.ccft.testing.Stages;
import org.ccft.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.JobExecution;

/**
 * Every case of the bad-input corpus that does not stop the run, landed as one night's drops and
 * loaded by the nightly job's own stages (from the landing area to the conformed tables, their
 * checks and the ledger; the rules are theirs, the marts are not needed): each fails (or passes)
 * the way its case.yml says, with the exact rule, file and line, and the good rows of its drop
 * still load. The critical cases, which stop the run, are in {@link QualityGateTest}.
 */
@LayerLevel
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest {

    List<BadInputCase> cases;
    RunPlan night;
    long runId;
    List<CheckOutcome> checks;
    List<Row> quarantined;
    Map<String, Long> loaded = new HashMap<>();
    Map<String, String> ledger = new HashMap<>();
    WarehouseLayout layout;

    @BeforeAll
    void loadTheCorpus(@TempDir Path tmp) throws Exception {
        cases =
                BadInputCase.all().stream()
                        .filter(c -> !"critical".equals(c.expect().outcome()))
                        .toList();
        Path landing = tmp.resolve("landing");
        for (BadInputCase c : cases) {
            c.writeTo(landing);
        }
        Stages stages = new Stages(tmp.resolve("warehouse"), landing);
        layout = stages.layout();
        JobExecution run = stages.checkedNight();
        night = RunPlan.of(run.getExecutionContext());
        runId = run.getJobInstance().getInstanceId();
        SparkSession spark = TestSpark.session();
        checks = new QualityResults(spark, layout).outcomes(runId);
        quarantined = new Quarantine(spark, layout).rows().collectAsList();
        for (FileContract f : CmsContract.CMS_FILES) {
            if (DeltaTables.exists(spark, layout.conformed(f.table()))) {
                DeltaTables.read(spark, layout.conformed(f.table()))
                        .groupBy("export_id")
                        .count()
                        .collectAsList()
                        .forEach(r -> loaded.put(f.table() + "/" + r.getString(0), r.getLong(1)));
            }
        }
        new LoadLedger(spark, layout).entries().forEach(e -> ledger.put(e.exportId(), e.status()));
    }

    @TestFactory
    Stream<DynamicTest> eachCaseFailsTheWayItsCaseSays() {
        assertThat(BadInputCase.all()).as("corpus size").hasSizeGreaterThanOrEqualTo(30);
        assertThat(night.refused())
                .as("the night completes, naming the refused drops")
                .isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
    }

    private void check(BadInputCase c) {
        BadInputCase.Expect e = c.expect();
        List<Row> itsQuarantine =
                quarantined.stream()
                        .filter(r -> c.exportId().equals(r.getAs("export_id")))
                        .toList();
        List<CheckOutcome> itsWarnings =
                checks.stream()
                        .filter(o -> o.status() == CheckOutcome.Status.WARNED)
                        .filter(o -> mentions(o, c))
                        .toList();
        switch (e.outcome()) {
            case "quarantined" -> {
                assertThat(itsQuarantine)
                        .as("the row quarantined at its line, with its rule")
                        .anySatisfy(
                                r -> {
                                    assertThat((String) r.getAs("file"))
                                            .isEqualTo(c.label(e.file()));
                                    assertThat((Long) r.getAs("line"))
                                            .isEqualTo(e.line().longValue());
                                    assertThat((String) r.getAs("rule")).isEqualTo(e.rule());
                                });
                assertThat(ledger.get(c.exportId())).isEqualTo(LedgerEntry.LOADED);
            }
            case "refused" -> {
                assertThat(ledger.get(c.exportId()))
                        .as("the drop refused whole")
                        .isEqualTo(LedgerEntry.REFUSED);
                assertThat(checks)
                        .as("the refusal, with its rule and file")
                        .anySatisfy(
                                o -> {
                                    assertThat(o.status()).isEqualTo(CheckOutcome.Status.REFUSED);
                                    assertThat(o.check()).isEqualTo(e.rule());
                                    assertThat(o.file()).isEqualTo(c.label(e.file()));
                                    assertThat(o.offenders()).containsExactly(c.exportId());
                                });
                assertThat(night.refused().get(c.exportId())).isNotBlank();
            }
            case "warned" -> {
                assertThat(itsWarnings)
                        .as("a warning naming the row's file and line")
                        .anySatisfy(
                                o -> {
                                    assertThat(o.check()).isEqualTo(e.rule());
                                    String where =
                                            c.label(e.file())
                                                    + (o.line() != null ? "" : " line " + e.line());
                                    if (o.line()
                                            != null) { // a header: the outcome itself names file
                                        // and line
                                        assertThat(o.file()).isEqualTo(where);
                                        assertThat(o.line()).isEqualTo(e.line().longValue());
                                    } else {
                                        assertThat(o.offenders())
                                                .anyMatch(off -> off.endsWith("(" + where + ")"));
                                    }
                                });
                assertThat(itsQuarantine).isEmpty();
                assertThat(ledger.get(c.exportId())).isEqualTo(LedgerEntry.LOADED);
            }
            case "accepted" -> {
                assertThat(itsQuarantine).as("nothing quarantined").isEmpty();
                assertThat(itsWarnings).as("no warning").isEmpty();
                assertThat(ledger.get(c.exportId())).isEqualTo(LedgerEntry.LOADED);
            }
            default -> throw new IllegalArgumentException(c + ": unknown outcome " + e.outcome());
        }
        e.loaded()
                .forEach(
                        (table, rows) ->
                                assertThat(loaded.getOrDefault(table + "/" + c.exportId(), 0L))
                                        .as("good %s rows of the drop loaded", table)
                                        .isEqualTo(rows.longValue()));
    }

    @Test
    void whatIsAcceptedIsKeptAsItCameInRaw() {
        SparkSession spark = TestSpark.session();
        var raw = DeltaTables.read(spark, layout.raw("feedback_records"));
        // an unknown column is kept in _extra; a 1 MB free-text field arrives whole; a BOM is not
        // part of a name
        assertThat(
                        raw.where("export_id = '20230501T020900Z'")
                                .selectExpr("_extra['new_field']")
                                .collectAsList())
                .extracting(r -> r.getString(0))
                .containsExactlyInAnyOrder("x", "y");
        assertThat(
                        raw.where("export_id = '20230501T021500Z' AND record_id = 'Q15-G2'")
                                .selectExpr("length(summary)")
                                .head()
                                .getInt(0))
                .isEqualTo(1 << 20);
        assertThat(
                        raw.where("export_id = '20230501T020400Z'")
                                .selectExpr("record_id")
                                .collectAsList())
                .extracting(r -> r.getString(0))
                .containsExactlyInAnyOrder("Q04-G1", "Q04-G2");
        // personal data stops at raw: no free text in the conformed layer
        assertThat(DeltaTables.read(spark, layout.conformed("feedback_records")).columns())
                .doesNotContain("summary", "complainant_name", "complainant_email", "child_name");
    }

    private static boolean mentions(CheckOutcome o, BadInputCase c) {
        return (o.file() != null && o.file().contains(c.exportId()))
                || o.offenders().stream().anyMatch(off -> off.contains(c.exportId()));
    }
}
