package org.ccft.marts;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Encoders;
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

    public static void register(SparkSession spark, WarehouseLayout layout, LocalDate asAt, String councilLaCode) {
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
        for (String table : List.of("service_areas", "themes", "complaint_timescales", "working_days", "spc_measures")) {
            DeltaTables.read(spark, layout.reference(table)).createOrReplaceTempView(table);
        }
        String sen2 = layout.conformed("dfe_sen2");
        if (DeltaTables.exists(spark, sen2)) {
            DeltaTables.read(spark, sen2).createOrReplaceTempView("dfe_sen2");
        } else {
            spark.sql("SELECT CAST(NULL AS INT) AS calendar_year, CAST(NULL AS STRING) AS geographic_level, "
                    + "CAST(NULL AS STRING) AS region_code, CAST(NULL AS STRING) AS region_name, "
                    + "CAST(NULL AS STRING) AS la_code, CAST(NULL AS STRING) AS old_la_code, "
                    + "CAST(NULL AS STRING) AS la_name, CAST(NULL AS STRING) AS measure, CAST(NULL AS DOUBLE) AS value, "
                    + "CAST(NULL AS STRING) AS marker, CAST(NULL AS STRING) AS source_file WHERE false")
                    .createOrReplaceTempView("dfe_sen2");
        }
        spark.createDataset(List.of(councilLaCode), Encoders.STRING()).toDF("la_code").createOrReplaceTempView("council");
        spark.sql("SELECT DATE'" + asAt + "' AS as_at_date, financial_year(DATE'" + asAt + "') AS as_at_year")
                .createOrReplaceTempView("as_at");
        // Every financial year from the first record received to the as-at date's.
        spark.sql("SELECT financial_year(d) AS financial_year, d AS year_start, add_months(d, 12) - 1 AS year_end "
                + "FROM (SELECT explode(sequence(make_date(year(first) - CASE WHEN month(first) < 4 THEN 1 ELSE 0 END, 4, 1), "
                + "(SELECT as_at_date FROM as_at), INTERVAL 1 YEAR)) AS d "
                + "FROM (SELECT coalesce(min(received_date), (SELECT as_at_date FROM as_at)) AS first FROM feedback_records))")
                .createOrReplaceTempView("financial_years");
    }
}
