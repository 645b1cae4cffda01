package org.ccft.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.ccft.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The declared checks, run by Deequ on a real SparkSession over views made to break them: a mart
 * that does not reconcile with the conformed layer, and rows that were neither accepted nor
 * quarantined, fail critically and name the offending keys; the policy changes what a break does.
 */
class CheckSuiteTest {

    static final DeclaredCheck.Catalog CATALOG = QualityCatalog.load();

    static List<DeclaredCheck> named(String... names) {
        return CATALOG.checks().stream().filter(c -> List.of(names).contains(c.name())).toList();
    }

    @Test
    void aMartThatDoesNotReconcileFailsCritically(@TempDir Path tmp) {
        SparkSession spark = TestSpark.session();
        spark.sql(
                        "SELECT * FROM VALUES ('2022-23', 'compliments', 3L), ('2022-23', 'corporate_stage1', 2L), "
                                + "('2021-22', 'compliments', 1L) AS t(financial_year, measure, value)")
                .createOrReplaceTempView("at_a_glance");
        // the conformed layer holds 5 records received in 2022-23 but only 0 in 2021-22
        spark.sql(
                        "SELECT * FROM VALUES ('COMPLIMENT', DATE'2022-05-01'), ('COMPLIMENT', DATE'2022-06-01'), "
                                + "('COMPLIMENT', DATE'2022-07-01'), ('COMPLAINT', DATE'2022-08-01'), ('COMPLAINT', DATE'2023-03-31') "
                                + "AS t(feedback_type, received_date)")
                .createOrReplaceTempView("feedback_records");
        List<CheckOutcome> outcomes =
                new CheckSuite(
                                spark,
                                QualityPolicy.defaults(),
                                new MetricsHistory(spark, tmp.resolve("metrics.json").toString()))
                        .run(named("at_a_glance_reconciles"), 1);
        assertThat(outcomes)
                .singleElement()
                .satisfies(
                        o -> {
                            assertThat(o.status()).isEqualTo(CheckOutcome.Status.FAILED);
                            assertThat(o.failing()).isEqualTo(1);
                            assertThat(o.offenders()).containsExactly("2021-22");
                            assertThat(o.figures()).startsWith("1 of 2 rows break it");
                        });
        assertThatThrownBy(() -> CriticalQualityFailure.throwIfAny(outcomes))
                .isInstanceOf(CriticalQualityFailure.class)
                .hasMessageContaining("at_a_glance_reconciles");
    }

    @Test
    void rowsNeitherAcceptedNorQuarantinedFailTheReconciliation(@TempDir Path tmp) {
        SparkSession spark = TestSpark.session();
        spark.sql(
                        "SELECT * FROM VALUES ('feedback_records', 'E1', 'raw'), ('feedback_records', 'E1', 'raw'), "
                                + "('feedback_records', 'E1', 'accepted'), ('feedback_records', 'E2', 'raw'), "
                                + "('feedback_records', 'E2', 'quarantined') AS t(source_table, export_id, layer)")
                .createOrReplaceTempView("drop_rows");
        MetricsHistory history = new MetricsHistory(spark, tmp.resolve("metrics.json").toString());
        List<CheckOutcome> strict =
                new CheckSuite(spark, QualityPolicy.defaults(), history)
                        .run(named("rows_reconcile"), 1);
        assertThat(strict)
                .singleElement()
                .satisfies(
                        o -> {
                            assertThat(o.status()).isEqualTo(CheckOutcome.Status.FAILED);
                            assertThat(o.offenders()).containsExactly("feedback_records E1");
                        });
        // Lowered as far as a structural check may go (error): a dataset check cannot quarantine,
        // so it warns.
        QualityPolicy lenient =
                new QualityPolicy(
                        Map.of("rows_reconcile", "error"), QualityPolicy.AnomalyBounds.DEFAULT);
        assertThat(new CheckSuite(spark, lenient, history).run(named("rows_reconcile"), 2))
                .extracting(CheckOutcome::status)
                .containsExactly(CheckOutcome.Status.WARNED);
    }

    /**
     * Checks of different tables, each judged on its own rows: a key that comes twice breaks
     * uniqueness as Deequ measures it (rows whose key is null left out: 1 of 3 keyed rows is
     * unique), and names the key; the other table's check passes.
     */
    @Test
    void aKeyThatComesTwiceBreaksUniquenessAndIsNamed(@TempDir Path tmp) {
        SparkSession spark = TestSpark.session();
        spark.sql(
                        "SELECT * FROM VALUES ('A'), ('A'), ('B'), (CAST(NULL AS STRING)) AS t(record_id)")
                .createOrReplaceTempView("conformed_feedback_records");
        spark.sql("SELECT * FROM VALUES ('X1'), ('X2') AS t(action_id)")
                .createOrReplaceTempView("conformed_actions");
        List<CheckOutcome> outcomes =
                new CheckSuite(
                                spark,
                                QualityPolicy.defaults(),
                                new MetricsHistory(spark, tmp.resolve("metrics.json").toString()))
                        .run(
                                named(
                                        "one_row_per_key:feedback_records",
                                        "one_row_per_key:actions"),
                                1);
        assertThat(outcomes)
                .extracting(
                        o -> o.check() + " " + o.status() + " " + o.metric() + " " + o.offenders())
                .containsExactly(
                        "one_row_per_key:feedback_records FAILED " + (1.0 / 3) + " [A]",
                        "one_row_per_key:actions PASSED 1.0 []");
        assertThat(outcomes.get(0).figures()).startsWith("3 of 4 rows break it");
    }
}
