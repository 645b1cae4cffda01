package org.ccft.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.nightly.ExitCode;
import org.ccft.published.Publication;
import org.ccft.published.PublicationTags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = {
            "Names what is published now, so that its figures can be had again however the data change",
            "later: --tag annual-2022-23 records the Delta version of every published mart and keeps a copy",
            "of each (ccft sql --as-of annual-2022-23 reads them; maintenance never removes them). Without",
            "--tag: lists the current publication and the tags, as CSV on stdout."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:tagged, or listed",
            "2:bad command line",
            "4:nothing is published yet, or the tag exists already (a tag is never moved)"
        })
public final class PublishCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(PublishCommand.class);

    @Option(names = "--warehouse", description = "warehouse root (default: ccft.warehouse)")
    String warehouse;

    @Option(
            names = "--tag",
            description = "name for what is published now: letters, digits, '.', '_', '-'")
    String tag;

    @Override
    public Integer call() throws Exception {
        try (var ctx = WarehouseContext.start(warehouse, Map.of())) {
            SparkSession spark = ctx.getBean(SparkSession.class);
            WarehouseLayout layout = ctx.getBean(WarehouseLayout.class);
            PublicationTags tags =
                    new PublicationTags(layout, spark.sparkContext().hadoopConfiguration());
            if (tag == null) {
                System.out.println("name,run_id,as_at_date,published_at,tagged_at,marts");
                new Publication(layout, spark.sparkContext().hadoopConfiguration())
                        .current()
                        .ifPresent(
                                p ->
                                        System.out.println(
                                                "(current),"
                                                        + p.runId()
                                                        + ","
                                                        + p.asAtDate()
                                                        + ","
                                                        + p.publishedAt()
                                                        + ",,"
                                                        + p.marts().size()));
                tags.all()
                        .forEach(
                                t ->
                                        System.out.println(
                                                t.tag()
                                                        + ","
                                                        + t.runId()
                                                        + ","
                                                        + t.asAtDate()
                                                        + ","
                                                        + t.publishedAt()
                                                        + ","
                                                        + t.taggedAt()
                                                        + ","
                                                        + t.marts().size()));
                return ExitCode.OK;
            }
            try {
                PublicationTags.Tag t = tags.tag(spark, tag);
                System.out.println(
                        "tagged "
                                + t.tag()
                                + ": run "
                                + t.runId()
                                + ", as at "
                                + t.asAtDate()
                                + ", "
                                + t.marts().size()
                                + " marts");
                return ExitCode.OK;
            } catch (IllegalStateException | IllegalArgumentException refused) {
                LOG.error(refused.getMessage());
                return ExitCode.QUERY_FAILED;
            }
        }
    }
}
