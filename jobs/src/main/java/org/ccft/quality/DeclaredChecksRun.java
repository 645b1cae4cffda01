package org.ccft.quality;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.WarehouseLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one step's declared checks and anomalies over the views registered for it, records what they
 * found, and stops the run if a critical one broke.
 */
public final class DeclaredChecksRun {

    private static final Logger LOG = LoggerFactory.getLogger(DeclaredChecksRun.class);

    private final SparkSession spark;
    private final WarehouseLayout layout;
    private final QualityPolicy policy;
    private final DeclaredCheck.Catalog checks;

    public DeclaredChecksRun(
            SparkSession spark,
            WarehouseLayout layout,
            QualityPolicy policy,
            DeclaredCheck.Catalog checks) {
        this.spark = spark;
        this.layout = layout;
        this.policy = policy;
        this.checks = checks;
    }

    public void run(String step, long runId, List<CheckOutcome> alreadyFound) {
        MetricsHistory history = new MetricsHistory(spark, layout.qualityMetrics());
        List<CheckOutcome> outcomes = new ArrayList<>(alreadyFound);
        outcomes.addAll(new CheckSuite(spark, policy, history).run(checks.checks(step), runId));
        outcomes.addAll(
                new AnomalyWatch(spark, policy, history).run(checks.anomalies(step), runId));
        new QualityResults(spark, layout).record(runId, step, outcomes);
        outcomes.stream()
                .filter(o -> o.status() == CheckOutcome.Status.WARNED || o.failed())
                .forEach(
                        o ->
                                LOG.warn(
                                        "{} {} ({}): {}",
                                        o.status(),
                                        o.check(),
                                        o.severity(),
                                        o.figures()));
        CriticalQualityFailure.throwIfAny(outcomes);
    }
}
