package org.ccft.marts;

import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.ArrayList;
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

    /** Inputs most marts read: held in memory for the build, so each is read from storage once. */
    private static final List<String> SHARED_INPUTS =
            List.of("feedback_records", "actions", "contacts", "complaint_stages", "working_days");

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
     * Builds all marts as at the given date, in catalog order (a mart may read one built before it,
     * at the version just written); returns each mart's new Delta version.
     */
    public Map<String, Long> build(LocalDate asAt) {
        byte[] key = registerInputs(asAt);
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
        List<Dataset<Row>> held = new ArrayList<>();
        for (String input : SHARED_INPUTS) {
            Dataset<Row> rows = spark.table(input).persist(StorageLevel.MEMORY_AND_DISK());
            rows.createOrReplaceTempView(input);
            held.add(rows);
        }
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
                                .thenApplyAsync(ignored -> buildOne(mart, settingsPrint), pool));
            }
            Map<String, Long> versions = new LinkedHashMap<>();
            for (var e : built.entrySet()) {
                versions.put(e.getKey(), e.getValue().join());
            }
            return versions;
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            pool.shutdownNow();
            held.forEach(Dataset::unpersist);
        }
    }

    /**
     * Builds one mart, unless nothing it is computed from has changed since it was last built (the
     * same versions of the same tables, the same definition, as at the same date): then the version
     * it has stands. This is what makes a night that touched only some tables cheap.
     */
    private long buildOne(String mart, String settingsPrint) {
        long started = System.nanoTime();
        Dataset<Row> rows = spark.sql(MartCatalog.martSql(mart));
        boolean wrote =
                DeltaTables.overwriteUnlessUnchanged(
                        rows,
                        layout.mart(mart),
                        Fingerprint.of(
                                settingsPrint,
                                MartCatalog.martSql(mart),
                                DEFINITIONS,
                                inputVersions(rows)));
        long version = DeltaTables.latestVersion(spark, layout.mart(mart));
        if (MartCatalog.READS_MARTS.values().stream().anyMatch(inputs -> inputs.contains(mart))) {
            DeltaTables.readVersion(spark, layout.mart(mart), version)
                    .createOrReplaceTempView(mart);
        }
        LOG.info(
                "mart {} {} (version {}) in {} ms",
                mart,
                wrote ? "built" : "unchanged, kept",
                version,
                (System.nanoTime() - started) / 1_000_000);
        return version;
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

    /** The views mart SQL reads, and the intermediate ones built over them. */
    private byte[] registerInputs(LocalDate asAt) {
        byte[] key = settings.key();
        PseudonymousReference.register(spark, key);
        MartInputs.register(spark, layout, asAt, settings.councilLaCode());
        for (String view : MartCatalog.INTERMEDIATE) {
            spark.sql(MartCatalog.intermediateSql(view)).createOrReplaceTempView(view);
        }
        return key;
    }

    /**
     * For checking before publishing: the inputs, and each mart at the version just built, by its
     * name.
     */
    public void registerBuilt(LocalDate asAt, Map<String, Long> versions) {
        registerInputs(asAt);
        versions.forEach(
                (mart, version) ->
                        DeltaTables.readVersion(spark, layout.mart(mart), version)
                                .createOrReplaceTempView(mart));
    }
}
