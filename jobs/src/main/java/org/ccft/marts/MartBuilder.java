package org.ccft.marts;

import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.storage.StorageLevel;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.Fingerprint;
import org.ccft.lakehouse.WarehouseLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.collection.JavaConverters;

/**
 * Builds every mart of the catalog from the conformed layer into its Delta table. A build writes a
 * new version of each mart; readers keep seeing the published versions until {@link Publication}
 * moves them on, so a run that fails here changes nothing anyone reads.
 */
public final class MartBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(MartBuilder.class);

    /**
     * Marts built at once: each is a few small Spark jobs and a Delta commit, mostly waiting on the
     * driver.
     */
    private static final int PARALLEL_BUILDS = 6;

    /**
     * What every mart's definition leans on: the intermediate views, and the code registering the
     * inputs.
     */
    private static final String DEFINITIONS =
            Fingerprint.of(
                    String.join(
                            "\n",
                            MartCatalog.INTERMEDIATE.stream()
                                    .map(MartCatalog::intermediateSql)
                                    .toList()),
                    Fingerprint.ofClass(MartInputs.class),
                    Fingerprint.ofClass(MartBuilder.class));

    private final SparkSession spark;
    private final WarehouseLayout layout;
    private final MartSettings settings;

    public MartBuilder(SparkSession spark, WarehouseLayout layout, MartSettings settings) {
        this.spark = spark;
        this.layout = layout;
        this.settings = settings;
    }

    /**
     * What a build made: each mart's Delta version, and the views of the warehouse and of every
     * mart as built (a mart just written is read from memory, not again from its table), registered
     * in the session until closed: what the marts' checks read.
     */
    public record Built(Map<String, Long> versions, WarehouseViews views) implements AutoCloseable {

        @Override
        public void close() {
            views.close();
        }
    }

    /**
     * Builds all marts as at the given date, in catalog order (a mart may read one built before it,
     * as just built); returns each mart's new Delta version, with the views.
     */
    public Built build(LocalDate asAt) {
        byte[] key = settings.key();
        String settingsPrint;
        try {
            settingsPrint =
                    asAt
                            + "|"
                            + settings.councilLaCode()
                            + "|"
                            + new PseudonymousReference(key).call("inputs");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        WarehouseViews views = WarehouseViews.register(spark, layout, asAt, settings, key);
        // A few at a time; one that reads another mart waits for it.
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_BUILDS);
        Map<String, CompletableFuture<Long>> built = new LinkedHashMap<>();
        try {
            for (String mart : MartCatalog.MARTS) {
                List<CompletableFuture<Long>> inputs =
                        MartCatalog.READS_MARTS.getOrDefault(mart, List.of()).stream()
                                .map(built::get)
                                .toList();
                built.put(
                        mart,
                        CompletableFuture.allOf(inputs.toArray(CompletableFuture[]::new))
                                .thenApplyAsync(
                                        ignored -> buildOne(mart, settingsPrint, views), pool));
            }
            Map<String, Long> versions = new LinkedHashMap<>();
            for (var e : built.entrySet()) {
                versions.put(e.getKey(), e.getValue().join());
            }
            return new Built(versions, views);
        } catch (RuntimeException e) {
            views.close();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException r
                    ? r
                    : e;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Builds one mart, unless nothing it is computed from has changed since it was last built (the
     * same versions of the same tables, the same definition, as at the same date): then the version
     * it has stands. This is what makes a night that touched only some tables cheap.
     */
    private long buildOne(String mart, String settingsPrint, WarehouseViews views) {
        long started = System.nanoTime();
        // Names the mart's Spark jobs in the event log and the UI.
        spark.sparkContext().setJobDescription("mart " + mart);
        try {
            return buildOrKeep(mart, settingsPrint, views, started);
        } finally {
            spark.sparkContext().setJobDescription(null);
        }
    }

    private long buildOrKeep(
            String mart, String settingsPrint, WarehouseViews views, long started) {
        String path = layout.mart(mart);
        Dataset<Row> rows = spark.sql(MartCatalog.martSql(mart));
        String inputs =
                Fingerprint.of(
                        settingsPrint,
                        MartCatalog.martSql(mart),
                        martsRead(mart),
                        DEFINITIONS,
                        inputVersions(rows));
        long version;
        boolean wrote = !DeltaTables.writtenFrom(spark, path, inputs);
        if (wrote) {
            Dataset<Row> built = rows.persist(StorageLevel.MEMORY_AND_DISK());
            views.hold(built);
            version = DeltaTables.overwriteFrom(built, path, inputs);
            built.createOrReplaceTempView(mart);
        } else {
            version = DeltaTables.latestVersion(spark, path);
            DeltaTables.readVersion(spark, path, version).createOrReplaceTempView(mart);
        }
        LOG.info(
                "mart {} {} (version {}) in {} ms",
                mart,
                wrote ? "built" : "unchanged, kept",
                version,
                (System.nanoTime() - started) / 1_000_000);
        return version;
    }

    /**
     * The SQL of every mart this one reads, and of those they read: a mart read as just built names
     * the tables it was computed from, not its own.
     */
    private static String martsRead(String mart) {
        StringBuilder sql = new StringBuilder();
        for (String read : MartCatalog.READS_MARTS.getOrDefault(mart, List.of())) {
            sql.append(MartCatalog.martSql(read)).append('\n').append(martsRead(read));
        }
        return sql.toString();
    }

    /** Each Delta table the rows are computed from, at its current version. */
    private String inputVersions(Dataset<Row> rows) {
        TreeSet<String> inputs = new TreeSet<>();
        JavaConverters.seqAsJavaList(rows.queryExecution().analyzed().collectLeaves())
                .forEach(
                        leaf -> {
                            if (leaf instanceof LogicalRelation relation
                                    && relation.relation() instanceof HadoopFsRelation files) {
                                JavaConverters.seqAsJavaList(files.location().rootPaths())
                                        .forEach(
                                                path ->
                                                        inputs.add(
                                                                path
                                                                        + "@"
                                                                        + DeltaTables.latestVersion(
                                                                                spark,
                                                                                path.toString())));
                            }
                        });
        return String.join(",", inputs);
    }
}
