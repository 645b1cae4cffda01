package org.ccft.landing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.pipeline.Handoff;
import org.ccft.pipeline.RunParameters;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * The landing area's new drops (those the load ledger has not seen), and what was loaded before.
 */
public final class FindDropsStep implements Tasklet {

    private final SparkSession spark;
    private final WarehouseLayout layout;

    public FindDropsStep(SparkSession spark, WarehouseLayout layout) {
        this.spark = spark;
        this.layout = layout;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        List<LedgerEntry> ledger = new LoadLedger(spark, layout).entries();
        LandingArea landing = LandingArea.of(spark, RunParameters.of(chunk).landing());
        List<LedgerEntry> loaded =
                ledger.stream().filter(e -> LedgerEntry.LOADED.equals(e.status())).toList();
        Handoff.write(
                chunk,
                new FoundDrops(
                        new DropFinder(landing).newDrops(ledger),
                        loaded.stream().filter(e -> "FULL".equals(e.exportType())).toList(),
                        loaded.stream()
                                .map(LedgerEntry::extractedAt)
                                .max(Comparator.comparing(Instant::parse))
                                .orElse(null)));
        return RepeatStatus.FINISHED;
    }
}
