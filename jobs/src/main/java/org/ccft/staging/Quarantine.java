package org.ccft.staging;

import java.util.Collection;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseLayout;

/**
 * Rows that broke the contract: which table, drop, file and line, the record's key, the first rule
 * broken and all of them. No content: the row itself stays in the raw layer, the only one that
 * holds personal data. Quarantined rows count nowhere.
 */
public final class Quarantine {

    public static final String COLUMNS =
            "source_table STRING, export_id STRING, file STRING, line BIGINT, "
                    + "record_key STRING, rule STRING, rules ARRAY<STRING>";

    private final SparkSession spark;
    private final String path;

    public Quarantine(SparkSession spark, WarehouseLayout layout) {
        this.spark = spark;
        this.path = layout.quarantine();
    }

    /** Replaces what quarantine holds for these drops of this table with {@code rows}. */
    public void replace(String table, Collection<String> exportIds, Dataset<Row> rows) {
        String predicate =
                "source_table = '" + table + "' AND export_id IN " + DeltaTables.sqlList(exportIds);
        DeltaTables.replaceWhere(
                rows.selectExpr(
                        "source_table", "export_id", "file", "line", "record_key", "rule", "rules"),
                path,
                predicate);
    }

    public Dataset<Row> rows() {
        return DeltaTables.exists(spark, path)
                ? DeltaTables.read(spark, path)
                : spark.createDataFrame(List.of(), StructType.fromDDL(COLUMNS));
    }
}
