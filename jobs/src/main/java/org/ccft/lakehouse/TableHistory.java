package org.ccft.lakehouse;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;
import scala.runtime.AbstractFunction0;

/**
 * A Delta table's history, and forgetting it. A DELETE leaves the deleted rows in the files of
 * earlier versions (and, with deletion vectors, in the current files too), and the log's statistics
 * quote column values: to erase rows for good, a table is reduced to its newest version alone, so
 * that nothing but what it holds now is left on storage.
 */
public final class TableHistory {

    private static final Logger LOG = LoggerFactory.getLogger(TableHistory.class);
    private static final String RETENTION_CHECK =
            "spark.databricks.delta.retentionDurationCheck.enabled";

    /**
     * A log file's version: commits, checksums and checkpoints, hidden checksum files of the file
     * system too.
     */
    private static final Pattern LOG_VERSION = Pattern.compile("^\\.?(\\d{20})\\..*");

    private TableHistory() {}

    /**
     * Rewrites the files whose rows were deleted by deletion vector, removes every data file the
     * newest version does not read, checkpoints the log and removes the log files before that
     * checkpoint, for each table (a few at once). Time travel to earlier versions of these tables
     * ends here; the tables read as they did.
     */
    public static void forget(SparkSession spark, List<String> paths) {
        String before = spark.conf().get(RETENTION_CHECK, null);
        spark.conf().set(RETENTION_CHECK, "false");
        try {
            EachTable.apply(
                    paths,
                    path -> {
                        forget(spark, path);
                        return path;
                    });
        } finally {
            if (before == null) {
                spark.conf().unset(RETENTION_CHECK);
            } else {
                spark.conf().set(RETENTION_CHECK, before);
            }
        }
    }

    /** One table's history forgotten; Delta's retention check is off (see the list's). */
    private static void forget(SparkSession spark, String path) {
        if (!DeltaTables.exists(spark, path)) {
            return;
        }
        DeltaLog log = DeltaLog.forTable(spark, path);
        Snapshot snapshot = log.update(false, Option.empty(), Option.empty());
        if ("true"
                .equals(
                        snapshot.metadata()
                                .configuration()
                                .getOrElse(DeltaTables.DELETION_VECTORS, () -> "false"))) {
            spark.sql("REORG TABLE delta.`" + path.replace("`", "``") + "` APPLY (PURGE)");
        }
        vacuum(spark, DeltaTable.forPath(spark, path), 0);
        snapshot = log.update(false, Option.empty(), Option.empty());
        log.checkpoint();
        long kept = snapshot.version();
        int removed = 0;
        try {
            Path logDir = new Path(path, "_delta_log");
            FileSystem fs = logDir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            for (FileStatus f : fs.listStatus(logDir)) {
                Matcher m = LOG_VERSION.matcher(f.getPath().getName());
                if (f.isFile() && m.matches() && Long.parseLong(m.group(1)) < kept) {
                    fs.delete(f.getPath(), false);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the log of " + path, e);
        }
        LOG.info(
                "{}: history before version {} forgotten ({} log files removed)",
                path,
                kept,
                removed);
    }

    /**
     * VACUUM, listing the table's files in a few Spark tasks per core (Delta's default is 10,000,
     * which on a small table costs tens of seconds), and with its report, which Delta prints with
     * Scala's println on stdout where the command's results go, sent to stderr instead. The listing
     * setting stays on the session: it is the command's own ({@link
     * SparkSessionFactory#forCommand}), and several tables are vacuumed on it at once.
     */
    static void vacuum(SparkSession spark, DeltaTable table, double retainHours) {
        spark.conf()
                .set(
                        LISTING,
                        String.valueOf(Math.max(8, spark.sparkContext().defaultParallelism() * 4)));
        scala.Console$.MODULE$.withOut(
                System.err,
                new AbstractFunction0<Object>() {
                    @Override
                    public Object apply() {
                        return table.vacuum(retainHours);
                    }
                });
    }

    /** How many tasks list a table's files. */
    private static final String LISTING =
            "spark.sql.sources.parallelPartitionDiscovery.parallelism";
}
