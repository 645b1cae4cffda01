package org.ccft.quality;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Nothing is dropped silently: for every drop and table, the rows landed in raw equal the rows the
 * contract accepted plus the rows it quarantined. Returns one line per drop and table that does not
 * reconcile (empty when all do).
 */
public final class DropReconciliation {

    private DropReconciliation() {
    }

    /** Each dataset needs only an {@code export_id} column: one row per row of that layer. */
    public static List<String> mismatches(String table, Dataset<Row> raw, Dataset<Row> accepted,
                                          Dataset<Row> quarantined) {
        Dataset<Row> tallies = raw.selectExpr("export_id", "1L AS raw", "0L AS accepted", "0L AS quarantined")
                .unionAll(accepted.selectExpr("export_id", "0L", "1L", "0L"))
                .unionAll(quarantined.selectExpr("export_id", "0L", "0L", "1L"));
        return tallies.groupBy("export_id").sum("raw", "accepted", "quarantined")
                .toDF("export_id", "raw", "accepted", "quarantined")
                .where("raw <> accepted + quarantined")
                .orderBy("export_id")
                .collectAsList().stream()
                .map(row -> table + " drop " + row.getString(0) + ": raw " + row.getLong(1) + " rows, accepted "
                        + row.getLong(2) + " + quarantined " + row.getLong(3))
                .toList();
    }
}
