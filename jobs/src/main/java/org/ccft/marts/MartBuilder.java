package org.ccft.marts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds every mart of the catalog from the conformed layer into its Delta table. A build writes a new
 * version of each mart; readers keep seeing the published versions until {@link Publication} moves
 * them on, so a run that fails here changes nothing anyone reads.
 */
public final class MartBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(MartBuilder.class);

    private final SparkSession spark;
    private final WarehouseLayout layout;

    public MartBuilder(SparkSession spark, WarehouseLayout layout) {
        this.spark = spark;
        this.layout = layout;
    }

    /** Builds all marts as at the given date; returns each mart's new Delta version. */
    public Map<String, Long> build(LocalDate asAt) {
        registerInputs(asAt);
        Map<String, Long> versions = new LinkedHashMap<>();
        for (String mart : MartCatalog.MARTS) {
            long started = System.nanoTime();
            DeltaTables.overwrite(spark.sql(MartCatalog.martSql(mart)), layout.mart(mart));
            versions.put(mart, DeltaTables.latestVersion(spark, layout.mart(mart)));
            LOG.info("mart {} built (version {}) in {} ms", mart, versions.get(mart),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return versions;
    }

    /** The views mart SQL reads, and the intermediate ones built over them. */
    private void registerInputs(LocalDate asAt) {
        MartInputs.register(spark, layout, asAt);
        for (String view : MartCatalog.INTERMEDIATE) {
            spark.sql(MartCatalog.intermediateSql(view)).createOrReplaceTempView(view);
        }
    }

    /** For checking before publishing: the inputs, and each mart at the version just built, by its name. */
    public void registerBuilt(LocalDate asAt, Map<String, Long> versions) {
        registerInputs(asAt);
        versions.forEach((mart, version) ->
                DeltaTables.readVersion(spark, layout.mart(mart), version).createOrReplaceTempView(mart));
    }
}
