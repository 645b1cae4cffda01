package org.ccft.quality;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.Fingerprint;
import org.ccft.lakehouse.WarehouseFiles;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.landing.Drop;
import org.ccft.landing.FoundDrops;
import org.ccft.marts.BuiltMarts;
import org.ccft.marts.MartCatalog;
import org.ccft.marts.MartInputs;
import org.ccft.marts.MartSettings;
import org.ccft.marts.WarehouseViews;
import org.ccft.pipeline.Handoff;
import org.ccft.pipeline.RunParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Before publishing: the conformed layer and the reference data meet their checks (the marts' own
 * checks ran as they were built). When nothing the checks read has changed since a run that passed
 * them, that run's outcomes are recorded again.
 */
public final class CheckWarehouseStep implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(CheckWarehouseStep.class);

    private final SparkSession spark;
    private final WarehouseLayout layout;
    private final QualityPolicy policy;
    private final DeclaredCheck.Catalog checks;
    private final MartSettings settings;

    public CheckWarehouseStep(
            SparkSession spark,
            WarehouseLayout layout,
            QualityPolicy policy,
            DeclaredCheck.Catalog checks,
            MartSettings settings) {
        this.spark = spark;
        this.layout = layout;
        this.policy = policy;
        this.checks = checks;
        this.settings = settings;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        long runId = RunParameters.of(chunk).runId();
        BuiltMarts built = Handoff.require(chunk, BuiltMarts.class);
        new QualityResults(spark, layout)
                .recordRun(
                        runId,
                        Handoff.require(chunk, FoundDrops.class).drops().stream()
                                .map(Drop::exportId)
                                .toList(),
                        built.asAtDate());
        if (built.asAtDate() == null) {
            return RepeatStatus.FINISHED; // nothing loaded yet, nothing built
        }
        String checked = fingerprint(built);
        CheckedWarehouse last =
                new CheckedWarehouse(
                        layout, new WarehouseFiles(spark.sparkContext().hadoopConfiguration()));
        Optional<Long> checkedBy = last.checkedBy(checked);
        if (checkedBy.isPresent()) {
            long outcomes =
                    new QualityResults(spark, layout).copy(checkedBy.get(), runId, "warehouse");
            LOG.info(
                    "warehouse checks: nothing they read has changed since run {} checked it; its {} outcomes "
                            + "recorded for this run",
                    checkedBy.get(),
                    outcomes);
            return RepeatStatus.FINISHED;
        }
        try (WarehouseViews views =
                WarehouseViews.register(
                        spark, layout, LocalDate.parse(built.asAtDate()), settings)) {
            new DeclaredChecksRun(spark, layout, policy, checks).run("warehouse", runId, List.of());
        }
        last.passed(checked, runId);
        return RepeatStatus.FINISHED;
    }

    /**
     * Everything the warehouse checks read and are judged by: each input table's version, the as-at
     * date and council, the checks and the policy, and the code that runs them.
     */
    private String fingerprint(BuiltMarts built) {
        String tables =
                MartInputs.tables(layout).stream()
                        .map(t -> t + "@" + DeltaTables.latestVersion(spark, t))
                        .collect(Collectors.joining(","));
        return Fingerprint.of(
                tables,
                built.asAtDate(),
                settings.councilLaCode(),
                checks.checks("warehouse").toString(),
                checks.anomalies("warehouse").toString(),
                policy.toString(),
                Fingerprint.ofClass(CheckSuite.class),
                Fingerprint.ofClass(AnomalyWatch.class),
                Fingerprint.ofClass(MartInputs.class),
                MartCatalog.INTERMEDIATE.stream()
                        .map(MartCatalog::sql)
                        .collect(Collectors.joining("\n")));
    }
}
