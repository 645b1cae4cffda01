package org.ccft.marts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.ccft.lakehouse.WarehouseLayout;

/**
 * The views mart SQL and the warehouse checks read, registered for one step: the sources ({@link
 * MartInputs}) and the intermediate models over them, with the pseudonym function. Each Delta table
 * is read once and held in memory while the step runs, as is each intermediate model several models
 * read ({@link MartCatalog#SHARED_INTERMEDIATE}), so that thirty queries share one scan of each;
 * closing lets them go.
 */
public final class WarehouseViews implements AutoCloseable {

    private final List<Dataset<Row>> held = new ArrayList<>();

    private WarehouseViews() {}

    public static WarehouseViews register(
            SparkSession spark, WarehouseLayout layout, LocalDate asAt, MartSettings settings) {
        return register(spark, layout, asAt, settings, settings.key());
    }

    static WarehouseViews register(
            SparkSession spark,
            WarehouseLayout layout,
            LocalDate asAt,
            MartSettings settings,
            byte[] key) {
        WarehouseViews views = new WarehouseViews();
        PseudonymousReference.register(spark, key);
        views.held.addAll(MartInputs.register(spark, layout, asAt, settings.councilLaCode()));
        for (String model : MartCatalog.INTERMEDIATE) {
            Dataset<Row> rows = spark.sql(MartCatalog.intermediateSql(model));
            if (MartCatalog.SHARED_INTERMEDIATE.contains(model)) {
                rows = rows.persist(StorageLevel.MEMORY_AND_DISK());
                views.held.add(rows);
            }
            rows.createOrReplaceTempView(model);
        }
        return views;
    }

    /** Holds more rows for as long as these views (a mart just built, read by the checks). */
    void hold(Dataset<Row> rows) {
        synchronized (held) {
            held.add(rows);
        }
    }

    /**
     * Lets go of what the views hold, last held first: a table let go before the rows computed from
     * it would have Spark plan those rows again.
     */
    @Override
    public void close() {
        synchronized (held) {
            for (int i = held.size() - 1; i >= 0; i--) {
                held.get(i).unpersist();
            }
            held.clear();
        }
    }
}
