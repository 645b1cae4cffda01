package org.ccft.sat;

import io.delta.tables.DeltaTable;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.Fingerprint;
import org.ccft.lakehouse.WarehouseLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the conformed EHCP months with tonight's restatement: the staged rows of this run, one
 * per month (a month stated twice goes to quarantine, both lines, and counts nowhere). Without a
 * SAT file tonight, last night's figures stay.
 */
public final class ConformSatMonths {

    private static final Logger LOG = LoggerFactory.getLogger(ConformSatMonths.class);

    private final SparkSession spark;
    private final WarehouseLayout layout;

    public ConformSatMonths(SparkSession spark, WarehouseLayout layout) {
        this.spark = spark;
        this.layout = layout;
    }

    public static String stagingPath(WarehouseLayout layout) {
        return layout.staging("ehcp_monthly_rows");
    }

    public void conform(long jobInstanceId, boolean fileDelivered) {
        String staging = stagingPath(layout);
        String quarantine = layout.quarantine();
        String runTag = SatQuarantineListener.runTag(jobInstanceId);
        if (!fileDelivered) {
            LOG.warn(
                    "no {} tonight: the EHCP figures of the last delivery stay",
                    SatQuarantineListener.FILE);
            return;
        }
        Dataset<Row> staged =
                DeltaTables.exists(spark, staging)
                        ? DeltaTables.read(spark, staging)
                                .where("job_instance_id = " + jobInstanceId)
                        : spark.createDataFrame(List.of(), SatStagingWriter.SCHEMA);
        staged.createOrReplaceTempView("sat_staged");
        Dataset<Row> checked =
                spark.sql(
                        """
                SELECT *, count(*) OVER (PARTITION BY month) AS lines_for_month FROM sat_staged
                """);
        Dataset<Row> duplicated =
                checked.where("lines_for_month > 1")
                        .selectExpr(
                                "'ehcp_monthly' AS source_table",
                                "'" + runTag + "' AS export_id",
                                "'" + SatQuarantineListener.FILE + "' AS file",
                                "line",
                                "month AS record_key",
                                "'unique:month' AS rule",
                                "array('unique:month') AS rules");
        if (!duplicated.isEmpty()) {
            DeltaTables.replaceWhere(
                    duplicated,
                    quarantine,
                    "source_table = 'ehcp_monthly' AND export_id = '"
                            + runTag
                            + "' AND rule = 'unique:month'");
        }
        // The same figures as last night (the usual case: the file restates every month) keep the
        // table's version, and with it the marts built from it.
        Dataset<Row> months =
                checked.where("lines_for_month = 1")
                        .drop("lines_for_month", "job_instance_id", "line")
                        .orderBy("month")
                        .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            if (!DeltaTables.overwriteUnlessUnchanged(
                    months, layout.conformed("ehcp_monthly"), Fingerprint.ofRows(months))) {
                LOG.info("conformed ehcp_monthly: the same figures as the last delivery, kept");
            }
        } finally {
            months.unpersist();
        }
        // Tonight's file restates everything: earlier nights' SAT quarantine and staging are
        // history.
        if (DeltaTables.exists(spark, quarantine)) {
            DeltaTable.forPath(spark, quarantine)
                    .delete("source_table = 'ehcp_monthly' AND export_id <> '" + runTag + "'");
        }
        if (DeltaTables.exists(spark, staging)) {
            DeltaTable.forPath(spark, staging).delete("job_instance_id <> " + jobInstanceId);
        }
        LOG.info(
                "conformed ehcp_monthly: {} months",
                DeltaTables.read(spark, layout.conformed("ehcp_monthly")).count());
    }
}
