package org.ccft.nightly;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.ccft.config.CcftProperties;
import org.ccft.conformed.ConformedMerge;
import org.ccft.conformed.ContractRules;
import org.ccft.conformed.FullExportDeletions;
import org.ccft.conformed.RowValidation;
import org.ccft.drops.Drop;
import org.ccft.drops.DropFinder;
import org.ccft.drops.DropVerifier;
import org.ccft.drops.LandingArea;
import org.ccft.drops.LedgerEntry;
import org.ccft.drops.LoadLedger;
import org.ccft.dfe.Sen2Statistics;
import org.ccft.marts.MartBuilder;
import org.ccft.marts.MartSettings;
import org.ccft.published.Publisher;
import org.ccft.dq.CheckedWarehouse;
import org.ccft.dq.DropViews;
import org.ccft.dq.QualityCatalog;
import org.ccft.dq.QualityResults;
import org.ccft.dq.SeverityOverrides;
import org.ccft.drops.Refusal;
import org.ccft.quality.AnomalyWatch;
import org.ccft.quality.CheckOutcome;
import org.ccft.quality.CheckSuite;
import org.ccft.quality.CriticalQualityFailure;
import org.ccft.quality.DeclaredCheck;
import org.ccft.quality.MetricsHistory;
import org.ccft.quality.QualityPolicy;
import org.ccft.quality.RowRules;
import org.ccft.raw.FileHeaders;
import org.ccft.raw.RawLanding;
import org.ccft.reference.tables.ReferenceTables;
import org.ccft.sat.ConformSatMonths;
import org.ccft.sat.HadoopResource;
import org.ccft.sat.SatMonthReader;
import org.ccft.sat.SatMonthRow;
import org.ccft.sat.SatMonthValidator;
import org.ccft.sat.SatQuarantineListener;
import org.ccft.sat.SatRowRejected;
import org.ccft.sat.SatStagingWriter;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.FileContract;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.Fingerprint;
import org.ccft.lakehouse.WarehouseFiles;
import org.ccft.marts.MartCatalog;
import org.ccft.marts.MartInputs;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ccft.lakehouse.SparkSessionFactory;
import org.ccft.lakehouse.WarehouseLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.item.file.FlatFileItemReader;
import org.springframework.batch.item.file.FlatFileParseException;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The nightly load, one Spring Batch job that reads top to bottom as the data flows:
 * find the new drops → verify them against their manifests and headers → land their rows in raw →
 * validate them against the contract (Deequ; good rows on, bad rows to quarantine) → check the drops
 * (reconciliation, volumes) → MERGE into the conformed tables → reference data → the SAT's EHCP
 * months (a chunk step) → build the marts → check the conformed layer and the marts → publish.
 * A critical check stops the run before publishing.
 * Every step is restartable: a failed run started again carries on with the same drops.
 */
@Configuration
@EnableBatchProcessing(dataSourceRef = "jobRepositoryDataSource", transactionManagerRef = "jobRepositoryTransactionManager")
@EnableConfigurationProperties(CcftProperties.class)
@Import({JobRepositoryConfig.class, NightlyRunner.class})
public class NightlyJobConfig {

    public static final String JOB_NAME = "nightly";
    private static final Logger LOG = LoggerFactory.getLogger(NightlyJobConfig.class);

    /** The process's one SparkSession: it outlives a command's context (tests share it), so no destroy method. */
    @Bean(destroyMethod = "")
    public static SparkSession sparkSession(CcftProperties properties) {
        return SparkSessionFactory.getOrCreate(properties.getSpark(), properties.getWarehouse());
    }

    @Bean
    public static StepProgress stepProgress(SparkSession spark, CcftProperties properties) {
        return new StepProgress(spark, properties.getProgressInterval());
    }

    @Bean
    public WarehouseLayout warehouseLayout(CcftProperties properties) {
        return new WarehouseLayout(properties.getWarehouse());
    }

    @Bean
    public Job nightly(JobRepository jobs, Step findDrops, Step verifyDrops, Step landRaw, Step validateRows,
                       Step checkDrops, Step mergeConformed, Step loadReference, Step loadSatMonths,
                       Step conformSatMonths, Step loadDfeStatistics, Step buildMarts, Step checkWarehouse,
                       Step publish) {
        return new JobBuilder(JOB_NAME, jobs)
                .start(findDrops)
                .next(verifyDrops)
                .next(landRaw)
                .next(validateRows)
                .next(checkDrops)
                .next(mergeConformed)
                .next(loadReference)
                .next(loadSatMonths)
                .next(conformSatMonths)
                .next(loadDfeStatistics)
                .next(buildMarts)
                .next(checkWarehouse)
                .next(publish)
                .build();
    }

