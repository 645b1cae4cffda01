package org.ccft.quality;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.ccft.config.CcftProperties;
import org.ccft.conformed.FullExportDeletions;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.landing.SoundDrops;
import org.ccft.pipeline.RunParameters;
import org.ccft.raw.LandRawStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Before anything is merged: every landed row was accepted or quarantined, tonight's volumes and
 * quarantine rate are in line with their history (a drop far smaller than usual is critical), and a
 * FULL export does not delete more than the guard allows.
 */
public final class CheckDropsStep implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(CheckDropsStep.class);

    private final SparkSession spark;
    private final WarehouseLayout layout;
    private final QualityPolicy policy;
    private final DeclaredCheck.Catalog checks;
    private final CcftProperties.Guards guards;

    public CheckDropsStep(
            SparkSession spark,
            WarehouseLayout layout,
            QualityPolicy policy,
            DeclaredCheck.Catalog checks,
            CcftProperties.Guards guards) {
        this.spark = spark;
        this.layout = layout;
        this.policy = policy;
        this.checks = checks;
        this.guards = guards;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        SoundDrops sound = LandRawStep.sound(chunk);
        if (sound.none()) {
            LOG.info("no drop to load tonight: no drop checks");
            return RepeatStatus.FINISHED;
        }
        List<CheckOutcome> deletions =
                new FullExportDeletions(
                                spark,
                                layout,
                                guards.getFullExportMaxDeletions(),
                                guards.getFullExportDeletionFloor())
                        .check(sound.drops(), policy);
        new DropViews(spark, layout).register(sound.drops());
        new DeclaredChecksRun(spark, layout, policy, checks)
                .run("drops", RunParameters.of(chunk).runId(), deletions);
        return RepeatStatus.FINISHED;
    }
}
