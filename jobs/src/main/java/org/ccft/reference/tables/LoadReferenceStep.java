package org.ccft.reference.tables;

import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.WarehouseLayout;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/** Writes the reference tables from the versioned files (unchanged ones are left as they are). */
public final class LoadReferenceStep implements Tasklet {

    private final SparkSession spark;
    private final WarehouseLayout layout;

    public LoadReferenceStep(SparkSession spark, WarehouseLayout layout) {
        this.spark = spark;
        this.layout = layout;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        new ReferenceTables(spark, layout).write();
        return RepeatStatus.FINISHED;
    }
}
