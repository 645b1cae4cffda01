package org.ccft.raw;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.landing.FoundDrops;
import org.ccft.landing.Refusal;
import org.ccft.landing.SoundDrops;
import org.ccft.landing.VerifiedDrops;
import org.ccft.landing.VerifyDropsStep;
import org.ccft.operations.ErasureRegister;
import org.ccft.pipeline.Handoff;
import org.ccft.pipeline.RunParameters;
import org.ccft.quality.QualityResults;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Lands the sound drops' rows in raw, as the CMS wrote them, but for the rows of erased cases; a
 * file that cannot be read refuses its drop.
 */
public final class LandRawStep implements Tasklet {

    private final SparkSession spark;
    private final WarehouseLayout layout;
    private final long pieceBytes;
    private final Supplier<byte[]> key;

    /**
     * @param pieceBytes a file larger than this is parsed in pieces of about this size
     * @param key the pseudonymisation key, which opens the erasure register (read only if it holds
     *     anything)
     */
    public LandRawStep(
            SparkSession spark, WarehouseLayout layout, long pieceBytes, Supplier<byte[]> key) {
        this.spark = spark;
        this.key = key;
        this.layout = layout;
        this.pieceBytes = pieceBytes;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        SoundDrops sound =
                SoundDrops.of(
                        Handoff.require(chunk, FoundDrops.class),
                        Handoff.require(chunk, VerifiedDrops.class).refused());
        ErasureRegister register =
                new ErasureRegister(layout, spark.sparkContext().hadoopConfiguration());
        boolean anyErased = !register.entries().isEmpty();
        byte[] key = anyErased ? this.key.get() : new byte[0];
        RawLanding.Landed landed =
                sound.none()
                        ? new RawLanding.Landed(List.of(), Map.of(), List.of())
                        : new RawLanding(spark, layout)
                                .land(
                                        sound.drops(),
                                        pieceBytes,
                                        anyErased
                                                ? register.test(key)
                                                : ErasureRegister.Hashes.NONE);
        if (!landed.erasedRecords().isEmpty()) {
            register.addHashes(
                    key, "record", landed.erasedRecords(), "landing", Instant.now().toString());
        }
        List<Refusal> refusals = landed.refused();
        Handoff.write(
                chunk, new LandedDrops(VerifyDropsStep.refused(refusals), landed.erasedRows()));
        new QualityResults(spark, layout)
                .record(
                        RunParameters.of(chunk).runId(),
                        "landing",
                        refusals.stream().map(r -> r.outcome("landing")).toList());
        return RepeatStatus.FINISHED;
    }

    /** The drops still going through the run once landing has refused what it could not read. */
    public static SoundDrops sound(ChunkContext chunk) {
        return SoundDrops.of(
                Handoff.require(chunk, FoundDrops.class),
                Handoff.require(chunk, VerifiedDrops.class).refused(),
                Handoff.require(chunk, LandedDrops.class).refused());
    }
}
