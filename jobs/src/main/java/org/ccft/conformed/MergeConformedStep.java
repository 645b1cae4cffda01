package org.ccft.conformed;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.landing.Drop;
import org.ccft.landing.FoundDrops;
import org.ccft.landing.SoundDrops;
import org.ccft.pipeline.Handoff;
import org.ccft.raw.LandRawStep;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.FileContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * MERGEs tonight's accepted rows into the conformed tables: the latest version of each record wins.
 */
public final class MergeConformedStep implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(MergeConformedStep.class);

    private final SparkSession spark;
    private final WarehouseLayout layout;

    public MergeConformedStep(SparkSession spark, WarehouseLayout layout) {
        this.spark = spark;
        this.layout = layout;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        SoundDrops sound = LandRawStep.sound(chunk);
        if (sound.none()) {
            LOG.info("no drop to load tonight: the conformed tables stay as they are");
            return RepeatStatus.FINISHED;
        }
        List<ConformedMerge.FullExport> fullExports = new ArrayList<>();
        Handoff.require(chunk, FoundDrops.class)
                .earlierFullExports()
                .forEach(
                        e ->
                                fullExports.add(
                                        new ConformedMerge.FullExport(
                                                e.exportId(),
                                                Timestamp.from(Instant.parse(e.extractedAt())),
                                                false)));
        sound.drops().stream()
                .filter(Drop::isFull)
                .forEach(
                        d ->
                                fullExports.add(
                                        new ConformedMerge.FullExport(
                                                d.exportId(),
                                                Timestamp.from(d.extractedAt()),
                                                true)));
        ConformedMerge merge = new ConformedMerge(spark, layout);
        for (FileContract contract : CmsContract.CMS_FILES) {
            merge.merge(contract, fullExports);
        }
        return RepeatStatus.FINISHED;
    }
}
