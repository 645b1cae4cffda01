package org.ccft.quality;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.landing.Drop;
import org.ccft.raw.RawLanding;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.FileContract;
import org.ccft.staging.Quarantine;

/**
 * The views the {@code drops} checks read (see quality/checks.yml): {@code drop_rows}, one row per
 * row of tonight's drops in raw, accepted (staging) and quarantine; and {@code
 * incremental_feedback}, tonight's raw feedback rows from incremental exports, each weighing 1 /
 * the number of those exports, so that a sum is rows per export: a day's volume when the CMS
 * exports nightly. (A full export holds everything and says nothing about a day's volume.)
 */
public final class DropViews {

    private final SparkSession spark;
    private final WarehouseLayout layout;

    public DropViews(SparkSession spark, WarehouseLayout layout) {
        this.spark = spark;
        this.layout = layout;
    }

    public void register(List<Drop> sound) {
        List<String> ids = sound.stream().map(Drop::exportId).toList();
        RawLanding raw = new RawLanding(spark, layout);
        Dataset<Row> quarantined =
                new Quarantine(spark, layout)
                        .rows()
                        .where(functions.col("export_id").isin(ids.toArray()));
        Dataset<Row> rows = null;
        for (FileContract f : CmsContract.CMS_FILES) {
            String table = "'" + f.table() + "' AS source_table";
            Dataset<Row> accepted =
                    DeltaTables.exists(spark, layout.staging(f.table()))
                            ? DeltaTables.read(spark, layout.staging(f.table()))
                                    .selectExpr(table, "export_id", "'accepted' AS layer")
                            : null;
            Dataset<Row> these =
                    raw.rows(f, ids)
                            .selectExpr(table, "export_id", "'raw' AS layer")
                            .unionAll(
                                    quarantined
                                            .where("source_table = '" + f.table() + "'")
                                            .selectExpr(
                                                    table, "export_id", "'quarantined' AS layer"));
            these = accepted == null ? these : these.unionAll(accepted);
            rows = rows == null ? these : rows.unionAll(these);
        }
        rows.createOrReplaceTempView("drop_rows");

        // A nightly export holds a day's changes: tonight's volume is its rows per incremental
        // drop.
        List<String> incremental =
                sound.stream().filter(d -> !d.isFull()).map(Drop::exportId).toList();
        raw.rows(CmsContract.FEEDBACK_RECORDS, incremental)
                .selectExpr(
                        "feedback_type",
                        "CAST(1.0 / " + Math.max(1, incremental.size()) + " AS DOUBLE) AS per_drop")
                .createOrReplaceTempView("incremental_feedback");
    }
}
