package org.ccft.marts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.FileContract;

/**
 * The sources mart SQL reads, registered as views: each conformed table whole, tombstones included
 * ({@code conformed_<table>}; the current records are the intermediate models over them), the EHCP
 * months, DfE's SEN2 statistics, the reference tables, {@code council} (the council's DfE code) and
 * {@code as_at} (the date of the newest export loaded). A table not loaded yet is empty, with its
 * columns.
 */
public final class MartInputs {

    private static final List<String> REFERENCE =
            List.of(
                    "service_areas",
                    "themes",
                    "complaint_timescales",
                    "complaint_code",
                    "working_days",
                    "spc_measures",
                    "spc_events");

    private static final StructType EHCP_MONTHLY =
            StructType.fromDDL(
                    "month STRING, requests_received BIGINT, "
                            + "assessments_agreed BIGINT, plans_issued BIGINT, plans_issued_within_20_weeks BIGINT, "
                            + "plans_maintained BIGINT");

    private static final StructType DFE_SEN2 =
            StructType.fromDDL(
                    "calendar_year INT, geographic_level STRING, "
                            + "region_code STRING, region_name STRING, la_code STRING, old_la_code STRING, la_name STRING, "
                            + "measure STRING, value DOUBLE, marker STRING, source_file STRING");

    private MartInputs() {}

    /**
     * The Delta tables behind the views, by path: what the marts and the warehouse checks are
     * computed from.
     */
    public static List<String> tables(WarehouseLayout layout) {
        List<String> tables = new ArrayList<>();
        CmsContract.CMS_FILES.forEach(f -> tables.add(layout.conformed(f.table())));
        tables.add(layout.conformed("ehcp_monthly"));
        tables.add(layout.conformed("dfe_sen2"));
        REFERENCE.forEach(r -> tables.add(layout.reference(r)));
        return tables;
    }

    /**
     * Registers the sources over the warehouse's Delta tables, each read once and held in memory
     * (queries that read it share one scan); returns what it holds, for the caller to let go.
     */
    public static List<Dataset<Row>> register(
            SparkSession spark, WarehouseLayout layout, LocalDate asAt, String councilLaCode) {
        List<Dataset<Row>> held = new ArrayList<>();
        Function<String, Dataset<Row>> readOnce =
                path -> {
                    Dataset<Row> rows =
                            DeltaTables.read(spark, path).persist(StorageLevel.MEMORY_AND_DISK());
                    held.add(rows);
                    return rows;
                };
        Map<String, Dataset<Row>> reference = new LinkedHashMap<>();
        REFERENCE.forEach(r -> reference.put(r, readOnce.apply(layout.reference(r))));
        register(
                spark,
                path -> DeltaTables.exists(spark, path) ? readOnce.apply(path) : null,
                layout,
                reference,
                asAt,
                councilLaCode);
        return held;
    }

    /**
     * The sources with no warehouse behind them, as a mart's cases need: every conformed table
     * empty, and the reference tables given (the real ones, made from the versioned files).
     */
    public static void registerEmpty(
            SparkSession spark,
            Map<String, Dataset<Row>> reference,
            LocalDate asAt,
            String councilLaCode) {
        if (!reference.keySet().containsAll(REFERENCE)) {
            throw new IllegalArgumentException(
                    "reference tables " + REFERENCE + " needed, " + reference.keySet() + " given");
        }
        register(spark, path -> null, new WarehouseLayout("empty"), reference, asAt, councilLaCode);
    }

    private static void register(
            SparkSession spark,
            Function<String, Dataset<Row>> tableAt,
            WarehouseLayout layout,
            Map<String, Dataset<Row>> reference,
            LocalDate asAt,
            String councilLaCode) {
        for (FileContract f : CmsContract.CMS_FILES) {
            orEmpty(spark, tableAt.apply(layout.conformed(f.table())), ConformedSchemas.of(f))
                    .createOrReplaceTempView("conformed_" + f.table());
        }
        orEmpty(spark, tableAt.apply(layout.conformed("ehcp_monthly")), EHCP_MONTHLY)
                .createOrReplaceTempView("ehcp_monthly");
        orEmpty(spark, tableAt.apply(layout.conformed("dfe_sen2")), DFE_SEN2)
                .createOrReplaceTempView("dfe_sen2");
        REFERENCE.forEach(r -> reference.get(r).createOrReplaceTempView(r));
        spark.createDataset(List.of(councilLaCode), Encoders.STRING())
                .toDF("la_code")
                .createOrReplaceTempView("council");
        spark.sql("SELECT DATE'" + asAt + "' AS as_at_date").createOrReplaceTempView("as_at");
    }

    /** A table not loaded yet reads as empty, with its columns. */
    private static Dataset<Row> orEmpty(
            SparkSession spark, Dataset<Row> table, StructType columns) {
        return table != null ? table : spark.createDataFrame(List.of(), columns);
    }
}
