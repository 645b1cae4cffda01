package org.ccft.marts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.ccft.testing.TestSpark;
import org.junit.jupiter.api.Test;

/**
 * The SPC chart mart's SQL, run by Spark over the views it reads, on series whose limits and
 * signals are worked out by hand, and on NHSRplotthedots' own documented examples (its tests'
 * snapshots: R's {@code set.seed(123); rnorm(20)}, with and without an outlier the moving ranges
 * screen out; two points near the limits on opposite sides of the mean).
 *
 * <p>Each case sets its own reference rows (chart, run lengths, target) and events: they are data,
 * and a case says which rules it uses.
 */
class SpcXmrTest {

    static final String MEASURES =
            "measure STRING, name STRING, unit STRING, improvement STRING, chart STRING, scale DOUBLE, "
                    + "target DOUBLE, shift_points INT, trend_points INT, near_points INT, near_window INT";

    /** R: set.seed(123); rnorm(20). */
    static final double[] RNORM = {
        -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621,
        -1.26506123, -0.68685285, -0.44566197, 1.22408180, 0.35981383, 0.40077145, 0.11068272,
        -0.55584113, 1.78691314, 0.49785048, -1.96661716, 0.70135590, -0.47279141
    };

    static final double[] RISING = {10, 12, 11, 12, 13, 14, 15, 16, 11, 12, 11, 12};

    static String month(int i) {
        return String.format("%d-%02d", 2021 + i / 12, i % 12 + 1);
    }

