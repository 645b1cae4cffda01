package org.ccft.dfe;

import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.landing.LandingArea;
import org.ccft.pipeline.RunParameters;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * DfE's SEN2 statistics, when a new release has been delivered, for comparing the council with
 * others.
 */
public final class LoadDfeStatisticsStep implements Tasklet {

    private final SparkSession spark;
    private final WarehouseLayout layout;

    public LoadDfeStatisticsStep(SparkSession spark, WarehouseLayout layout) {
        this.spark = spark;
        this.layout = layout;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        new Sen2Statistics(spark, layout)
                .load(LandingArea.of(spark, RunParameters.of(chunk).landing()));
        return RepeatStatus.FINISHED;
    }
}
