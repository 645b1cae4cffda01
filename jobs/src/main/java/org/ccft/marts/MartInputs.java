package org.ccft.marts;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.FileContract;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseLayout;

/**
 * The views mart SQL reads: the conformed tables as records that exist (never a deleted one), the
 * EHCP months, DfE's SEN2 statistics, the reference tables, {@code council} (the council's DfE code)
 * and {@code as_at} (the date of the newest export loaded). The conformed tables whole, tombstones
 * included, are {@code conformed_<table>}, for the quality checks. A table not loaded yet is empty.
 */
public final class MartInputs {

    private static final List<String> REFERENCE = List.of("service_areas", "themes", "complaint_timescales",
            "working_days", "spc_measures");

    private MartInputs() {
    }

    /** The Delta tables behind the views, by path: what the marts and the warehouse checks are computed from. */
    public static List<String> tables(WarehouseLayout layout) {
        List<String> tables = new java.util.ArrayList<>();
        CmsContract.CMS_FILES.forEach(f -> tables.add(layout.conformed(f.table())));
        tables.add(layout.conformed("ehcp_monthly"));
        tables.add(layout.conformed("dfe_sen2"));
        REFERENCE.forEach(r -> tables.add(layout.reference(r)));
        return tables;
    }

    public static void register(SparkSession spark, WarehouseLayout layout, LocalDate asAt, String councilLaCode) {
        for (FileContract f : CmsContract.CMS_FILES) {
            String path = layout.conformed(f.table());
            var whole = DeltaTables.exists(spark, path) ? DeltaTables.read(spark, path)
                    : spark.createDataFrame(List.of(), ConformedSchemas.of(f));
            whole.createOrReplaceTempView("conformed_" + f.table());
            whole.where("NOT is_deleted").createOrReplaceTempView(f.table());
        }
        registerOrEmpty(spark, layout.conformed("ehcp_monthly"), "ehcp_monthly", "month STRING, "
                + "requests_received BIGINT, assessments_agreed BIGINT, plans_issued BIGINT, "
                + "plans_issued_within_20_weeks BIGINT, plans_maintained BIGINT");
        registerOrEmpty(spark, layout.conformed("dfe_sen2"), "dfe_sen2", "calendar_year INT, geographic_level STRING, "
                + "region_code STRING, region_name STRING, la_code STRING, old_la_code STRING, la_name STRING, "
                + "measure STRING, value DOUBLE, marker STRING, source_file STRING");
        for (String table : REFERENCE) {
            DeltaTables.read(spark, layout.reference(table)).createOrReplaceTempView(table);
        }
        spark.createDataset(List.of(councilLaCode), Encoders.STRING()).toDF("la_code").createOrReplaceTempView("council");
        spark.sql("SELECT DATE'" + asAt + "' AS as_at_date").createOrReplaceTempView("as_at");
    }

    /** A table not loaded yet reads as empty, with its columns. */
    private static void registerOrEmpty(SparkSession spark, String path, String view, String columns) {
        (DeltaTables.exists(spark, path) ? DeltaTables.read(spark, path)
                : spark.createDataFrame(List.of(), StructType.fromDDL(columns))).createOrReplaceTempView(view);
    }
}
