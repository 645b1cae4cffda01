package org.ccft.marts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.landing.Drop;
import org.ccft.landing.FoundDrops;
import org.ccft.pipeline.Handoff;
import org.ccft.raw.LandRawStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Builds every mart as at the date (UTC) of extracted_at of the newest export loaded, not the
 * clock.
 */
public final class BuildMartsStep implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(BuildMartsStep.class);

    private final SparkSession spark;
    private final WarehouseLayout layout;
    private final MartSettings settings;

    public BuildMartsStep(SparkSession spark, WarehouseLayout layout, MartSettings settings) {
        this.spark = spark;
        this.layout = layout;
        this.settings = settings;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        Stream<Instant> loaded =
                Stream.ofNullable(Handoff.require(chunk, FoundDrops.class).newestEarlierExtract())
                        .map(Instant::parse);
        Stream<Instant> tonight = LandRawStep.sound(chunk).drops().stream().map(Drop::extractedAt);
        var newest = Stream.concat(loaded, tonight).max(Instant::compareTo);
        if (newest.isEmpty()) {
            LOG.warn("no CMS drop has been loaded yet: no marts to build");
            Handoff.write(chunk, new BuiltMarts(null, Map.of()));
            return RepeatStatus.FINISHED;
        }
        LocalDate asAt = LocalDate.ofInstant(newest.get(), ZoneOffset.UTC);
        Handoff.write(
                chunk,
                new BuiltMarts(
                        asAt.toString(), new MartBuilder(spark, layout, settings).build(asAt)));
        return RepeatStatus.FINISHED;
    }
}
