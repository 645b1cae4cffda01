package org.ccft.marts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.landing.Drop;
import org.ccft.landing.FoundDrops;
import org.ccft.pipeline.Handoff;
import org.ccft.pipeline.RunParameters;
import org.ccft.quality.DeclaredCheck;
import org.ccft.quality.DeclaredChecksRun;
import org.ccft.quality.QualityPolicy;
import org.ccft.raw.LandRawStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Builds every mart as at the date (UTC) of extracted_at of the newest export loaded, not the
 * clock, and runs the checks each mart's definition declares over its rows as built (step {@code
 * marts} of the quality record): a critical one that breaks stops the run before publishing.
 */
public final class BuildMartsStep implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(BuildMartsStep.class);

    /** The step of the quality record, and of the catalog, the marts' own checks belong to. */
    public static final String CHECKS = "marts";

    private final SparkSession spark;
    private final WarehouseLayout layout;
    private final MartSettings settings;
    private final QualityPolicy policy;
    private final DeclaredCheck.Catalog checks;

    public BuildMartsStep(
            SparkSession spark,
            WarehouseLayout layout,
            MartSettings settings,
            QualityPolicy policy,
            DeclaredCheck.Catalog checks) {
        this.spark = spark;
        this.layout = layout;
        this.settings = settings;
        this.policy = policy;
        this.checks = checks;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        Optional<LocalDate> newest = asAt(chunk);
        if (newest.isEmpty()) {
            LOG.warn("no CMS drop has been loaded yet: no marts to build");
            Handoff.write(chunk, new BuiltMarts(null, Map.of()));
            return RepeatStatus.FINISHED;
        }
        LocalDate asAt = newest.get();
        try (MartBuilder.Built built = new MartBuilder(spark, layout, settings).build(asAt)) {
            new DeclaredChecksRun(spark, layout, policy, checks)
                    .run(CHECKS, RunParameters.of(chunk).runId(), List.of());
            Handoff.write(chunk, new BuiltMarts(asAt.toString(), built.versions()));
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * The run's as-at date: the date (UTC) of the newest export loaded, tonight's or before; none
     * before the first.
     */
    public static Optional<LocalDate> asAt(ChunkContext chunk) {
        Stream<Instant> loaded =
                Stream.ofNullable(Handoff.require(chunk, FoundDrops.class).newestEarlierExtract())
                        .map(Instant::parse);
        Stream<Instant> tonight = LandRawStep.sound(chunk).drops().stream().map(Drop::extractedAt);
        return Stream.concat(loaded, tonight)
                .max(Instant::compareTo)
                .map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC));
    }
}