    @Bean
    public QualityPolicy qualityPolicy(CcftProperties properties) {
        return properties.getQuality().policy();
    }

    @Bean
    public DeclaredCheck.Catalog qualityChecks() {
        return QualityCatalog.load();
    }

    private static MetricsHistory metricsHistory(SparkSession spark, WarehouseLayout layout) {
        return new MetricsHistory(spark, layout.qualityMetrics());
    }

    private static long runId(ChunkContext chunk) {
        return chunk.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
    }

    /** What a step does with the run's plan; the plan is read before and saved after. */
    @FunctionalInterface
    interface PlanWork {
        void run(RunPlan plan, ChunkContext chunk) throws Exception;
    }

    @org.springframework.beans.factory.annotation.Autowired
    private StepProgress progress;

    private Step step(String name, JobRepository jobs, JdbcTransactionManager tx, PlanWork work) {
        Tasklet tasklet = (contribution, chunk) -> {
            RunPlan plan = RunPlan.of(chunk);
            work.run(plan, chunk);
            plan.saveTo(chunk);
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder(name, jobs).tasklet(tasklet, tx).listener(progress).build();
    }

    private static LandingArea landing(SparkSession spark, String landingRoot) {
        return new LandingArea(landingRoot, spark.sparkContext().hadoopConfiguration());
    }

    private static String landingOf(ChunkContext chunk) {
        return chunk.getStepContext().getStepExecution().getJobParameters().getString(NightlyRunner.LANDING);
    }

    @Bean
    public Step findDrops(JobRepository jobs, JdbcTransactionManager tx, SparkSession spark, WarehouseLayout layout) {
        return step("findDrops", jobs, tx, (plan, chunk) -> {
            List<LedgerEntry> loaded = new LoadLedger(spark, layout).entries();
            plan.drops = new DropFinder(landing(spark, landingOf(chunk))).newDrops(loaded);
            loaded = loaded.stream().filter(e -> LedgerEntry.LOADED.equals(e.status())).toList();
            plan.earlierFullExports = loaded.stream().filter(e -> "FULL".equals(e.exportType())).toList();
            plan.newestEarlierExtract = loaded.stream().map(LedgerEntry::extractedAt)
                    .max(java.util.Comparator.comparing(Instant::parse)).orElse(null);
        });
    }

    /**
     * Checks each drop against its manifest (a damaged drop is refused whole) and each file's header
     * against the contract (a missing required column is critical by default: the run stops here).
     */
    @Bean
    public Step verifyDrops(JobRepository jobs, JdbcTransactionManager tx, SparkSession spark, WarehouseLayout layout,
                            QualityPolicy policy, CcftProperties properties) {
        return step("verifyDrops", jobs, tx, (plan, chunk) -> {
            LandingArea landing = landing(spark, landingOf(chunk));
            var guards = properties.getGuards();
            List<Refusal> refusals = new DropVerifier(landing, Instant.now().plus(guards.getClockTolerance()),
                    guards.getMaxFileSize().toBytes()).refusals(plan.drops);
            refuse(plan, refusals);
            List<CheckOutcome> outcomes = new ArrayList<>(refusals.stream().map(r -> r.outcome("files")).toList());
            outcomes.addAll(SeverityOverrides.outcomes(policy));
            plan.severityOverrides = SeverityOverrides.lines(policy);
            List<CheckOutcome> headers = new FileHeaders(landing, policy).check(plan.sound());
            refuse(plan, headers.stream().filter(o -> o.status() == CheckOutcome.Status.REFUSED)
                    .map(FileHeaders::refusal).toList());
            outcomes.addAll(headers);
            QualityResults results = new QualityResults(spark, layout);
            results.recordRun(runId(chunk), plan.drops.stream().map(Drop::exportId).toList(), null);
            results.record(runId(chunk), "files", outcomes);
            CriticalQualityFailure.throwIfAny(outcomes);
        });
    }

    private static void refuse(RunPlan plan, List<Refusal> refusals) {
        for (Refusal r : refusals) {
            LOG.error("drop {} refused ({}): {}", r.exportId(), r.rule(), r.message());
            plan.refused.put(r.exportId(), r.message());
        }
    }

    @Bean
    public Step landRaw(JobRepository jobs, JdbcTransactionManager tx, SparkSession spark, WarehouseLayout layout) {
        return step("landRaw", jobs, tx, (plan, chunk) -> {
            List<Refusal> refusals = plan.sound().isEmpty() ? List.of() : new RawLanding(spark, layout).land(plan.sound());
            refuse(plan, refusals);
            new QualityResults(spark, layout).record(runId(chunk), "landing",
                    refusals.stream().map(r -> r.outcome("landing")).toList());
        });
    }

    /** The contract's row rules, run by Deequ: bad rows to quarantine with their rule, good rows to staging. */
    @Bean
    public Step validateRows(JobRepository jobs, JdbcTransactionManager tx, SparkSession spark, WarehouseLayout layout,
                             QualityPolicy policy) {
        return step("validateRows", jobs, tx, (plan, chunk) -> {
            List<String> ids = plan.soundIds();
            if (ids.isEmpty()) {
                CmsContract.CMS_FILES.forEach(f -> {
                    plan.accepted.put(f.table(), 0L);
                    plan.quarantined.put(f.table(), 0L);
                });
                LOG.info("no drop to load tonight: no rows to validate");
                return;
            }
            RowValidation validation = new RowValidation(spark, layout, ContractRules.referenceCodeLists(),
                    new RowRules(policy, metricsHistory(spark, layout)));
            Dataset<Row> asOf = asOfDates(spark, plan.sound());
            RawLanding raw = new RawLanding(spark, layout);
            List<CheckOutcome> outcomes = new ArrayList<>();
            for (FileContract contract : CmsContract.CMS_FILES) {
                RowValidation.Counts counts = validation.validate(contract, raw.rows(contract, ids), asOf, ids,
                        runId(chunk));
                plan.accepted.put(contract.table(), counts.accepted());
                plan.quarantined.put(contract.table(), counts.quarantined());
                outcomes.addAll(counts.outcomes());
            }
            new QualityResults(spark, layout).record(runId(chunk), "contract", outcomes);
            CriticalQualityFailure.throwIfAny(outcomes);
        });
    }

    /**
     * Before anything is merged: every landed row was accepted or quarantined, and tonight's volumes
     * and quarantine rate are in line with their history (a drop far smaller than usual is critical).
     */
    @Bean
    public Step checkDrops(JobRepository jobs, JdbcTransactionManager tx, SparkSession spark, WarehouseLayout layout,
                           QualityPolicy policy, DeclaredCheck.Catalog checks, CcftProperties properties) {
        return step("checkDrops", jobs, tx, (plan, chunk) -> {
            if (plan.sound().isEmpty()) {
                LOG.info("no drop to load tonight: no drop checks");
                return;
            }
            var guards = properties.getGuards();
            List<CheckOutcome> deletions = new FullExportDeletions(spark, layout, guards.getFullExportMaxDeletions(),
                    guards.getFullExportDeletionFloor()).check(plan.sound(), policy);
            new DropViews(spark, layout).register(plan.sound());
            runDeclaredChecks("drops", runId(chunk), spark, layout, policy, checks, deletions);
        });
    }

    /**
     * Runs one step's declared checks and anomalies over the views registered for it, records what
     * they found, and stops the run if a critical one broke.
     */
    private static void runDeclaredChecks(String step, long runId, SparkSession spark, WarehouseLayout layout,
                                          QualityPolicy policy, DeclaredCheck.Catalog checks,
                                          List<CheckOutcome> alreadyFound) {
        MetricsHistory history = metricsHistory(spark, layout);
        List<CheckOutcome> outcomes = new ArrayList<>(alreadyFound);
        outcomes.addAll(new CheckSuite(spark, policy, history).run(checks.checks(step), runId));
        outcomes.addAll(new AnomalyWatch(spark, policy, history).run(checks.anomalies(step), runId));
        new QualityResults(spark, layout).record(runId, step, outcomes);
        outcomes.stream().filter(o -> o.status() == CheckOutcome.Status.WARNED || o.failed())
                .forEach(o -> LOG.warn("{} {} ({}): {}", o.status(), o.check(), o.severity(), o.figures()));
        CriticalQualityFailure.throwIfAny(outcomes);
    }

    /** One row per drop: its export_id and the date (UTC) of its extracted_at. */
    static Dataset<Row> asOfDates(SparkSession spark, List<Drop> drops) {
        List<Row> rows = drops.stream().map(d -> RowFactory.create(d.exportId(),
                java.sql.Date.valueOf(LocalDate.ofInstant(d.extractedAt(), ZoneOffset.UTC)))).toList();
        return spark.createDataFrame(rows, StructType.fromDDL("export_id STRING, _as_of_date DATE"));
    }

    @Bean
    public Step mergeConformed(JobRepository jobs, JdbcTransactionManager tx, SparkSession spark, WarehouseLayout layout) {
        return step("mergeConformed", jobs, tx, (plan, chunk) -> {
            if (plan.sound().isEmpty()) {
                LOG.info("no drop to load tonight: the conformed tables stay as they are");
                return;
            }
            List<ConformedMerge.FullExport> fullExports = new ArrayList<>();
            plan.earlierFullExports.forEach(e -> fullExports.add(new ConformedMerge.FullExport(e.exportId(),
                            Timestamp.from(Instant.parse(e.extractedAt())), false)));
            plan.sound().stream().filter(Drop::isFull).forEach(d -> fullExports.add(
                    new ConformedMerge.FullExport(d.exportId(), Timestamp.from(d.extractedAt()), true)));
            ConformedMerge merge = new ConformedMerge(spark, layout);
            for (FileContract contract : CmsContract.CMS_FILES) {
                merge.merge(contract, fullExports);
            }
        });
    }

    @Bean
    public Step loadReference(JobRepository jobs, JdbcTransactionManager tx, SparkSession spark, WarehouseLayout layout) {
        return step("loadReference", jobs, tx, (plan, chunk) -> {
            new ReferenceTables(spark, layout).write();
        });
    }

    @Bean
    @StepScope
    public FlatFileItemReader<SatMonthRow> satMonthReader(SparkSession spark,
                                                         @Value("#{jobParameters['landing']}") String landingRoot) {
        return SatMonthReader.of(new HadoopResource(landing(spark, landingRoot).satMonthlyFile(),
                spark.sparkContext().hadoopConfiguration()));
    }

    @Bean
    @StepScope
    public SatStagingWriter satStagingWriter(SparkSession spark, WarehouseLayout layout,
                                             @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long instance) {
        return new SatStagingWriter(spark, ConformSatMonths.stagingPath(layout), instance);
    }

    @Bean
    @StepScope
    public SatQuarantineListener satQuarantineListener(SparkSession spark, WarehouseLayout layout,
                                                       @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long instance) {
        return new SatQuarantineListener(spark, layout.quarantine(), instance);
    }

    /** The SAT's monthly EHCP file, read, validated and written in chunks; bad rows are skipped to quarantine. */
    @Bean
    public Step loadSatMonths(JobRepository jobs, JdbcTransactionManager tx, CcftProperties properties,
                              FlatFileItemReader<SatMonthRow> satMonthReader, SatStagingWriter satStagingWriter,
                              SatQuarantineListener satQuarantineListener) {
        return new StepBuilder("loadSatMonths", jobs)
                .<SatMonthRow, SatMonthRow>chunk(properties.getSat().getChunkSize(), tx)
                .reader(satMonthReader)
                .processor(new SatMonthValidator(CmsContract.EHCP_MONTHLY))
                .writer(satStagingWriter)
                .faultTolerant()
                .skip(SatRowRejected.class)
                .skip(FlatFileParseException.class)
                .skipLimit(properties.getSat().getSkipLimit())
                .listener(satQuarantineListener)
                .listener((org.springframework.batch.core.StepExecutionListener) progress)
                .build();
    }

    @Bean
    public Step conformSatMonths(JobRepository jobs, JdbcTransactionManager tx, SparkSession spark,
                                 WarehouseLayout layout) {
        return step("conformSatMonths", jobs, tx, (plan, chunk) -> {
            var step = chunk.getStepContext().getStepExecution();
            LandingArea landing = landing(spark, landingOf(chunk));
            boolean delivered = landing.exists(landing.satMonthlyFile());
            new ConformSatMonths(spark, layout).conform(step.getJobExecution().getJobInstance().getInstanceId(),
                    delivered);
        });
    }

    /** DfE's SEN2 statistics, when a new release has been delivered, for comparing the council with others. */
    @Bean
    public Step loadDfeStatistics(JobRepository jobs, JdbcTransactionManager tx, SparkSession spark,
                                  WarehouseLayout layout) {
        return step("loadDfeStatistics", jobs, tx, (plan, chunk) ->
                new Sen2Statistics(spark, layout).load(landing(spark, landingOf(chunk))));
    }

    @Bean
    public Step buildMarts(JobRepository jobs, JdbcTransactionManager tx, SparkSession spark, WarehouseLayout layout,
                           CcftProperties properties) {
        return step("buildMarts", jobs, tx, (plan, chunk) -> {
            // "As at" is the date (UTC) of extracted_at of the newest export loaded: not the clock.
            Stream<Instant> loaded = Stream.ofNullable(plan.newestEarlierExtract).map(Instant::parse);
            Stream<Instant> tonight = plan.sound().stream().map(Drop::extractedAt);
            var newest = Stream.concat(loaded, tonight).max(Instant::compareTo);
            if (newest.isEmpty()) {
                LOG.warn("no CMS drop has been loaded yet: no marts to build");
                return;
            }
            LocalDate asAt = LocalDate.ofInstant(newest.get(), ZoneOffset.UTC);
            plan.asAtDate = asAt.toString();
            plan.martVersions = new MartBuilder(spark, layout, MartSettings.of(properties)).build(asAt);
        });
    }

    /** Before publishing: the conformed layer and the marts just built meet their checks. */
    @Bean
    public Step checkWarehouse(JobRepository jobs, JdbcTransactionManager tx, SparkSession spark,
                               WarehouseLayout layout, QualityPolicy policy, DeclaredCheck.Catalog checks,
                               CcftProperties properties) {
        return step("checkWarehouse", jobs, tx, (plan, chunk) -> {
            new QualityResults(spark, layout).recordRun(runId(chunk), plan.drops.stream().map(Drop::exportId).toList(),
                    plan.asAtDate);
            if (plan.asAtDate == null) {
                return; // nothing loaded yet, nothing built
            }
            String checked = warehouseFingerprint(spark, layout, plan, policy, checks, properties);
            CheckedWarehouse last = new CheckedWarehouse(layout, new WarehouseFiles(spark.sparkContext().hadoopConfiguration()));
            Optional<Long> checkedBy = last.checkedBy(checked);
            if (checkedBy.isPresent()) {
                long outcomes = new QualityResults(spark, layout).copy(checkedBy.get(), runId(chunk), "warehouse");
                LOG.info("warehouse checks: nothing they read has changed since run {} checked it; its {} outcomes "
                        + "recorded for this run", checkedBy.get(), outcomes);
                return;
            }
            new MartBuilder(spark, layout, MartSettings.of(properties))
                    .registerBuilt(LocalDate.parse(plan.asAtDate), plan.martVersions);
            runDeclaredChecks("warehouse", runId(chunk), spark, layout, policy, checks, List.of());
            last.passed(checked, runId(chunk));
        });
    }

    /**
     * Everything the warehouse checks read and are judged by: each input table's version and each
     * mart's, the as-at date and council, the checks and the policy, and the code that runs them.
     */
    private static String warehouseFingerprint(SparkSession spark, WarehouseLayout layout, RunPlan plan,
                                               QualityPolicy policy, DeclaredCheck.Catalog checks,
                                               CcftProperties properties) {
        String tables = MartInputs.tables(layout).stream()
                .map(t -> t + "@" + DeltaTables.latestVersion(spark, t)).collect(Collectors.joining(","));
        return Fingerprint.of(tables, new java.util.TreeMap<>(plan.martVersions).toString(), plan.asAtDate,
                MartSettings.of(properties).councilLaCode(), checks.checks("warehouse").toString(),
                checks.anomalies("warehouse").toString(), policy.toString(), Fingerprint.ofClass(CheckSuite.class),
                Fingerprint.ofClass(AnomalyWatch.class), Fingerprint.ofClass(MartInputs.class),
                MartCatalog.INTERMEDIATE.stream().map(MartCatalog::sql).collect(Collectors.joining("\n")));
    }

    @Bean
    public Step publish(JobRepository jobs, JdbcTransactionManager tx, SparkSession spark, WarehouseLayout layout,
                        CcftProperties properties) {
        return step("publish", jobs, tx, (plan, chunk) -> {
            long runId = chunk.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
            List<LedgerEntry> outcomes = new ArrayList<>();
            for (Drop d : plan.drops) {
                String refusal = plan.refused.get(d.exportId());
                outcomes.add(new LedgerEntry(d.exportId(),
                        d.manifest() == null ? null : d.manifest().exportType(),
                        d.manifest() == null ? null : d.manifest().extractedAt(),
                        d.manifestSha256(), refusal == null ? LedgerEntry.LOADED : LedgerEntry.REFUSED, refusal));
            }
            new LoadLedger(spark, layout).record(outcomes, runId);
            if (plan.asAtDate != null) {
                new Publisher(spark, layout, properties).publish(runId, plan.asAtDate, plan.martVersions);
            }
        });
    }
}
