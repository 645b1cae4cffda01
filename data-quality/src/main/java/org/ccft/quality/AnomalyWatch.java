package org.ccft.quality;

import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.Mean;
import com.amazon.deequ.analyzers.Sum;
import com.amazon.deequ.anomalydetection.AnomalyDetector;
import com.amazon.deequ.anomalydetection.DataPoint;
import com.amazon.deequ.anomalydetection.SimpleThresholdStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * Measures tonight's figures that should move slowly (daily volumes by feedback type, the
 * quarantine rate, the share of late responses), keeps them in the metrics history, and raises the
 * ones that stray from their history, with the numbers. The bounds come from the median of the last
 * runs ({@link QualityPolicy.AnomalyBounds}); Deequ's anomaly detector judges the new point.
 */
public final class AnomalyWatch {

    private final SparkSession spark;
    private final QualityPolicy policy;
    private final MetricsHistory history;

    public AnomalyWatch(SparkSession spark, QualityPolicy policy, MetricsHistory history) {
        this.spark = spark;
        this.policy = policy;
        this.history = history;
    }

    /** Anomalies that share their SQL are measured together, in one pass over its rows. */
    public List<CheckOutcome> run(List<DeclaredCheck> anomalies, long runId) {
        Map<String, List<DeclaredCheck>> bySql = new LinkedHashMap<>();
        anomalies.forEach(
                a -> bySql.computeIfAbsent(a.data().strip(), k -> new ArrayList<>()).add(a));
        List<Callable<List<CheckOutcome>>> work = new ArrayList<>();
        bySql.forEach((sql, group) -> work.add(() -> watch(sql, group, runId)));
        return Deequ.together(work).stream().flatMap(List::stream).toList();
    }

    private List<CheckOutcome> watch(String sql, List<DeclaredCheck> group, long runId) {
        Map<DeclaredCheck, Analyzer<?, ?>> measures = new LinkedHashMap<>();
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (DeclaredCheck a : group) {
            Severity severity = policy.severity(a.name(), a.severity());
            if (severity == Severity.OFF) {
                outcomes.add(
                        outcome(
                                a,
                                severity,
                                CheckOutcome.Status.SKIPPED,
                                null,
                                "switched off by configuration"));
            } else {
                Option<String> where = Option.apply(a.where());
                measures.put(
                        a, a.sum() != null ? new Sum(a.sum(), where) : new Mean(a.mean(), where));
            }
        }
        if (measures.isEmpty()) {
            return outcomes;
        }
        VerificationResult result =
                Deequ.verify(spark.sql(sql), List.of(), List.copyOf(measures.values()));
        // Kept under the SQL's fingerprint: the same measures find their history whatever order
        // they are declared in.
        String tag = "sql:" + Integer.toHexString(sql.hashCode());
        String step = group.get(0).step();
        history.save(runId, step, tag, result);
        Map<Analyzer<?, ?>, List<Double>> earlier =
                history.before(runId, step, tag, measures.values(), policy.bounds().window());
        measures.forEach(
                (a, analyzer) ->
                        outcomes.add(
                                judge(
                                        a,
                                        MetricsHistory.metric(result.metrics(), analyzer),
                                        earlier.get(analyzer))));
        return outcomes;
    }

    /** Tonight's figure against the median of its history, by the anomaly's bounds. */
    private CheckOutcome judge(DeclaredCheck a, Double tonight, List<Double> earlier) {
        Severity severity = policy.severity(a.name(), a.severity());
        if (tonight == null) {
            return outcome(
                    a, severity, CheckOutcome.Status.SKIPPED, null, "nothing to measure tonight");
        }
        QualityPolicy.AnomalyBounds bounds = policy.bounds();
        if (earlier.size() < bounds.minHistory()) {
            return outcome(
                    a,
                    severity,
                    CheckOutcome.Status.SKIPPED,
                    tonight,
                    "tonight "
                            + fmt(tonight)
                            + "; "
                            + earlier.size()
                            + " earlier runs measured it, "
                            + bounds.minHistory()
                            + " needed");
        }
        double usual = median(earlier);
        boolean volume = a.watch() == DeclaredCheck.Watch.VOLUME;
        double lower = volume ? usual * bounds.lowRatio() : usual - bounds.rateMaxChange();
        double upper = volume ? usual * bounds.highRatio() : usual + bounds.rateMaxChange();
        List<DataPoint<Object>> points = new ArrayList<>();
        for (int i = 0; i < earlier.size(); i++) {
            points.add(new DataPoint<>(i, Option.apply(earlier.get(i))));
        }
        boolean anomalous =
                !new AnomalyDetector(new SimpleThresholdStrategy(lower, upper))
                        .isNewPointAnomalous(
                                Deequ.seq(points),
                                new DataPoint<>(earlier.size(), Option.apply(tonight)))
                        .anomalies()
                        .isEmpty();
        String figures =
                "tonight "
                        + fmt(tonight)
                        + "; usual "
                        + fmt(usual)
                        + " (median of the last "
                        + earlier.size()
                        + " runs); allowed "
                        + fmt(Math.max(0, lower))
                        + " to "
                        + fmt(upper)
                        + ": "
                        + a.description();
        return outcome(
                a,
                severity,
                CheckOutcome.statusFor(
                        severity == Severity.ERROR ? Severity.WARNING : severity, anomalous),
                tonight,
                figures);
    }

    private static CheckOutcome outcome(
            DeclaredCheck a, Severity s, CheckOutcome.Status status, Double value, String figures) {
        return new CheckOutcome(
                a.step(), a.layer(), a.name(), a.table(), s, status, value, 0, figures, List.of(),
                null, null);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
