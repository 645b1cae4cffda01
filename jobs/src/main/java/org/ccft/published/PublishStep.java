package org.ccft.published;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.ccft.config.CcftProperties;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.landing.Drop;
import org.ccft.landing.FoundDrops;
import org.ccft.landing.LedgerEntry;
import org.ccft.landing.LoadLedger;
import org.ccft.marts.BuiltMarts;
import org.ccft.pipeline.Handoff;
import org.ccft.pipeline.RunParameters;
import org.ccft.raw.LandRawStep;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * The run's last step: each drop found goes in the load ledger (loaded, or refused and why), and
 * the marts just built and checked are published, at once, for every reader.
 */
public final class PublishStep implements Tasklet {

    private final SparkSession spark;
    private final WarehouseLayout layout;
    private final CcftProperties properties;

    public PublishStep(SparkSession spark, WarehouseLayout layout, CcftProperties properties) {
        this.spark = spark;
        this.layout = layout;
        this.properties = properties;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        long runId = RunParameters.of(chunk).runId();
        Map<String, String> refused = LandRawStep.sound(chunk).refused();
        List<LedgerEntry> outcomes = new ArrayList<>();
        FoundDrops found = Handoff.require(chunk, FoundDrops.class);
        for (Drop d : found.drops()) {
            String refusal = refused.get(d.exportId());
            outcomes.add(
                    new LedgerEntry(
                            d.exportId(),
                            d.manifest() == null ? null : d.manifest().exportType(),
                            d.manifest() == null ? null : d.manifest().extractedAt(),
                            d.manifestSha256(),
                            refusal == null ? LedgerEntry.LOADED : LedgerEntry.REFUSED,
                            refusal));
        }
        new LoadLedger(spark, layout).record(outcomes, runId);
        BuiltMarts built = Handoff.require(chunk, BuiltMarts.class);
        if (built.asAtDate() != null) {
            new Publisher(spark, layout, properties)
                    .publish(runId, built.asAtDate(), built.versions(), found.inputs());
        }
        return RepeatStatus.FINISHED;
    }
}
