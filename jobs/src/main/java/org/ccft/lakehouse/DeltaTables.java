package org.ccft.lakehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.tables.DeltaTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.DeltaOperations;
import org.apache.spark.sql.delta.OptimisticTransaction;
import org.apache.spark.sql.delta.OptimisticTransaction$;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.Action$;
import org.apache.spark.sql.delta.actions.AddFile;
import org.apache.spark.sql.types.StructType;
import scala.Option;
import scala.collection.JavaConverters;

/** Writes to Delta tables the way every layer needs them: atomic, idempotent, restartable. */
public final class DeltaTables {

    private DeltaTables() {}

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

    /**
     * As {@link #replaceWhere(Dataset, String, String)}, for a table with these properties: set
     * when it is created, and added in one commit to a table made before they were.
     */
    public static void replaceWhere(
            Dataset<Row> rows, String path, String predicate, Map<String, String> properties) {
        SparkSession spark = rows.sparkSession();
        if (!exists(spark, path)) {
            var writer = rows.write().format("delta").mode("overwrite");
            properties.forEach(writer::option);
            writer.save(path);
            return;
        }
        var configuration = snapshot(spark, path).metadata().configuration();
        Map<String, String> missing = new TreeMap<>();
        properties.forEach(
                (k, v) -> {
                    if (!v.equals(configuration.getOrElse(k, () -> null))) {
                        missing.put(k, v);
                    }
                });
        if (!missing.isEmpty()) {
            spark.sql(
                    "ALTER TABLE delta.`"
                            + path.replace("`", "``")
                            + "` SET TBLPROPERTIES ("
                            + missing.entrySet().stream()
                                    .map(e -> "'" + e.getKey() + "' = '" + e.getValue() + "'")
                                    .collect(Collectors.joining(", "))
                            + ")");
        }
        replaceWhere(rows, path, predicate);
    }

    /**
     * Adds to an existing table, in one commit, the columns of {@code wanted} it lacks: a release
     * of the contract that added columns, landing in a warehouse made before it (the rows it holds
     * read null there). Nothing when the table has them all, or does not exist yet. The names are
     * the contract's own.
     */
    public static void addMissingColumns(SparkSession spark, String path, StructType wanted) {
        if (!exists(spark, path)) {
            return;
        }
        Set<String> have = Set.of(snapshot(spark, path).metadata().schema().fieldNames());
        List<String> missing =
                Arrays.stream(wanted.fields())
                        .filter(f -> !have.contains(f.name()))
                        .map(f -> "`" + f.name().replace("`", "``") + "` " + f.dataType().sql())
                        .toList();
        if (!missing.isEmpty()) {
            spark.sql(
                    "ALTER TABLE delta.`"
                            + path.replace("`", "``")
                            + "` ADD COLUMNS ("
                            + String.join(", ", missing)
                            + ")");
        }
    }

    /**
     * A figure of the table's last operation ({@code numDeletedRows}, {@code
     * numTargetRowsDeleted}...), or 0 when no version was written after {@code before}: what a
     * DELETE or MERGE did, without scanning the table again to count it.
     */
    public static long operationMetric(
            SparkSession spark, String path, long before, String metric) {
        if (latestVersion(spark, path) == before) {
            return 0;
        }
        Row last = DeltaTable.forPath(spark, path).history(1).select("operationMetrics").first();
        scala.collection.Map<String, String> metrics = last.getMap(0);
        return Long.parseLong(metrics.getOrElse(metric, () -> "0"));
    }

    /**
     * Adds rows to a table (creating it) in one commit that reads nothing of the table: a record
     * kept by appending.
     */
    public static void append(Dataset<Row> rows, String path) {
        rows.write().format("delta").mode("append").save(path);
    }

    /** Replaces a whole table in one commit, schema included. */
    public static void overwrite(Dataset<Row> rows, String path) {
        overwriteWhole(rows, path, null);
    }

    /**
     * Creates (or replaces) a table kept by MERGE: with deletion vectors, a MERGE marks the rows it
     * replaces as deleted and writes only the new versions, instead of copying every other row of
     * each file it touches, so its writes are in proportion to what changed. Partitioned by {@code
     * partitionColumn}, so that a MERGE bounded to some of its values opens only their files.
     */
    public static void createForMerge(Dataset<Row> rows, String path, String partitionColumn) {
        rows.write()
                .format("delta")
                .mode("overwrite")
                .option("overwriteSchema", "true")
                .option(DELETION_VECTORS, "true")
                .partitionBy(partitionColumn)
                .save(path);
    }

