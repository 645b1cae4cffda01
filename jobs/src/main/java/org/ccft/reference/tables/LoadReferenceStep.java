package org.ccft.reference.tables;

import java.time.LocalDate;
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
    private final LocalDate codeFrom;

    /**
     * @param codeFrom the date the Complaint Handling Code applies from (null: the reference
     *     file's)
     */
    public LoadReferenceStep(SparkSession spark, WarehouseLayout layout, LocalDate codeFrom) {
        this.spark = spark;
        this.layout = layout;
        this.codeFrom = codeFrom;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        new ReferenceTables(spark, layout, codeFrom).write();
        return RepeatStatus.FINISHED;
    }
}
