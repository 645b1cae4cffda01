package org.ccft.published;

import java.time.LocalDate;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.ccft.config.CcftProperties;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.marts.MartBuilder;
import org.ccft.marts.MartSettings;

/**
 * Builds the marts again from the conformed layer as it is now, as at the published date, and
 * publishes them under the run that published last (its quality verdict stays theirs): what an
 * erasure or a new pseudonymisation key needs, between nightly runs. Marts whose inputs did not
 * change keep their version.
 */
public final class Republisher {

    private final SparkSession spark;
    private final WarehouseLayout layout;
    private final CcftProperties properties;

    public Republisher(SparkSession spark, WarehouseLayout layout, CcftProperties properties) {
        this.spark = spark;
        this.layout = layout;
        this.properties = properties;
    }

    /** The new publication, or empty when nothing was published (then nothing is built). */
    public Optional<Publication.Published> republish() {
        Optional<Publication.Published> current =
                new Publication(layout, spark.sparkContext().hadoopConfiguration()).current();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        String asAt = current.get().asAtDate();
        try (MartBuilder.Built built =
                new MartBuilder(spark, layout, MartSettings.of(properties))
                        .build(LocalDate.parse(asAt))) {
            return Optional.of(
                    new Publisher(spark, layout, properties)
                            .publish(
                                    current.get().runId(),
                                    asAt,
                                    built.versions(),
                                    current.get().inputs()));
        }
    }
}