    /**
     * The chart of one XmR series (as SAT complaints per 100 plans: each month's complaints over
     * 100 plans, so the value is the complaints), with trend and shift lengths, an as-at date and
     * rebasing events.
     */
    static List<Row> xmr(double[] values, int trend, String asAt, List<Row> events) {
        List<Row> months = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            months.add(RowFactory.create(month(i), values[i], 100.0, 0.0));
        }
        return chart(
                months,
                List.of(
                        RowFactory.create(
                                "sat_complaints_per_100_plans",
                                "Complaints",
                                "per 100 plans",
                                "down",
                                "xmr",
                                100.0,
                                null,
                                7,
                                trend,
                                2,
                                3)),
                asAt,
                events);
    }

    static List<Row> chart(List<Row> months, List<Row> measures, String asAt, List<Row> events) {
        SparkSession spark = TestSpark.session();
        spark.createDataFrame(
                        months,
                        StructType.fromDDL(
                                "month STRING, sat_complaints DOUBLE, plans_issued DOUBLE,"
                                        + " plans_issued_within_20_weeks DOUBLE"))
                .createOrReplaceTempView("ehcp_monthly_performance");
        spark.createDataFrame(
                        List.<Row>of(),
                        StructType.fromDDL(
                                "breakdown STRING, month STRING, outside_timescale BIGINT, responded BIGINT"))
                .createOrReplaceTempView("complaint_response_times");
        spark.createDataFrame(measures, StructType.fromDDL(MEASURES))
                .createOrReplaceTempView("spc_measures");
        spark.createDataFrame(
                        events,
                        StructType.fromDDL(
                                "measure STRING, month STRING, event STRING, rebase BOOLEAN"))
                .createOrReplaceTempView("spc_events");
        spark.sql("SELECT DATE'" + asAt + "' AS as_at_date").createOrReplaceTempView("as_at");
        return spark.sql(MartCatalog.martSql("spc_xmr"))
                .orderBy("measure", "month")
                .collectAsList();
    }

    private static List<Integer> pointsWhere(List<Row> rows, String flag) {
        return rows.stream()
                .filter(r -> r.<Boolean>getAs(flag))
                .map(r -> r.<Integer>getAs("point"))
                .collect(Collectors.toList());
    }

    private static double d(Row r, String column) {
        return r.<Double>getAs(column);
    }

    @Test
    void nhsrPlotTheDotsDocumentedExampleHasItsMeanAndLimits() {
        // NHSRplotthedots' snapshot r1: mean 0.1416238, limits -3.01138 and 3.294627.
        Row r1 = xmr(RNORM, 7, "2030-01-31", List.of()).get(0);
        assertThat(d(r1, "mean")).isCloseTo(0.1416238, within(1e-6));
        assertThat(d(r1, "lower_process_limit")).isCloseTo(-3.01138, within(1e-5));
        assertThat(d(r1, "upper_process_limit")).isCloseTo(3.294627, within(1e-6));
        // Its snapshot r2: point 15 set to 10, a moving range screened out of the average
        // (3.267 × the mean moving range or more): mean 0.6694159, limits -2.383666, 3.722497.
        double[] outlier = RNORM.clone();
        outlier[14] = 10;
        List<Row> r2 = xmr(outlier, 7, "2030-01-31", List.of());
        assertThat(d(r2.get(0), "mean")).isCloseTo(0.6694159, within(1e-6));
        assertThat(d(r2.get(0), "lower_process_limit")).isCloseTo(-2.383666, within(1e-6));
        assertThat(d(r2.get(0), "upper_process_limit")).isCloseTo(3.722497, within(1e-6));
        assertThat(pointsWhere(r2, "outside_limits")).containsExactly(15);
    }

    @Test
    void twoPointsNearTheLimitsOnOppositeSidesOfTheMeanAreCommonCause() {
        // NHSRplotthedots' test: 1, -1 alternating for 16 points, then 5.5 and -5.5 at 15 and 16.
        // Mean 0; moving ranges 2 (13 of them), 6.5, 11; 11 is screened out (3.267 × 2.9 = 9.47):
        // average 32.5 / 14 = 2.3214, limits ±6.175, near limits ±4.117. Both are near a limit,
        // one on each side.
        double[] values = new double[16];
        for (int i = 0; i < 16; i++) {
            values[i] = i % 2 == 0 ? 1 : -1;
        }
        values[14] = 5.5;
        values[15] = -5.5;
        List<Row> rows = xmr(values, 7, "2030-01-31", List.of());
        assertThat(d(rows.get(0), "upper_process_limit")).isCloseTo(6.175, within(1e-3));
        assertThat(rows.subList(14, 16))
                .extracting(r -> r.<String>getAs("variation"))
                .containsExactly("common_cause", "common_cause");
    }

    @Test
    void sixRisingPointsAreATrendAndThePointAboveTheLimitIsOutside() {
        // RISING: mean 149 / 12 = 12.416667; moving ranges 2,1,1,1,1,1,1,5,1,1,1 average 16/11;
        // the 5 is screened out (>= 3.267 × 1.4545 = 4.75): average 11 / 10 = 1.1; limits
        // 12.416667 ± 2.926 = 9.490667 and 15.342667. 16 (point 8) is above; 11 to 16 (points 3
        // to 8) each rise from the one before: a trend of six. Near limits: 14.367 and 10.466:
        // 15 (point 7) alone is near, so no two of three.
        List<Row> rows = xmr(RISING, 6, "2030-01-31", List.of());
        assertThat(d(rows.get(0), "mean")).isCloseTo(12.416667, within(1e-6));
        assertThat(d(rows.get(0), "average_moving_range")).isCloseTo(1.1, within(1e-6));
        assertThat(d(rows.get(0), "upper_process_limit")).isCloseTo(15.342667, within(1e-6));
        assertThat(d(rows.get(0), "lower_process_limit")).isCloseTo(9.490667, within(1e-6));
        assertThat(pointsWhere(rows, "outside_limits")).containsExactly(8);
        assertThat(pointsWhere(rows, "trend")).containsExactly(3, 4, 5, 6, 7, 8);
        assertThat(pointsWhere(rows, "two_of_three_beyond_2_sigma")).isEmpty();
        // Sides: four below, four above, four below: no shift of seven.
        assertThat(pointsWhere(rows, "shift")).isEmpty();
        // Complaints per 100 plans should fall: the rise is a concern.
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
        // The same series with the trend rule at seven points: no trend.
        assertThat(pointsWhere(xmr(RISING, 7, "2030-01-31", List.of()), "trend")).isEmpty();
    }

    @Test
    void theMonthInProgressIsShownButIsNeverASignalNorPartOfTheLimits() {
        // As at 6 December 2021, December (point 12) is still in progress: the limits come from the
        // first 11 points, mean 137 / 11 = 12.454545; moving ranges 2,1,1,1,1,1,1,5,1,1, the 5
        // screened out: 10 / 9 = 1.111111; upper limit 12.454545 + 2.955556 = 15.410101.
        double[] values = RISING.clone();
        values[11] = 0;
        List<Row> rows = xmr(values, 6, "2021-12-06", List.of());
        Row december = rows.get(11);
        assertThat(december.<Boolean>getAs("in_progress")).isTrue();
        assertThat(december.<String>getAs("variation")).isEqualTo("period_in_progress");
        assertThat(december.<Boolean>getAs("special_cause")).isFalse();
        assertThat(december.<Long>getAs("points")).isEqualTo(11L);
        assertThat(d(december, "mean")).isCloseTo(12.454545, within(1e-6));
        assertThat(d(december, "upper_process_limit")).isCloseTo(15.410101, within(1e-6));
        assertThat(rows.subList(0, 11)).noneMatch(r -> r.<Boolean>getAs("in_progress"));
        // On its last day a month is complete.
        assertThat(xmr(values, 6, "2021-12-31", List.of()).get(11).<Boolean>getAs("in_progress"))
                .isFalse();
    }

    @Test
    void limitsAreRecalculatedFromARecordedChange() {
        // A change recorded for July 2021 (point 7): January to June, 10,12,11,12,13,14, mean 12,
        // moving ranges 2,1,1,1,1: 1.2, limits 8.808 and 15.192; July to December,
        // 15,16,11,12,11,12,
        // mean 12.833333, moving ranges 1,5,1,1,1: 1.8, limits 8.045333 and 17.621333.
        List<Row> rows =
                xmr(
                        RISING,
                        6,
                        "2030-01-31",
                        List.of(
                                RowFactory.create("*", "2021-07", "New triage", true),
                                RowFactory.create(
                                        "sat_complaints_per_100_plans",
                                        "2021-03",
                                        "Leaflet",
                                        false)));
        assertThat(d(rows.get(0), "mean")).isCloseTo(12.0, within(1e-9));
        assertThat(d(rows.get(5), "upper_process_limit")).isCloseTo(15.192, within(1e-6));
        assertThat(d(rows.get(6), "mean")).isCloseTo(12.833333, within(1e-6));
        assertThat(d(rows.get(6), "lower_process_limit")).isCloseTo(8.045333, within(1e-6));
        assertThat(d(rows.get(11), "upper_process_limit")).isCloseTo(17.621333, within(1e-6));
        assertThat(rows.get(6).<String>getAs("period_start")).isEqualTo("2021-07");
        assertThat(rows.get(0).<String>getAs("period_start")).isEqualTo("2021-01");
        assertThat(rows.get(6).<String>getAs("event")).isEqualTo("New triage");
        // An event that does not rebase is a note only.
        assertThat(rows.get(2).<String>getAs("event")).isEqualTo("Leaflet");
        assertThat(rows.get(2).<String>getAs("period_start")).isEqualTo("2021-01");
        // Runs do not cross the change: the rise from March to August is cut at July.
        assertThat(pointsWhere(rows, "trend")).isEmpty();
    }

    @Test
    void aShareWithVaryingDenominatorsHasLaneyLimitsForEachMonthAndAnAssurance() {
        // Plans within 20 weeks: 5 of 10, 20 of 40, 9 of 30. p = 34 / 80 = 0.425; each month's
        // spread sqrt(0.425 × 0.575 / n): 0.156325, 0.078162, 0.090254; z = (p_i - 0.425) /
        // spread: 0.479770, 0.959540, -1.384976; moving ranges of z 0.479770 and 2.344516, average
        // 1.412143 (Laney's sigma_z × 1.128). Limits 0.425 ± 2.66 × spread × 1.412143: month 1
        // 0 to 1 (clamped from -0.162 and 1.012), month 2 0.131398 to 0.718602, month 3 0.085978
        // to 0.764022. The target of 0.6 lies within the latest limits: inconsistent.
        List<Row> months =
                List.of(
                        RowFactory.create("2021-01", 0.0, 10.0, 5.0),
                        RowFactory.create("2021-02", 0.0, 40.0, 20.0),
                        RowFactory.create("2021-03", 0.0, 30.0, 9.0));
        List<Row> rows =
                chart(months, List.of(share(0.6)), "2030-01-31", List.of()).stream()
                        .filter(r -> r.getAs("measure").equals("share_plans_within_20_weeks"))
                        .toList();
        assertThat(d(rows.get(0), "mean")).isCloseTo(0.425, within(1e-9));
        assertThat(d(rows.get(0), "average_moving_range")).isCloseTo(1.412143, within(1e-6));
        assertThat(d(rows.get(0), "upper_process_limit")).isEqualTo(1.0);
        assertThat(d(rows.get(0), "lower_process_limit")).isEqualTo(0.0);
        assertThat(d(rows.get(1), "lower_process_limit")).isCloseTo(0.131398, within(1e-6));
        assertThat(d(rows.get(1), "upper_process_limit")).isCloseTo(0.718602, within(1e-6));
        assertThat(d(rows.get(2), "lower_process_limit")).isCloseTo(0.085978, within(1e-6));
        assertThat(d(rows.get(2), "upper_process_limit")).isCloseTo(0.764022, within(1e-6));
        assertThat(rows).allMatch(r -> "inconsistent".equals(r.getAs("assurance")));
        // A target of 0.9, above the latest upper limit, is failed every month.
        assertThat(
                        chart(months, List.of(share(0.9)), "2030-01-31", List.of()).stream()
                                .filter(
                                        r ->
                                                r.getAs("measure")
                                                        .equals("share_plans_within_20_weeks"))
                                .map(r -> r.<String>getAs("assurance"))
                                .distinct())
                .containsExactly("consistent_fail");
    }

    private static Row share(double target) {
        return RowFactory.create(
                "share_plans_within_20_weeks",
                "Within 20 weeks",
                "share",
                "up",
                "p_prime",
                1.0,
                target,
                7,
                6,
                2,
                3);
    }

    @Test
    void aSinglePointHasNoLimitsAndNoSignal() {
        List<Row> one = xmr(new double[] {5}, 6, "2030-01-31", List.of());
        assertThat(one)
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.<Object>getAs("upper_process_limit")).isNull();
                            assertThat(r.<Boolean>getAs("special_cause")).isFalse();
                            assertThat(r.<String>getAs("variation")).isEqualTo("common_cause");
                        });
    }
}
