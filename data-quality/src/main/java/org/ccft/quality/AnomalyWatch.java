package org.ccft.quality;

import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.Mean;
import com.amazon.deequ.analyzers.Sum;
import com.amazon.deequ.anomalydetection.AnomalyDetector;
import com.amazon.deequ.anomalydetection.DataPoint;
import com.amazon.deequ.anomalydetection.SimpleThresholdStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * Measures tonight's figures that should move slowly (daily volumes by feedback type, the quarantine
 * rate, the share of late responses), keeps them in the metrics history, and raises the ones that
 * stray from their history, with the numbers. The bounds come from the median of the last runs
 * ({@link QualityPolicy.AnomalyBounds}); Deequ's anomaly detector judges the new point.
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

    public List<CheckOutcome> run(List<DeclaredCheck> anomalies, long runId) {
        List<java.util.concurrent.Callable<CheckOutcome>> work = new ArrayList<>();
        anomalies.forEach(a -> work.add(() -> watch(a, runId)));
        return Deequ.together(work);
    }

    private CheckOutcome watch(DeclaredCheck a, long runId) {
        Severity severity = policy.severity(a.name(), a.severity());
        if (severity == Severity.OFF) {
            return outcome(a, severity, CheckOutcome.Status.SKIPPED, null, "switched off by configuration");
        }
        Option<String> where = Option.apply(a.where());
        Analyzer<?, ?> analyzer = a.sum() != null ? new Sum(a.sum(), where) : new Mean(a.mean(), where);
        VerificationResult result = Deequ.verify(spark.sql(a.data()), List.of(), List.of(analyzer));
        history.save(runId, a.step(), a.name(), result);
        Double tonight = MetricsHistory.metric(result.metrics(), analyzer);
        if (tonight == null) {
            return outcome(a, severity, CheckOutcome.Status.SKIPPED, null, "nothing to measure tonight");
        }
        QualityPolicy.AnomalyBounds bounds = policy.bounds();
        List<Double> earlier = history.before(runId, a.step(), a.name(), analyzer, bounds.window());
        if (earlier.size() < bounds.minHistory()) {
            return outcome(a, severity, CheckOutcome.Status.SKIPPED, tonight, "tonight " + fmt(tonight)
                    + "; " + earlier.size() + " earlier runs measured it, " + bounds.minHistory() + " needed");
        }
        double usual = median(earlier);
        boolean volume = a.watch() == DeclaredCheck.Watch.VOLUME;
        double lower = volume ? usual * bounds.lowRatio() : usual - bounds.rateMaxChange();
        double upper = volume ? usual * bounds.highRatio() : usual + bounds.rateMaxChange();
        List<DataPoint<Object>> points = new ArrayList<>();
        for (int i = 0; i < earlier.size(); i++) {
            points.add(new DataPoint<>(i, Option.apply(earlier.get(i))));
        }
        boolean anomalous = !new AnomalyDetector(new SimpleThresholdStrategy(lower, upper))
                .isNewPointAnomalous(Deequ.seq(points), new DataPoint<>(earlier.size(), Option.apply(tonight)))
                .anomalies().isEmpty();
        String figures = "tonight " + fmt(tonight) + "; usual " + fmt(usual) + " (median of the last "
                + earlier.size() + " runs); allowed " + fmt(Math.max(0, lower)) + " to " + fmt(upper)
                + ": " + a.description();
        return outcome(a, severity, CheckOutcome.statusFor(severity == Severity.ERROR ? Severity.WARNING
                : severity, anomalous), tonight, figures);
    }

    private static CheckOutcome outcome(DeclaredCheck a, Severity s, CheckOutcome.Status status, Double value,
                                        String figures) {
        return new CheckOutcome(a.step(), a.layer(), a.name(), a.table(), s, status, value, 0, figures, List.of(),
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
