package org.ccft.landing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.ccft.config.CcftProperties;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.pipeline.Handoff;
import org.ccft.pipeline.RunParameters;
import org.ccft.quality.CheckOutcome;
import org.ccft.quality.CriticalQualityFailure;
import org.ccft.quality.QualityPolicy;
import org.ccft.quality.QualityResults;
import org.ccft.quality.SeverityOverrides;
import org.ccft.raw.FileHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Checks each drop against its manifest (a damaged drop is refused whole) and each file's header
 * against the contract (a missing required column is critical by default: the run stops here).
 */
public final class VerifyDropsStep implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(VerifyDropsStep.class);

    private final SparkSession spark;
    private final WarehouseLayout layout;
    private final QualityPolicy policy;
    private final CcftProperties.Guards guards;

    public VerifyDropsStep(
            SparkSession spark,
            WarehouseLayout layout,
            QualityPolicy policy,
            CcftProperties.Guards guards) {
        this.spark = spark;
        this.layout = layout;
        this.policy = policy;
        this.guards = guards;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        RunParameters run = RunParameters.of(chunk);
        FoundDrops found = Handoff.require(chunk, FoundDrops.class);
        LandingArea landing = LandingArea.of(spark, run.landing());
        List<Refusal> refusals =
                new DropVerifier(
                                landing,
                                Instant.now().plus(guards.getClockTolerance()),
                                guards.getMaxFileSize().toBytes())
                        .refusals(found.drops());
        Map<String, String> refused = refused(refusals);
        List<CheckOutcome> outcomes =
                new ArrayList<>(refusals.stream().map(r -> r.outcome("files")).toList());
        outcomes.addAll(SeverityOverrides.outcomes(policy));
        List<CheckOutcome> headers =
                new FileHeaders(landing, policy).check(SoundDrops.of(found, refused).drops());
        refused.putAll(
                refused(
                        headers.stream()
                                .filter(o -> o.status() == CheckOutcome.Status.REFUSED)
                                .map(FileHeaders::refusal)
                                .toList()));
        outcomes.addAll(headers);
        Handoff.write(chunk, new VerifiedDrops(refused, SeverityOverrides.lines(policy)));
        QualityResults results = new QualityResults(spark, layout);
        results.recordRun(run.runId(), found.drops().stream().map(Drop::exportId).toList(), null);
        results.record(run.runId(), "files", outcomes);
        CriticalQualityFailure.throwIfAny(outcomes);
        return RepeatStatus.FINISHED;
    }

    /** The refusals by export id, each logged. */
    public static Map<String, String> refused(List<Refusal> refusals) {
        Map<String, String> refused = new LinkedHashMap<>();
        for (Refusal r : refusals) {
            LOG.error("drop {} refused ({}): {}", r.exportId(), r.rule(), r.message());
            refused.put(r.exportId(), r.message());
        }
        return refused;
    }
}
