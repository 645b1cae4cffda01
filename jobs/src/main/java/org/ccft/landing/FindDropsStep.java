package org.ccft.landing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.pipeline.Handoff;
import org.ccft.pipeline.RunParameters;
import org.ccft.published.Publication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * The landing area's new drops (those the load ledger has not seen), and what was loaded before.
 * First, without Spark, it compares tonight's inputs ({@link NightInputs}) with those the current
 * publication was made from: when they are the same, there is nothing new to load, build or
 * publish, and the step ends the run with the exit status {@value #NOTHING_NEW}.
 */
public final class FindDropsStep implements Tasklet {

    /** The exit status of a night with nothing new: the run ends there, completed. */
    public static final String NOTHING_NEW = "NOTHING_NEW";

    private static final Logger LOG = LoggerFactory.getLogger(FindDropsStep.class);

    private final Supplier<SparkSession> spark;
    private final WarehouseLayout layout;
    private final Configuration hadoop;
    private final Supplier<NightInputs> inputs;

    /**
     * @param spark the session, started only if there is something new
     * @param inputs what tonight's inputs are judged with (settings and code)
     */
    public FindDropsStep(
            Supplier<SparkSession> spark,
            WarehouseLayout layout,
            Configuration hadoop,
            Supplier<NightInputs> inputs) {
        this.spark = spark;
        this.layout = layout;
        this.hadoop = hadoop;
        this.inputs = inputs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        LandingArea landing = new LandingArea(RunParameters.of(chunk).landing(), hadoop);
        Optional<Publication.Published> published = new Publication(layout, hadoop).current();
        // Nothing published yet: nothing to compare with (and no pseudonym key to name).
        String tonight = published.isEmpty() ? null : inputs.get().fingerprint(landing);
        if (tonight != null && tonight.equals(published.get().inputs())) {
            LOG.info(
                    "nothing new in {} since run {} published the marts as at {}: they stay",
                    landing.root(),
                    published.get().runId(),
                    published.get().asAtDate());
            Handoff.write(
                    chunk,
                    new FoundDrops(List.of(), List.of(), null, tonight, published.get().runId()));
            contribution.setExitStatus(new ExitStatus(NOTHING_NEW));
            return RepeatStatus.FINISHED;
        }
        List<LedgerEntry> ledger = new LoadLedger(spark.get(), layout).entries();
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
                                .orElse(null),
                        tonight == null
                                ? inputs.get().fingerprint(landing)
                                : tonight, // the first publication records them too
                        null));
        return RepeatStatus.FINISHED;
    }
}
