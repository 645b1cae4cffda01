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
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseLayout;

/**
 * The record of every check of every run, in Delta tables under {@code ops/dq/}: {@code results},
 * one row per check outcome, and {@code runs}, which drops each run checked. Both are written by
 * appending (a recording is one commit, without reading the table); a step that records again (a
 * restarted step) appends a new recording of its outcomes, and the newest recording of a run's step
 * is the one read, so a run's record is always whole and never doubled. Each recording carries a
 * marker row (no check, status {@value #RECORDED}), so that even a recording of no outcomes
 * replaces an earlier one.
 */
public final class QualityResults {

    static final String RESULT_COLUMNS =
            "run_id BIGINT, step STRING, layer STRING, check_name STRING, "
                    + "table_name STRING, severity STRING, status STRING, metric DOUBLE, failing BIGINT, figures STRING, "
                    + "offenders ARRAY<STRING>, file STRING, line BIGINT, recorded_at TIMESTAMP";
    static final String RUN_COLUMNS =
            "run_id BIGINT, export_ids ARRAY<STRING>, as_at STRING, recorded_at TIMESTAMP";

    /** The status of a recording's marker row: not an outcome. */
    static final String RECORDED = "RECORDED";

    /** A run as the record shows it. */
    public record Run(long runId, List<String> exportIds, String asAt, Instant recordedAt) {}

    private final SparkSession spark;
    private final WarehouseLayout layout;

    public QualityResults(SparkSession spark, WarehouseLayout layout) {
        this.spark = spark;
        this.layout = layout;
    }

    /** Records (or, on a restart, records again) one step's outcomes for a run. */
    public void record(long runId, String step, Collection<CheckOutcome> outcomes) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Row> rows = new ArrayList<>();
        rows.add(
                RowFactory.create(
                        runId, step, null, null, null, null, RECORDED, null, null, null, null, null,
                        null, now));
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
        DeltaTables.append(
                spark.createDataFrame(rows, StructType.fromDDL(RESULT_COLUMNS)),
                layout.qualityResults());
    }

    /**
     * Records for this run what another run's step found, as found then (the same checks over the
     * same data); returns how many outcomes that is.
     */
    public long copy(long fromRun, long runId, String step) {
        List<CheckOutcome> earlier =
                outcomes(fromRun).stream().filter(o -> o.step().equals(step)).toList();
        record(runId, step, earlier);
        return earlier.size();
    }

    /** Records which drops a run checked, and the as-at date once the marts are built. */
    public void recordRun(long runId, List<String> exportIds, String asAt) {
        Row row =
                RowFactory.create(
                        runId,
                        exportIds.toArray(String[]::new),
                        asAt,
                        Timestamp.from(Instant.now()));
        DeltaTables.append(
                spark.createDataFrame(List.of(row), StructType.fromDDL(RUN_COLUMNS)),
                layout.qualityRuns());
    }

    public Optional<Run> latestRun() {
        return firstRun(runs().orderBy(functions.col("run_id").desc()));
    }

    public Optional<Run> run(long runId) {
        return firstRun(runs().where(functions.col("run_id").equalTo(runId)));
    }

    /** Each run as last recorded. */
    private Dataset<Row> runs() {
        Dataset<Row> all =
                DeltaTables.exists(spark, layout.qualityRuns())
                        ? DeltaTables.read(spark, layout.qualityRuns())
                        : spark.createDataFrame(List.of(), StructType.fromDDL(RUN_COLUMNS));
        return newest(all, "run_id");
    }

    /** The rows of the newest recording of each group. */
    private static Dataset<Row> newest(Dataset<Row> rows, String group) {
        return rows.withColumn(
                        "_newest", functions.max("recorded_at").over(Window.partitionBy(group)))
                .where("recorded_at = _newest")
                .drop("_newest");
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
        return newest(
                        DeltaTables.read(spark, layout.qualityResults())
                                .where(functions.col("run_id").equalTo(runId)),
                        "step")
                .where(functions.col("status").notEqual(RECORDED))
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
