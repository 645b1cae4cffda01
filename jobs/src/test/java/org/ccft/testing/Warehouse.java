package org.ccft.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.ccft.cli.WarehouseContext;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.nightly.NightlyRunner;
import org.ccft.published.Publication;

/** A real warehouse on disk in a test's temporary folder, loaded by the real nightly job. */
public final class Warehouse {

    public final Path root;
    public final Path landing;
    public final WarehouseLayout layout;

    /** The test's own session: the marts' names are its temporary views. */
    private final SparkSession spark = TestSpark.newSession();

    public Warehouse(Path tmp) {
        // The tables of earlier tests (their folders deleted) need not stay cached in this JVM. A
        // test running meanwhile only reads its tables' logs again.
        DeltaLog.clearCache();
        this.root = tmp.resolve("warehouse");
        this.landing = tmp.resolve("landing");
        this.layout = new WarehouseLayout(root.toString());
    }

    public NightlyRunner.Outcome nightly() throws Exception {
        return nightly(Map.of());
    }

    public NightlyRunner.Outcome nightly(Map<String, Object> settings) throws Exception {
        return nightly(settings, new Class<?>[0]);
    }

    /** A night with more configuration beside the job's (fault injection, say). */
    public NightlyRunner.Outcome nightly(Map<String, Object> settings, Class<?>... extraSources)
            throws Exception {
        TestSpark.session();
        Map<String, Object> all =
                new HashMap<>(
                        Map.of("ccft.spark.shuffle-partitions", TestSpark.SHUFFLE_PARTITIONS));
        all.putAll(settings);
        try (var ctx = WarehouseContext.start(root.toString(), all, extraSources)) {
            return ctx.getBean(NightlyRunner.class).run(landing.toString());
        }
    }

    /** Runs SQL over the published marts. */
    public List<Row> sql(String query) {
        new Publication(layout, spark.sparkContext().hadoopConfiguration()).registerViews(spark);
        return spark.sql(query).collectAsList();
    }

    /** A table's rows as sorted text, for comparing two warehouses. */
    public List<String> contents(String path, String... dropColumns) {
        return TestSpark.session()
                .read()
                .format("delta")
                .load(path)
                .drop(dropColumns)
                .selectExpr("to_json(struct(*)) AS j")
                .collectAsList()
                .stream()
                .map(r -> r.getString(0))
                .sorted()
                .toList();
    }

    /** A published mart's rows as sorted text. */
    public List<String> mart(String name) {
        return sql("SELECT to_json(struct(*)) FROM " + name).stream()
                .map(r -> r.getString(0))
                .sorted()
                .toList();
    }

    public long count(String query) {
        return sql(query).get(0).getLong(0);
    }
}