    /**
     * Partitions by {@code column} a table made before it was (one rewrite, once), the column's
     * value computed from each row; a table already partitioned so is left alone.
     */
    public static void partitionOnce(SparkSession spark, String path, String column, Column value) {
        if (partitionColumns(spark, path).equals(List.of(column))) {
            return;
        }
        read(spark, path)
                .withColumn(column, value)
                .write()
                .format("delta")
                .mode("overwrite")
                .option("overwriteSchema", "true")
                .partitionBy(column)
                .save(path);
    }

    /** Turns deletion vectors on for a table created before they were (one commit, once). */
    public static void enableDeletionVectors(SparkSession spark, String path) {
        var configuration = snapshot(spark, path).metadata().configuration();
        if (!"true".equals(configuration.getOrElse(DELETION_VECTORS, () -> "false"))) {
            spark.sql(
                    "ALTER TABLE delta.`"
                            + path
                            + "` SET TBLPROPERTIES ('"
                            + DELETION_VECTORS
                            + "' = 'true')");
        }
    }

    static final String DELETION_VECTORS = "delta.enableDeletionVectors";

    /**
     * How many columns Delta keeps minimum and maximum values of, per file, to skip files a filter
     * rules out. A table replaced whole (a mart, a staging table, a tag) is read whole, so it keeps
     * none, only each file's row count: collecting them costs each write a generated projection
     * over every column.
     */
    static final String INDEXED_COLUMNS = "delta.dataSkippingNumIndexedCols";

    /**
     * Replaces a whole table, unless the rows would come from the same inputs as the last write: a
     * write records {@code inputs} (a fingerprint of what the rows are computed from) in its
     * commit, and a write with the same fingerprint as the table's newest commit is skipped.
     * Returns whether it wrote.
     */
    public static boolean overwriteUnlessUnchanged(Dataset<Row> rows, String path, String inputs) {
        if (writtenFrom(rows.sparkSession(), path, inputs)) {
            return false;
        }
        overwriteFrom(rows, path, inputs);
        return true;
    }

    /** Whether the table's newest commit was written from these inputs (a fingerprint). */
    public static boolean writtenFrom(SparkSession spark, String path, String inputs) {
        return lastWrittenFrom(spark, path, INPUTS_STAMP + inputs);
    }

    /**
     * Replaces a whole table, recording in the commit that its rows come from these inputs; returns
     * the version written.
     */
    public static long overwriteFrom(Dataset<Row> rows, String path, String inputs) {
        return overwriteWhole(rows, path, INPUTS_STAMP + inputs);
    }

    /**
     * Replaces a whole table in one commit, schema included, recording {@code userMetadata} (if not
     * null) in the commit. A table whose newest commit replaced it whole, with the same columns, is
     * replaced by a commit that removes that commit's files, named in its own log entry: Delta's
     * writer would work out the table's files from its whole state instead (three Spark jobs, most
     * of the cost of writing a table of a hundred rows). Anything else goes through Delta's writer.
     * Returns the version written.
     */
    public static long overwriteWhole(Dataset<Row> rows, String path, String userMetadata) {
        SparkSession spark = rows.sparkSession();
        DeltaLog log = DeltaLog.forTable(spark, path);
        Snapshot snapshot = log.update(false, Option.empty(), Option.empty());
        Optional<List<AddFile>> replaced =
                snapshot.version() < 0
                                || !snapshot.metadata().partitionColumns().isEmpty()
                                || !snapshot.metadata().schema().equals(rows.schema().asNullable())
                        ? Optional.empty()
                        : wholeOverwriteFiles(commitActions(spark, path, snapshot.version()));
        if (replaced.isEmpty()) {
            var writer =
                    rows.write()
                            .format("delta")
                            .mode("overwrite")
                            .option("overwriteSchema", "true")
                            .option(INDEXED_COLUMNS, "0");
            if (userMetadata != null) {
                writer.option("userMetadata", userMetadata);
            }
            writer.save(path);
            return latestVersion(spark, path);
        }
        OptimisticTransaction txn = log.startTransaction(Option.empty(), Option.apply(snapshot));
        OptimisticTransaction$.MODULE$.setActive(txn);
        try {
            long now = System.currentTimeMillis();
            List<Action> actions = new ArrayList<>();
            replaced.get().forEach(f -> actions.add(f.removeWithTimestamp(now, true)));
            actions.addAll(JavaConverters.seqAsJavaList(txn.writeFiles(rows)));
            return txn.commit(
                    JavaConverters.asScalaBuffer(actions).toSeq(),
                    new DeltaOperations.Write(
                            SaveMode.Overwrite,
                            Option.empty(),
                            Option.empty(),
                            Option.apply(userMetadata))); // none for null
        } finally {
            OptimisticTransaction$.MODULE$.clearActive();
        }
    }

