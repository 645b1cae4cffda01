package org.ccft.published;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.ccft.config.CcftProperties;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.marts.Audience;
import org.ccft.marts.MartSettings;
import org.ccft.marts.PseudonymKey;
import org.ccft.published.disclosure.PublicationPolicy;
import org.ccft.published.site.DashboardSite;
import org.ccft.published.statistics.StatisticsTables;
import org.ccft.quality.QualityReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a run's marts to every reader at once: the release's files (and the serving database,
 * when there is one) are written first, then the publication pointer moves in one rename, then the
 * data dictionary and the staff's files at their fixed paths follow it. A failure before the
 * pointer moves leaves every reader on the previous publication. The dashboard sites (staff's and
 * the public's) are built from the release's files while they are staged, and put in place after
 * the pointer.
 */
public final class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    private final SparkSession spark;
    private final WarehouseLayout layout;
    private final CcftProperties.Serving serving;
    private final PublicationPolicy policy;
    private final StatisticsTables.Council place;
    private final String council;
    private final MartSettings settings;

    /**
     * The sites every publish writes under {@code published/site/}: the team's is built on request
     * only.
     */
    private static final List<Audience> SITES = List.of(Audience.INTERNAL, Audience.PUBLIC);

    public Publisher(SparkSession spark, WarehouseLayout layout, CcftProperties properties) {
        this.spark = spark;
        this.layout = layout;
        this.serving = properties.getServing();
        this.policy = properties.getDisclosure().policy();
        CcftProperties.Council c = properties.getCouncil();
        this.place =
                new StatisticsTables.Council(
                        c.getLaCode(),
                        c.getOldLaCode(),
                        c.getName(),
                        c.getRegionCode(),
                        c.getRegionName());
        this.council = properties.getCouncil().getName();
        this.settings = MartSettings.of(properties);
    }

    /**
     * Publishes the marts at these versions, as at the date, for the run; {@code inputs} is the
     * fingerprint of the night's inputs they were made from (null if not known).
     */
    public Publication.Published publish(
            long runId, String asAtDate, Map<String, Long> martVersions, String inputs) {
        String now = Instant.now().toString();
        Publication.Published published =
                new Publication.Published(
                        runId,
                        asAtDate,
                        now,
                        martVersions,
                        ReleaseWriter.releaseId(runId, now),
                        PseudonymKey.id(settings.key()),
                        inputs);
        DataDictionary dictionary =
                DataDictionary.of(spark, layout, published).withPolicy(policy.describe());
        String verdict = QualityReport.verdictOf(spark, layout, runId);
        ReleaseInfo info =
                new ReleaseInfo(
                        published.release(),
                        runId,
                        asAtDate,
                        now,
                        council,
                        verdict == null ? "NOT RECORDED" : verdict);
        Path sites = temporaryFolder();
        try {
            new ReleaseWriter(spark, layout, policy, place)
                    .write(
                            published,
                            dictionary,
                            info,
                            staged -> {
                                if (serving.enabled()) {
                                    new ServingDatabase(serving)
                                            .publish(published, dictionary, staged);
                                }
                                for (Audience audience : SITES) {
                                    DashboardSite.write(
                                            MartReader.ofRelease(staged, asAtDate, audience),
                                            DashboardSite.Context.of(info, audience),
                                            sites.resolve(audience.label()));
                                }
                            });
            Publication publication =
                    new Publication(layout, spark.sparkContext().hadoopConfiguration());
            publication.publish(published);
            publication.writeDictionary(dictionary);
            ReleaseFolders folders =
                    new ReleaseFolders(layout, spark.sparkContext().hadoopConfiguration());
            folders.present(published.release());
            folders.presentSite(sites);
        } finally {
            ReleaseWriter.deleteQuietly(sites);
        }
        LOG.info(
                "published {} marts as at {} (release {})",
                martVersions.size(),
                asAtDate,
                published.release());
        return published;
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("ccft-site-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary folder for the sites", e);
        }
    }
}
