package org.ccft.nightly;

import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.ccft.config.CcftProperties;
import org.ccft.conformed.MergeConformedStep;
import org.ccft.dfe.LoadDfeStatisticsStep;
import org.ccft.lakehouse.HadoopResource;
import org.ccft.lakehouse.SparkSessionFactory;
import org.ccft.lakehouse.Storage;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.landing.FindDropsStep;
import org.ccft.landing.LandingArea;
import org.ccft.landing.NightInputs;
import org.ccft.landing.VerifyDropsStep;
import org.ccft.marts.BuildMartsStep;
import org.ccft.marts.MartSettings;
import org.ccft.marts.PseudonymKey;
import org.ccft.pipeline.QualityStop;
import org.ccft.published.PublishStep;
import org.ccft.quality.CheckDropsStep;
import org.ccft.quality.CheckWarehouseStep;
import org.ccft.quality.DeclaredCheck;
import org.ccft.quality.QualityCatalog;
import org.ccft.quality.QualityPolicy;
import org.ccft.raw.LandRawStep;
import org.ccft.reference.tables.LoadReferenceStep;
import org.ccft.sat.ConformSatMonths;
import org.ccft.sat.ConformSatMonthsStep;
import org.ccft.sat.SatMonthReader;
import org.ccft.sat.SatMonthRow;
import org.ccft.sat.SatMonthValidator;
import org.ccft.sat.SatQuarantineListener;
import org.ccft.sat.SatRowRejected;
import org.ccft.sat.SatStagingWriter;
import org.ccft.schemas.CmsContract;
import org.ccft.staging.ValidateRowsStep;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.item.file.FlatFileItemReader;
import org.springframework.batch.item.file.FlatFileParseException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The nightly load, one Spring Batch job whose steps read top to bottom as the data flows: find the
 * new drops → verify them against their manifests and headers → land their rows in raw → validate
 * them against the contract (Deequ; good rows to staging, bad rows to quarantine) → check the drops
 * (reconciliation, volumes) → MERGE into the conformed tables → reference data → the SAT's EHCP
 * months (a chunk step) → DfE's statistics → build the marts → check the conformed layer and the
 * marts → publish. This class only wires: each step is a class in its layer's package, and hands
 * the next its result as an immutable record ({@link org.ccft.pipeline.Handoff}). A step stopped by
 * a critical check ends with the exit status {@code QUALITY_STOP}, and the flow ends the run there,
 * before publishing. Every step is restartable: a failed run started again carries on with the same
 * drops.
 */
@Configuration
@EnableBatchProcessing(
        dataSourceRef = "jobRepositoryDataSource",
        transactionManagerRef = "jobRepositoryTransactionManager")
@EnableConfigurationProperties(CcftProperties.class)
@Import({JobRepositoryConfig.class, NightlyRunner.class})
public class NightlyJobConfig {

    public static final String JOB_NAME = "nightly";

    /**
     * The command's own SparkSession, started when a step first needs it (a night with nothing new
     * never does), and the active one of the thread that runs the steps (Delta reads its settings
     * from the active session). Its SparkContext outlives the command's context (tests share it),
     * so no destroy method.
     */
    @Bean(destroyMethod = "")
    @Lazy
    public static SparkSession sparkSession(CcftProperties properties, StepProgress progress) {
        SparkSession spark =
                SparkSessionFactory.forCommand(properties.getSpark(), properties.getWarehouse());
        SparkSession.setActiveSession(spark);
        progress.attach(spark);
        return spark;
    }

    @Bean
    public static StepProgress stepProgress(CcftProperties properties) {
        return new StepProgress(properties.getProgressInterval());
    }

    /** Hadoop's settings for the warehouse's and the landing area's files, without Spark. */
    @Bean
    public static Storage storage(CcftProperties properties) {
        return Storage.of(properties);
    }

    @Bean
    public WarehouseLayout warehouseLayout(CcftProperties properties) {
        return new WarehouseLayout(properties.getWarehouse());
    }

    @Bean
    public QualityPolicy qualityPolicy(CcftProperties properties) {
        return properties.getQuality().policy();
    }

    @Bean
    public DeclaredCheck.Catalog qualityChecks() {
        return QualityCatalog.load();
    }

    @Bean
    public MartSettings martSettings(CcftProperties properties) {
        return MartSettings.of(properties);
    }