    /**
     * Whether the table's newest commit replaced it whole with at most one file: compacting it
     * would change nothing.
     */
    public static boolean writtenWholeInOneFile(SparkSession spark, String path) {
        long version = latestVersion(spark, path);
        return version >= 0
                && wholeOverwriteFiles(commitActions(spark, path, version))
                        .filter(files -> files.size() <= 1)
                        .isPresent();
    }

    /**
     * The files of a commit that replaced its table whole (a WRITE in overwrite mode, no
     * replaceWhere, files alone its rows): every file the version has. Empty for any other commit.
     */
    private static Optional<List<AddFile>> wholeOverwriteFiles(List<JsonNode> actions) {
        if (!isWholeOverwrite(actions)) {
            return Optional.empty();
        }
        List<AddFile> files = new ArrayList<>();
        for (JsonNode a : actions) {
            if (a.has("add")) {
                files.add((AddFile) Action$.MODULE$.fromJson(a.toString()));
            }
        }
        return Optional.of(files);
    }

    /**
     * {@link #replaceWhere}, unless the table's newest commit was this same replacement (the same
     * {@code inputs} fingerprint, which must cover the predicate): then it is skipped. Returns
     * whether it wrote.
     */
    public static boolean replaceWhereUnlessUnchanged(
            Dataset<Row> rows, String path, String predicate, String inputs) {
        String stamp = INPUTS_STAMP + inputs;
        if (lastWrittenFrom(rows.sparkSession(), path, stamp)) {
            return false;
        }
        var write = rows.write().format("delta").mode("overwrite").option("userMetadata", stamp);
        (exists(rows.sparkSession(), path) ? write.option("replaceWhere", predicate) : write)
                .save(path);
        return true;
    }

    private static final String INPUTS_STAMP = "ccft-inputs:";

    /**
     * Whether the table's newest commit carries this inputs stamp (so writing it again would change
     * nothing).
     */
    private static boolean lastWrittenFrom(SparkSession spark, String path, String stamp) {
        return lastCommitMetadata(spark, path).filter(stamp::equals).isPresent();
    }

    /**
     * The user metadata of the table's newest commit, if the table exists and the commit has any.
     */
    static Optional<String> lastCommitMetadata(SparkSession spark, String path) {
        long version = latestVersion(spark, path);
        if (version < 0) {
            return Optional.empty(); // no table there yet
        }
        return commitActions(spark, path, version).stream()
                .filter(a -> a.has("commitInfo"))
                .findFirst()
                .map(a -> a.path("commitInfo").path("userMetadata"))
                .filter(m -> m.isTextual())
                .map(m -> m.asText());
    }

