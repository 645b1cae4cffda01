package org.ccft.marts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.ccft.reference.BankHolidays;
import org.ccft.reference.tables.ReferenceTables;
import org.ccft.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The XmR chart mart's SQL, on series worked out by hand ("Making Data Count": limits at mean ±
 * 2.66 × average moving range; shift 7; trend 6; two of three beyond two sigma), run by Spark over
 * the views it reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpcXmrTest {

    static final double[] RISING = {10, 12, 11, 12, 13, 14, 15, 16, 11, 12, 11, 12};
    static final double[] OUTLIER = {
        0.50, 0.52, 0.48, 0.50, 0.51, 0.49, 0.50, 0.90, 0.50, 0.49, 0.51, 0.50
    };
    static final double[] FLAT = {0.30, 0.32, 0.30, 0.28, 0.31, 0.29, 0.30, 0.31, 0.29, 0.30};

    List<Row> chart;

    @BeforeAll
    void chart() {
        SparkSession spark = TestSpark.session();
        spark.createDataFrame(
                        IntStream.range(0, 12)
                                .mapToObj(i -> RowFactory.create(month(i), RISING[i], OUTLIER[i]))
                                .toList(),
                        StructType.fromDDL(
                                "month STRING, complaints_per_100_plans DOUBLE, share_within_20_weeks DOUBLE"))
                .createOrReplaceTempView("ehcp_monthly_performance");
        spark.createDataFrame(
                        IntStream.range(0, 10)
                                .mapToObj(i -> RowFactory.create("month", month(i), FLAT[i]))
                                .toList(),
                        StructType.fromDDL(
                                "breakdown STRING, month STRING, outside_timescale_share DOUBLE"))
                .createOrReplaceTempView("complaint_response_times");
        ReferenceTables.tables(spark, BankHolidays.england()).stream()
                .filter(t -> t.name().equals("spc_measures"))
                .forEach(t -> t.rows().createOrReplaceTempView("spc_measures"));
        chart =
                spark.sql(MartCatalog.martSql("spc_xmr"))
                        .orderBy("measure", "month")
                        .collectAsList();
    }

    static String month(int i) {
        return String.format("2022-%02d", i + 1);
    }

    private List<Row> series(String measure) {
        return chart.stream().filter(r -> r.<String>getAs("measure").equals(measure)).toList();
    }

    private static List<Integer> pointsWhere(List<Row> rows, String flag) {
        return rows.stream()
                .filter(r -> r.<Boolean>getAs(flag))
                .map(r -> r.<Integer>getAs("point"))
                .collect(Collectors.toList());
    }

    @Test
    void limitsAreTheMeanPlusOrMinus266AverageMovingRanges() {
        Row first = series("sat_complaints_per_100_plans").get(0);
        // mean 149 / 12; moving ranges 2,1,1,1,1,1,1,5,1,1,1: 16 / 11
        assertThat(first.<Double>getAs("mean")).isEqualTo(12.416667);
        assertThat(first.<Double>getAs("average_moving_range")).isEqualTo(1.454545);
        assertThat(first.<Double>getAs("upper_process_limit")).isEqualTo(16.285758);
        assertThat(first.<Double>getAs("lower_process_limit")).isEqualTo(8.547576);
        assertThat(first.<Object>getAs("moving_range")).isNull();
        assertThat(first.<Long>getAs("points")).isEqualTo(12L);
    }

    @Test
    void sixRisingPointsAreATrendAndTheHighestTwoAreBeyondTwoSigma() {
        List<Row> rows = series("sat_complaints_per_100_plans");
        // 11, 12, 13, 14, 15, 16 (points 3 to 8) each rise from the one before
        assertThat(pointsWhere(rows, "trend")).containsExactly(3, 4, 5, 6, 7, 8);
        // two sigma = 2 × 1.454545 / 1.128 = 2.579; mean + 2 sigma = 14.996: 15 and 16, next to
        // each other
        assertThat(pointsWhere(rows, "two_of_three_beyond_2_sigma")).containsExactly(7, 8);
        assertThat(pointsWhere(rows, "outside_limits")).isEmpty();
        assertThat(pointsWhere(rows, "shift")).isEmpty();
        // complaints per 100 plans should go down: a rising trend is a concern
        assertThat(rows)
                .extracting(r -> r.<String>getAs("variation"))
                .containsExactly(
                        "common_cause",
                        "common_cause",
                        "special_cause_concern",
                        "special_cause_concern",
                        "special_cause_concern",
                        "special_cause_concern",
                        "special_cause_concern",
                        "special_cause_concern",
                        "common_cause",
                        "common_cause",
                        "common_cause",
                        "common_cause");
    }

    @Test
    void aPointAboveTheUpperLimitAndSevenBelowTheMeanAreSpecialCauses() {
        List<Row> rows = series("share_plans_within_20_weeks");
        // mean 6.4 / 12 = 0.533333; moving ranges sum 0.96 over 11: 0.087273; upper limit 0.765479
        assertThat(rows.get(0).<Double>getAs("upper_process_limit")).isEqualTo(0.765479);
        assertThat(pointsWhere(rows, "outside_limits")).containsExactly(8);
        // the first seven months all sit below the mean the outlier pulled up: a shift
        assertThat(pointsWhere(rows, "shift")).containsExactly(1, 2, 3, 4, 5, 6, 7);
        // a higher share within 20 weeks is better: the outlier is an improvement, the low run a
        // concern
        assertThat(rows.get(7).<String>getAs("variation")).isEqualTo("special_cause_improvement");
        assertThat(rows.get(0).<String>getAs("variation")).isEqualTo("special_cause_concern");
        assertThat(rows.get(8).<String>getAs("variation")).isEqualTo("common_cause");
    }

    @Test
    void noiseAroundAStableMeanIsCommonCause() {
        List<Row> rows = series("share_responses_outside_timescale");
        assertThat(rows)
                .hasSize(10)
                .allSatisfy(
                        r -> {
                            assertThat(r.<Boolean>getAs("special_cause")).isFalse();
                            assertThat(r.<String>getAs("variation")).isEqualTo("common_cause");
                        });
        assertThat(rows.get(0).<Double>getAs("lower_process_limit")).isGreaterThan(0.0);
    }

    @Test
    void aSinglePointHasNoLimitsAndNoSignal() {
        SparkSession spark = TestSpark.session();
        spark.createDataFrame(
                        List.of(RowFactory.create("2022-01", 5.0, 0.5)),
                        StructType.fromDDL(
                                "month STRING, complaints_per_100_plans DOUBLE, share_within_20_weeks DOUBLE"))
                .createOrReplaceTempView("ehcp_monthly_performance");
        spark.createDataFrame(
                        List.<Row>of(),
                        StructType.fromDDL(
                                "breakdown STRING, month STRING, outside_timescale_share DOUBLE"))
                .createOrReplaceTempView("complaint_response_times");
        List<Row> one = spark.sql(MartCatalog.martSql("spc_xmr")).collectAsList();
        assertThat(one)
                .hasSize(2)
                .allSatisfy(
                        r -> {
                            assertThat(r.<Object>getAs("upper_process_limit")).isNull();
                            assertThat(r.<Boolean>getAs("outside_limits")).isFalse();
                            assertThat(r.<Boolean>getAs("special_cause")).isFalse();
                            assertThat(r.<String>getAs("variation")).isEqualTo("common_cause");
                        });
    }
}
