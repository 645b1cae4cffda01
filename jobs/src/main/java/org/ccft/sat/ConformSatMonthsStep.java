package org.ccft.sat;

import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.landing.LandingArea;
import org.ccft.pipeline.RunParameters;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/** The SAT's months staged tonight become the conformed EHCP months (when a file was delivered). */
public final class ConformSatMonthsStep implements Tasklet {

    private final SparkSession spark;
    private final WarehouseLayout layout;

    public ConformSatMonthsStep(SparkSession spark, WarehouseLayout layout) {
        this.spark = spark;
        this.layout = layout;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        RunParameters run = RunParameters.of(chunk);
        LandingArea landing = LandingArea.of(spark, run.landing());
        new ConformSatMonths(spark, layout)
                .conform(run.runId(), landing.exists(landing.satMonthlyFile()));
        return RepeatStatus.FINISHED;
    }
}
