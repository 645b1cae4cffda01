package org.ccft.lakehouse;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.delta.DeltaLog;
import scala.Option;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Writes to Delta tables the way every layer needs them: atomic, idempotent, restartable. */
public final class DeltaTables {

    private DeltaTables() {
    }

    public static boolean exists(SparkSession spark, String path) {
        return DeltaTable.isDeltaTable(spark, path);
    }

    /** Replaces, in one commit, the rows matching {@code predicate} with {@code rows}. */
    public static void replaceWhere(Dataset<Row> rows, String path, String predicate) {
        if (!exists(rows.sparkSession(), path)) {
            rows.write().format("delta").mode("overwrite").save(path);
            return;
        }
        rows.write().format("delta").mode("overwrite").option("replaceWhere", predicate).save(path);
    }

    /** Replaces a whole table in one commit, schema included. */
    public static void overwrite(Dataset<Row> rows, String path) {
        rows.write().format("delta").mode("overwrite").option("overwriteSchema", "true").save(path);
    }

    /** The table's newest version: the log's listing, no Spark job (this JVM's cached snapshot, brought up to date). */
    public static long latestVersion(SparkSession spark, String path) {
        return DeltaLog.forTable(spark, path).update(false, Option.empty(), Option.empty()).version();
    }

    public static Dataset<Row> read(SparkSession spark, String path) {
        return spark.read().format("delta").load(path);
    }

    public static Dataset<Row> readVersion(SparkSession spark, String path, long version) {
        return spark.read().format("delta").option("versionAsOf", version).load(path);
    }

    /** SQL literal list of quoted strings, for IN predicates over ids the job itself produced. */
    public static String sqlList(java.util.Collection<String> values) {
        if (values.isEmpty()) {
            return "(NULL)";
        }
        StringBuilder b = new StringBuilder("(");
        for (String v : values) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append('\'').append(v.replace("'", "''")).append('\'');
        }
        return b.append(')').toString();
    }
}
