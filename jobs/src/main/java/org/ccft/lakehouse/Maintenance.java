package org.ccft.lakehouse;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every Delta table of the warehouse lean: compacts small files (OPTIMIZE) and removes files
 * no version within the retention needs (VACUUM). Nothing anyone reads is removed: the retention is
 * stretched to cover the versions published now, and tagged publications are kept as their own
 * tables, which hold only the files of their one version.
 */
public final class Maintenance {

    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

    /**
     * Delta's own floor: shorter retentions need its safety check turned off, which we do only when
     * asked.
     */
    public static final double DELTA_MINIMUM_HOURS = 168;

    /** The tables whose rows are (or came from) personal data, by their path under the root. */
    private static final Pattern PERSONAL = Pattern.compile("(raw|staging|quarantine)/");

    /** One table's files before and after. */
    public record TableResult(
            String table, long filesBefore, long bytesBefore, long filesAfter, long bytesAfter) {}

    private final SparkSession spark;
    private final WarehouseLayout layout;

    public Maintenance(SparkSession spark, WarehouseLayout layout) {
        this.spark = spark;
        this.layout = layout;
    }

    /**
     * Compacts and vacuums every table, keeping what versions of the last {@code retainHours} need;
     * the tables that hold personal data or rows of it (raw, staging, quarantine) keep {@code
     * personalRetainHours}, never stretched for a publication, so rows erased or past their
     * retention leave storage on time.
     */
    public List<TableResult> run(double retainHours, double personalRetainHours) {
        if (Math.min(retainHours, personalRetainHours) < DELTA_MINIMUM_HOURS) {
            LOG.warn(
                    "retention {} h is under Delta's {} h floor: running with its safety check off",
                    Math.min(retainHours, personalRetainHours),
                    DELTA_MINIMUM_HOURS);
            spark.conf().set("spark.databricks.delta.retentionDurationCheck.enabled", "false");
        }
        try {
            return EachTable.apply(
                    tables(), table -> maintain(table, retainHours, personalRetainHours));
        } finally {
            spark.conf().unset("spark.databricks.delta.retentionDurationCheck.enabled");
        }
    }

    /**
     * One table: its small files compacted (unless its last commit wrote it whole in one file:
     * nothing to compact), then the files no version kept needs removed.
     */
    private TableResult maintain(String table, double retainHours, double personalRetainHours) {
        long[] before = dataFiles(table);
        if (!DeltaTables.writtenWholeInOneFile(spark, table)) {
            DeltaTable.forPath(spark, table).optimize().executeCompaction();
        }
        String name = table.substring(layout.root().length() + 1);
        TableHistory.vacuum(
                spark,
                DeltaTable.forPath(spark, table),
                PERSONAL.matcher(name).lookingAt() ? personalRetainHours : retainHours);
        long[] after = dataFiles(table);
        LOG.info(
                "maintained {}: {} files ({} bytes) → {} files ({} bytes)",
                name,
                before[0],
                before[1],
                after[0],
                after[1]);
        return new TableResult(name, before[0], before[1], after[0], after[1]);
    }

    /** Every Delta table under the warehouse root (a folder with a _delta_log), in path order. */
    public List<String> tables() {
        List<String> tables = new ArrayList<>();
        try {
            Path root = new Path(layout.root());
            FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(root)) {
                Path qualified = fs.makeQualified(root);
                collect(fs, qualified, qualified.toString().length(), 0, tables);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + layout.root(), e);
        }
        tables.sort(null);
        return tables.stream().map(t -> layout.root() + t).toList();
    }

    /**
     * Adds each table under {@code dir} by its path after the root's ({@code rootLength}
     * characters).
     */
    private static void collect(
            FileSystem fs, Path dir, int rootLength, int depth, List<String> tables)
            throws IOException {
        if (fs.exists(new Path(dir, "_delta_log"))) {
            tables.add(dir.toString().substring(rootLength));
            return;
        }
        if (depth >= 5) {
            return;
        }
        for (FileStatus child : fs.listStatus(dir)) {
            if (child.isDirectory() && !child.getPath().getName().startsWith(".")) {
                collect(fs, child.getPath(), rootLength, depth + 1, tables);
            }
        }
    }

    /** Count and bytes of the table's data files on storage, live or not (its log aside). */
    private long[] dataFiles(String table) {
        try {
            Path path = new Path(table);
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(path, true);
            long count = 0;
            long bytes = 0;
            while (files.hasNext()) {
                LocatedFileStatus f = files.next();
                if (f.getPath().getName().endsWith(".parquet")
                        && !f.getPath().toString().contains("/_delta_log/")) {
                    count++;
                    bytes += f.getLen();
                }
            }
            return new long[] {count, bytes};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + table, e);
        }
    }
}
