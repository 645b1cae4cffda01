package org.ccft.quality;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseLayout;

/**
 * The record of every check of every run, in Delta tables under {@code ops/dq/}: {@code results},
 * one row per check outcome, and {@code runs}, which drops each run checked. A restarted step
 * replaces its own outcomes, so a run's record is always whole and never doubled.
 */
public final class QualityResults {

    static final String RESULT_COLUMNS =
            "run_id BIGINT, step STRING, layer STRING, check_name STRING, "
                    + "table_name STRING, severity STRING, status STRING, metric DOUBLE, failing BIGINT, figures STRING, "
                    + "offenders ARRAY<STRING>, file STRING, line BIGINT, recorded_at TIMESTAMP";
    static final String RUN_COLUMNS =
            "run_id BIGINT, export_ids ARRAY<STRING>, as_at STRING, recorded_at TIMESTAMP";

    /** A run as the record shows it. */
    public record Run(long runId, List<String> exportIds, String asAt, Instant recordedAt) {}

    private final SparkSession spark;
    private final WarehouseLayout layout;

    public QualityResults(SparkSession spark, WarehouseLayout layout) {
        this.spark = spark;
        this.layout = layout;
    }

    /** Records (or, on a restart, replaces) one step's outcomes for a run. */
    public void record(long runId, String step, Collection<CheckOutcome> outcomes) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Row> rows = new ArrayList<>();
        for (CheckOutcome o : outcomes) {
            rows.add(
                    RowFactory.create(
                            runId,
                            step,
                            o.layer(),
                            o.check(),
                            o.table(),
                            o.severity().name(),
                            o.status().name(),
                            o.metric(),
                            o.failing(),
                            o.figures(),
                            o.offenders().toArray(String[]::new),
                            o.file(),
                            o.line(),
                            now));
        }
        Dataset<Row> df = spark.createDataFrame(rows, StructType.fromDDL(RESULT_COLUMNS));
        DeltaTables.replaceWhere(
                df, layout.qualityResults(), "run_id = " + runId + " AND step = '" + step + "'");
    }

    /**
     * Records for this run what another run's step found, as found then (the same checks over the
     * same data); returns how many outcomes that is.
     */
    public long copy(long fromRun, long runId, String step) {
        Dataset<Row> earlier =
                DeltaTables.read(spark, layout.qualityResults())
                        .where("run_id = " + fromRun + " AND step = '" + step + "'")
                        .withColumn("run_id", org.apache.spark.sql.functions.lit(runId))
                        .withColumn(
                                "recorded_at", org.apache.spark.sql.functions.current_timestamp())
                        .persist(StorageLevel.MEMORY_ONLY());
        try {
            long outcomes = earlier.count();
            DeltaTables.replaceWhere(
                    earlier,
                    layout.qualityResults(),
                    "run_id = " + runId + " AND step = '" + step + "'");
            return outcomes;
        } finally {
            earlier.unpersist();
        }
    }

    /** Records which drops a run checked, and the as-at date once the marts are built. */
    public void recordRun(long runId, List<String> exportIds, String asAt) {
        Row row =
                RowFactory.create(
                        runId,
                        exportIds.toArray(String[]::new),
                        asAt,
                        Timestamp.from(Instant.now()));
        DeltaTables.replaceWhere(
                spark.createDataFrame(List.of(row), StructType.fromDDL(RUN_COLUMNS)),
                layout.qualityRuns(),
                "run_id = " + runId);
    }

    public Optional<Run> latestRun() {
        return firstRun(runs().orderBy(org.apache.spark.sql.functions.col("run_id").desc()));
    }

    public Optional<Run> run(long runId) {
        return firstRun(runs().where("run_id = " + runId));
    }

    private Dataset<Row> runs() {
        return DeltaTables.exists(spark, layout.qualityRuns())
                ? DeltaTables.read(spark, layout.qualityRuns())
                : spark.createDataFrame(List.of(), StructType.fromDDL(RUN_COLUMNS));
    }

    private static Optional<Run> firstRun(Dataset<Row> runs) {
        return runs.limit(1).collectAsList().stream()
                .findFirst()
                .map(
                        r ->
                                new Run(
                                        r.getLong(0),
                                        r.getList(1),
                                        r.getString(2),
                                        r.getTimestamp(3).toInstant()));
    }

    /** A run's outcomes, in the order the steps ran them. */
    public List<CheckOutcome> outcomes(long runId) {
        if (!DeltaTables.exists(spark, layout.qualityResults())) {
            return List.of();
        }
        return DeltaTables.read(spark, layout.qualityResults())
                .where("run_id = " + runId)
                .selectExpr(
                        "*",
                        "CASE step WHEN 'files' THEN 1 WHEN 'landing' THEN 2 WHEN 'contract' THEN 3 "
                                + "WHEN 'drops' THEN 4 ELSE 5 END AS _order")
                .orderBy("_order", "layer", "table_name", "check_name", "file", "line")
                .collectAsList()
                .stream()
                .map(
                        r ->
                                new CheckOutcome(
                                        r.getAs("step"),
                                        r.getAs("layer"),
                                        r.getAs("check_name"),
                                        r.getAs("table_name"),
                                        Severity.valueOf(r.getAs("severity")),
                                        CheckOutcome.Status.valueOf(r.getAs("status")),
                                        r.getAs("metric"),
                                        r.<Long>getAs("failing"),
                                        r.getAs("figures"),
                                        r.getList(r.fieldIndex("offenders")),
                                        r.getAs("file"),
                                        r.getAs("line")))
                .toList();
    }
}
