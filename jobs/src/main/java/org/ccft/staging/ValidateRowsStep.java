package org.ccft.staging;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.landing.Drop;
import org.ccft.landing.SoundDrops;
import org.ccft.pipeline.Handoff;
import org.ccft.pipeline.RunParameters;
import org.ccft.quality.CheckOutcome;
import org.ccft.quality.CriticalQualityFailure;
import org.ccft.quality.MetricsHistory;
import org.ccft.quality.QualityPolicy;
import org.ccft.quality.QualityResults;
import org.ccft.quality.RowRules;
import org.ccft.raw.LandRawStep;
import org.ccft.raw.RawLanding;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.FileContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * The contract's row rules, run by Deequ: bad rows to quarantine with their rule, good rows to
 * staging.
 */
public final class ValidateRowsStep implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(ValidateRowsStep.class);

    private final SparkSession spark;
    private final WarehouseLayout layout;
    private final QualityPolicy policy;

    public ValidateRowsStep(SparkSession spark, WarehouseLayout layout, QualityPolicy policy) {
        this.spark = spark;
        this.layout = layout;
        this.policy = policy;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        SoundDrops sound = LandRawStep.sound(chunk);
        Map<String, Long> accepted = new LinkedHashMap<>();
        Map<String, Long> quarantined = new LinkedHashMap<>();
        if (sound.none()) {
            CmsContract.CMS_FILES.forEach(
                    f -> {
                        accepted.put(f.table(), 0L);
                        quarantined.put(f.table(), 0L);
                    });
            LOG.info("no drop to load tonight: no rows to validate");
            Handoff.write(chunk, new ValidatedRows(accepted, quarantined));
            return RepeatStatus.FINISHED;
        }
        long runId = RunParameters.of(chunk).runId();
        RowValidation validation =
                new RowValidation(
                        spark,
                        layout,
                        ContractRules.referenceCodeLists(),
                        new RowRules(policy, new MetricsHistory(spark, layout.qualityMetrics())));
        Dataset<Row> asOf = asOfDates(spark, sound.drops());
        RawLanding raw = new RawLanding(spark, layout);
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (FileContract contract : CmsContract.CMS_FILES) {
            if (sound.noRowsOf(contract.file())) {
                // No row of the file tonight: none to check, quarantine or merge.
                validation.clear(contract);
                accepted.put(contract.table(), 0L);
                quarantined.put(contract.table(), 0L);
                continue;
            }
            RowValidation.Counts counts =
                    validation.validate(
                            contract, raw.rows(contract, sound.ids()), asOf, sound.ids(), runId);
            accepted.put(contract.table(), counts.accepted());
            quarantined.put(contract.table(), counts.quarantined());
            outcomes.addAll(counts.outcomes());
        }
        Handoff.write(chunk, new ValidatedRows(accepted, quarantined));
        new QualityResults(spark, layout).record(runId, "contract", outcomes);
        CriticalQualityFailure.throwIfAny(outcomes);
        return RepeatStatus.FINISHED;
    }

    /** One row per drop: its export_id and the date (UTC) of its extracted_at. */
    static Dataset<Row> asOfDates(SparkSession spark, List<Drop> drops) {
        List<Row> rows =
                drops.stream()
                        .map(
                                d ->
                                        RowFactory.create(
                                                d.exportId(),
                                                Date.valueOf(
                                                        LocalDate.ofInstant(
                                                                d.extractedAt(), ZoneOffset.UTC))))
                        .toList();
        return spark.createDataFrame(
                rows, StructType.fromDDL("export_id STRING, _as_of_date DATE"));
    }
}
