package org.ccft.marts;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.FileContract;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseLayout;

/**
 * The views mart SQL reads: the conformed tables as records that exist (never a deleted one), the
 * EHCP months, the reference tables, and {@code as_at} (the date of the newest export loaded). The
 * conformed tables whole, tombstones included, are {@code conformed_<table>}, for the quality checks.
 */
public final class MartInputs {

    private MartInputs() {
    }

    public static void register(SparkSession spark, WarehouseLayout layout, LocalDate asAt) {
        for (FileContract f : CmsContract.CMS_FILES) {
            String path = layout.conformed(f.table());
            var whole = DeltaTables.exists(spark, path) ? DeltaTables.read(spark, path)
                    : spark.createDataFrame(List.of(), ConformedSchemas.of(f));
            whole.createOrReplaceTempView("conformed_" + f.table());
            whole.where("NOT is_deleted").createOrReplaceTempView(f.table());
        }
        String ehcp = layout.conformed("ehcp_monthly");
        if (DeltaTables.exists(spark, ehcp)) {
            DeltaTables.read(spark, ehcp).createOrReplaceTempView("ehcp_monthly");
        } else {
            spark.sql("SELECT CAST(NULL AS STRING) AS month, CAST(NULL AS BIGINT) AS requests_received, "
                    + "CAST(NULL AS BIGINT) AS assessments_agreed, CAST(NULL AS BIGINT) AS plans_issued, "
                    + "CAST(NULL AS BIGINT) AS plans_issued_within_20_weeks, CAST(NULL AS BIGINT) AS plans_maintained "
                    + "WHERE false").createOrReplaceTempView("ehcp_monthly");
        }
        for (String table : List.of("service_areas", "themes", "complaint_timescales", "working_days")) {
            DeltaTables.read(spark, layout.reference(table)).createOrReplaceTempView(table);
        }
        spark.sql("SELECT DATE'" + asAt + "' AS as_at_date").createOrReplaceTempView("as_at");
    }
}
