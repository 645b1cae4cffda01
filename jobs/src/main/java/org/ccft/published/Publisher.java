package org.ccft.published;

import java.time.Instant;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.ccft.config.CcftProperties;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.marts.DataDictionary;
import org.ccft.marts.Publication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a run's marts to every reader at once: the release's files (and the serving database,
 * when there is one) are written first, then the publication pointer moves in one rename, then the
 * data dictionary and the staff's files at their fixed paths follow it. A failure before the pointer
 * moves leaves every reader on the previous publication.
 */
public final class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    private final SparkSession spark;
    private final WarehouseLayout layout;
    private final CcftProperties.Serving serving;

    public Publisher(SparkSession spark, WarehouseLayout layout, CcftProperties.Serving serving) {
        this.spark = spark;
        this.layout = layout;
        this.serving = serving;
    }

    public Publication.Published publish(long runId, String asAtDate, Map<String, Long> martVersions) {
        String now = Instant.now().toString();
        Publication.Published published = new Publication.Published(runId, asAtDate, now, martVersions,
                ReleaseWriter.releaseId(runId, now));
        DataDictionary dictionary = DataDictionary.of(spark, layout, published);
        new ReleaseWriter(spark, layout).write(published, dictionary, staged -> {
            if (serving.enabled()) {
                new ServingDatabase(serving).publish(published, dictionary, staged);
            }
        });
        Publication publication = new Publication(layout, spark.sparkContext().hadoopConfiguration());
        publication.publish(published);
        publication.writeDictionary(dictionary);
        new ReleaseFolders(layout, spark.sparkContext().hadoopConfiguration()).present(published.release());
        LOG.info("published {} marts as at {} (release {})", martVersions.size(), asAtDate, published.release());
        return published;
    }
}