    /**
     * The steps in order. After each: a quality stop or a failure ends the run (a failed run is
     * restarted where it stopped; a quality stop is not restarted, the next run starts afresh),
     * anything else goes on to the next step. A night with nothing new ends, completed, after the
     * first.
     */
    @Bean
    public Job nightly(
            JobRepository jobs,
            Step findDrops,
            Step verifyDrops,
            Step landRaw,
            Step validateRows,
            Step checkDrops,
            Step mergeConformed,
            Step loadReference,
            Step loadSatMonths,
            Step conformSatMonths,
            Step loadDfeStatistics,
            Step buildMarts,
            Step checkWarehouse,
            Step publish) {
        List<Step> steps =
                List.of(
                        findDrops,
                        verifyDrops,
                        landRaw,
                        validateRows,
                        checkDrops,
                        mergeConformed,
                        loadReference,
                        loadSatMonths,
                        conformSatMonths,
                        loadDfeStatistics,
                        buildMarts,
                        checkWarehouse,
                        publish);
        FlowBuilder<Flow> flow = new FlowBuilder<Flow>(JOB_NAME).start(steps.get(0));
        flow.from(findDrops).on(FindDropsStep.NOTHING_NEW).end();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            flow.from(step).on(QualityStop.EXIT_CODE).fail();
            flow.from(step).on(ExitStatus.FAILED.getExitCode()).fail();
            if (i + 1 < steps.size()) {
                flow.from(step).on("*").to(steps.get(i + 1));
            } else {
                flow.from(step).on("*").end();
            }
        }
        return new JobBuilder(JOB_NAME, jobs).start(flow.build()).end().build();
    }

    /**
     * A step whose tasklet is made when the step runs, not when the job is wired: the Spark session
     * a tasklet is given starts only then.
     */
    private Step step(
            String name,
            JobRepository jobs,
            JdbcTransactionManager tx,
            StepProgress progress,
            Supplier<Tasklet> tasklet) {
        return new StepBuilder(name, jobs)
                .tasklet((contribution, chunk) -> tasklet.get().execute(contribution, chunk), tx)
                .listener(progress)
                .listener(new QualityStop())
                .build();
    }

    @Bean
    public Step findDrops(
            JobRepository jobs,
            JdbcTransactionManager tx,
            StepProgress progress,
            ObjectProvider<SparkSession> spark,
            WarehouseLayout layout,
            Storage storage,
            CcftProperties properties,
            MartSettings settings) {
        return step(
                "findDrops",
                jobs,
                tx,
                progress,
                () ->
                        new FindDropsStep(
                                spark::getObject,
                                layout,
                                storage.hadoop(),
                                () -> NightInputs.of(properties, PseudonymKey.id(settings.key()))));
    }

    @Bean
    public Step verifyDrops(
            JobRepository jobs,
            JdbcTransactionManager tx,
            StepProgress progress,
            ObjectProvider<SparkSession> spark,
            WarehouseLayout layout,
            QualityPolicy policy,
            CcftProperties properties) {
        return step(
                "verifyDrops",
                jobs,
                tx,
                progress,
                () ->
                        new VerifyDropsStep(
                                spark.getObject(), layout, policy, properties.getGuards()));
    }

    @Bean
    public Step landRaw(
            JobRepository jobs,
            JdbcTransactionManager tx,
            StepProgress progress,
            ObjectProvider<SparkSession> spark,
            WarehouseLayout layout,
            CcftProperties properties) {
        return step(
                "landRaw",
                jobs,
                tx,
                progress,
                () ->
                        new LandRawStep(
                                spark.getObject(),
                                layout,
                                properties.getCsvPieceSize().toBytes(),
                                () -> MartSettings.of(properties).key()));
    }

    @Bean
    public Step validateRows(
            JobRepository jobs,
            JdbcTransactionManager tx,
            StepProgress progress,
            ObjectProvider<SparkSession> spark,
            WarehouseLayout layout,
            QualityPolicy policy) {
        return step(
                "validateRows",
                jobs,
                tx,
                progress,
                () -> new ValidateRowsStep(spark.getObject(), layout, policy));
    }

    @Bean
    public Step checkDrops(
            JobRepository jobs,
            JdbcTransactionManager tx,
            StepProgress progress,
            ObjectProvider<SparkSession> spark,
            WarehouseLayout layout,
            QualityPolicy policy,
            DeclaredCheck.Catalog checks,
            CcftProperties properties) {
        return step(
                "checkDrops",
                jobs,
                tx,
                progress,
                () ->
                        new CheckDropsStep(
                                spark.getObject(), layout, policy, checks, properties.getGuards()));
    }

    @Bean
    public Step mergeConformed(
            JobRepository jobs,
            JdbcTransactionManager tx,
            StepProgress progress,
            ObjectProvider<SparkSession> spark,
            WarehouseLayout layout) {
        return step(
                "mergeConformed",
                jobs,
                tx,
                progress,
                () -> new MergeConformedStep(spark.getObject(), layout));
    }

    @Bean
    public Step loadReference(
            JobRepository jobs,
            JdbcTransactionManager tx,
            StepProgress progress,
            ObjectProvider<SparkSession> spark,
            WarehouseLayout layout,
            CcftProperties properties) {
        return step(
                "loadReference",
                jobs,
                tx,
                progress,
                () ->
                        new LoadReferenceStep(
                                spark.getObject(),
                                layout,
                                properties.getCouncil().getComplaintCodeFrom()));
    }

    @Bean
    @StepScope
    public FlatFileItemReader<SatMonthRow> satMonthReader(
            Storage storage, @Value("#{jobParameters['landing']}") String landingRoot) {
        return SatMonthReader.of(
                new HadoopResource(
                        new LandingArea(landingRoot, storage.hadoop()).satMonthlyFile(),
                        storage.hadoop()));
    }

    @Bean
    @StepScope
    public SatStagingWriter satStagingWriter(
            SparkSession spark,
            WarehouseLayout layout,
            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long instance) {
        return new SatStagingWriter(spark, ConformSatMonths.stagingPath(layout), instance);
    }

    @Bean
    @StepScope
    public SatQuarantineListener satQuarantineListener(
            SparkSession spark,
            WarehouseLayout layout,
            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long instance) {
        return new SatQuarantineListener(spark, layout.quarantine(), instance);
    }

    /**
     * The SAT's monthly EHCP file, read, validated and written in chunks; bad rows are skipped to
     * quarantine.
     */
    @Bean
    public Step loadSatMonths(
            JobRepository jobs,
            JdbcTransactionManager tx,
            CcftProperties properties,
            FlatFileItemReader<SatMonthRow> satMonthReader,
            SatStagingWriter satStagingWriter,
            SatQuarantineListener satQuarantineListener,
            StepProgress progress) {
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
                .listener((StepExecutionListener) progress)
                .listener(new QualityStop())
                .build();
    }

    @Bean
    public Step conformSatMonths(
            JobRepository jobs,
            JdbcTransactionManager tx,
            StepProgress progress,
            ObjectProvider<SparkSession> spark,
            WarehouseLayout layout) {
        return step(
                "conformSatMonths",
                jobs,
                tx,
                progress,
                () -> new ConformSatMonthsStep(spark.getObject(), layout));
    }

    @Bean
    public Step loadDfeStatistics(
            JobRepository jobs,
            JdbcTransactionManager tx,
            StepProgress progress,
            ObjectProvider<SparkSession> spark,
            WarehouseLayout layout) {
        return step(
                "loadDfeStatistics",
                jobs,
                tx,
                progress,
                () -> new LoadDfeStatisticsStep(spark.getObject(), layout));
    }

    @Bean
    public Step buildMarts(
            JobRepository jobs,
            JdbcTransactionManager tx,
            StepProgress progress,
            ObjectProvider<SparkSession> spark,
            WarehouseLayout layout,
            MartSettings settings,
            QualityPolicy policy,
            DeclaredCheck.Catalog checks) {
        return step(
                "buildMarts",
                jobs,
                tx,
                progress,
                () -> new BuildMartsStep(spark.getObject(), layout, settings, policy, checks));
    }

    @Bean
    public Step checkWarehouse(
            JobRepository jobs,
            JdbcTransactionManager tx,
            StepProgress progress,
            ObjectProvider<SparkSession> spark,
            WarehouseLayout layout,
            QualityPolicy policy,
            DeclaredCheck.Catalog checks,
            MartSettings settings) {
        return step(
                "checkWarehouse",
                jobs,
                tx,
                progress,
                () -> new CheckWarehouseStep(spark.getObject(), layout, policy, checks, settings));
    }

    @Bean
    public Step publish(
            JobRepository jobs,
            JdbcTransactionManager tx,
            StepProgress progress,
            ObjectProvider<SparkSession> spark,
            WarehouseLayout layout,
            CcftProperties properties) {
        return step(
                "publish",
                jobs,
                tx,
                progress,
                () -> new PublishStep(spark.getObject(), layout, properties));
    }
}