    /** The actions of one commit of a table's log, in order (none if the commit's file is gone). */
    private static List<JsonNode> commitActions(SparkSession spark, String path, long version) {
        Path commit = new Path(path + "/_delta_log/" + String.format("%020d.json", version));
        List<JsonNode> actions = new ArrayList<>();
        try {
            FileSystem fs = commit.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(commit)) {
                return actions;
            }
            try (var in =
                    new BufferedReader(
                            new InputStreamReader(fs.open(commit), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    actions.add(JSON.readTree(line));
                }
            }
            return actions;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + commit, e);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The table's newest version, -1 if there is no table: the log's listing, no Spark job (this
     * JVM's cached snapshot, brought up to date).
     */
    public static long latestVersion(SparkSession spark, String path) {
        return snapshot(spark, path).version();
    }

    /** The columns the table is partitioned by, in order (none for a table not partitioned). */
    public static List<String> partitionColumns(SparkSession spark, String path) {
        return JavaConverters.seqAsJavaList(snapshot(spark, path).metadata().partitionColumns());
    }

    /**
     * The Parquet files that make up a version of a table with no deletion vectors: every row of
     * the version is in exactly these files, so readers other than Delta's can read them as they
     * are. Refuses a table whose readers need more than the files (deletion vectors, column
     * mapping).
     */
    public static List<String> filesAt(SparkSession spark, String path, long version) {
        var written = filesOfOverwrite(spark, path, version);
        if (written.isPresent()) {
            return written.get();
        }
        var snapshot =
                DeltaLog.forTable(spark, path)
                        .getSnapshotAt(version, Option.empty(), Option.empty());
        if (snapshot.protocol().minReaderVersion() != 1) {
            throw new IllegalStateException(
                    path
                            + " needs Delta reader protocol "
                            + snapshot.protocol().minReaderVersion()
                            + ": its files alone are not its rows");
        }
        return List.of(readVersion(spark, path, version).inputFiles());
    }

    /**
     * The files of a version written by a whole-table overwrite, from that commit alone (a mart's
     * build): the files it added are all the version has. Empty for any other kind of commit, or a
     * table whose readers need more than its files.
     */
    private static Optional<List<String>> filesOfOverwrite(
            SparkSession spark, String path, long version) {
        var actions = commitActions(spark, path, version);
        if (!isWholeOverwrite(actions)) {
            return Optional.empty();
        }
        Path table = new Path(path);
        try {
            table =
                    table.getFileSystem(spark.sparkContext().hadoopConfiguration())
                            .makeQualified(table);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + path, e);
        }
        List<String> files = new ArrayList<>();
        for (var a : actions) {
            if (a.has("add")) {
                // Paths in the log are relative URIs, escaped.
                files.add(
                        new Path(table, new Path(URI.create(a.get("add").path("path").asText())))
                                .toString());
            }
        }
        return Optional.of(files);
    }

    /**
     * Whether a commit replaced its table whole and its files alone are its rows: a WRITE in
     * overwrite mode without replaceWhere, with no deletion vector and reader protocol 1.
     */
    private static boolean isWholeOverwrite(List<JsonNode> actions) {
        boolean overwrite =
                actions.stream()
                        .filter(a -> a.has("commitInfo"))
                        .map(a -> a.get("commitInfo"))
                        .anyMatch(
                                info ->
                                        "WRITE".equals(info.path("operation").asText())
                                                && "Overwrite"
                                                        .equals(
                                                                info.path("operationParameters")
                                                                        .path("mode")
                                                                        .asText())
                                                && info.path("operationParameters")
                                                        .path("replaceWhere")
                                                        .isMissingNode());
        boolean filesAlone =
                actions.stream()
                        .noneMatch(
                                a ->
                                        a.has("protocol")
                                                        && a.get("protocol")
                                                                        .path("minReaderVersion")
                                                                        .asInt()
                                                                != 1
                                                || a.has("add")
                                                        && a.get("add").has("deletionVector"));
        return overwrite && filesAlone;
    }

    /** The reader and writer protocol versions of the table's newest snapshot. */
    public static int[] protocol(SparkSession spark, String path) {
        var protocol = snapshot(spark, path).protocol();
        return new int[] {protocol.minReaderVersion(), protocol.minWriterVersion()};
    }

    /**
     * The table's newest snapshot: this JVM's cached one, brought up to date from the log's
     * listing.
     */
    private static Snapshot snapshot(SparkSession spark, String path) {
        return DeltaLog.forTable(spark, path).update(false, Option.empty(), Option.empty());
    }

    public static Dataset<Row> read(SparkSession spark, String path) {
        return spark.read().format("delta").load(path);
    }

    public static Dataset<Row> readVersion(SparkSession spark, String path, long version) {
        return spark.read().format("delta").option("versionAsOf", version).load(path);
    }

    /** What {@link #sqlList} accepts: values that need no escaping in a Spark SQL literal. */
    private static final Pattern PLAIN = Pattern.compile("[^'\\\\\\p{Cntrl}]*");

    /**
     * SQL literal list of quoted strings, for the IN predicates Delta's replaceWhere needs (it
     * takes SQL text). A value holding a quote, a backslash or a control character is refused, not
     * escaped (Spark reads a backslash in a literal as an escape), so no value can change the
     * predicate's meaning.
     */
    public static String sqlList(Collection<String> values) {
        if (values.isEmpty()) {
            return "(NULL)";
        }
        StringBuilder b = new StringBuilder("(");
        for (String v : values) {
            if (!PLAIN.matcher(v).matches()) {
                throw new IllegalArgumentException(
                        "not a plain value, refused in a SQL predicate: " + v);
            }
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append('\'').append(v).append('\'');
        }
        return b.append(')').toString();
    }
}
