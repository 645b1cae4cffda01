package org.ccft.testing;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ccft.config.CcftProperties;
import org.ccft.config.StandaloneSettings;
import org.ccft.conformed.MergeConformedStep;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.landing.FindDropsStep;
import org.ccft.landing.FoundDrops;
import org.ccft.landing.NightInputs;
import org.ccft.landing.VerifyDropsStep;
import org.ccft.marts.BuildMartsStep;
import org.ccft.marts.BuiltMarts;
import org.ccft.marts.MartCatalog;
import org.ccft.marts.MartSettings;
import org.ccft.marts.WarehouseViews;
import org.ccft.nightly.NightlyRunner;
import org.ccft.pipeline.Handoff;
import org.ccft.pipeline.RunParameters;
import org.ccft.published.PublishStep;
import org.ccft.quality.CheckDropsStep;
import org.ccft.quality.CheckWarehouseStep;
import org.ccft.quality.QualityCatalog;
import org.ccft.quality.QualityPolicy;
import org.ccft.raw.LandRawStep;
import org.ccft.reference.tables.LoadReferenceStep;
import org.ccft.reference.tables.ReferenceTables;
import org.ccft.staging.ValidateRowsStep;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.tasklet.Tasklet;

/**
 * The nightly job's step classes run as plain stages in this JVM, without the job, its repository
 * or the steps a rule does not need: each stage is given the results the stages before it handed on
 * (an in-memory job execution), as the job gives them. For the rules one layer holds (how drops
 * come to the conformed tables, say), tested at that layer.
 */
public final class Stages {

    /** Its own session, as a command has (the active one while a stage runs). */
    private final SparkSession spark = TestSpark.newSession();

    private final CcftProperties settings = StandaloneSettings.load();

    /**
     * The stages parse each CMS file in pieces of this many bytes: the tests' files, a few hundred
     * bytes each, are cut at their record boundaries as a file of national size is (the job's
     * default, {@code ccft.csv-piece-size}, leaves them whole).
     */
    public static final long PIECE_BYTES = 200;

    private final WarehouseLayout layout;
    private final Path landing;
    private long runs;
    private LocalDate asAt;

    public Stages(Path warehouse, Path landing) {
        this.layout = new WarehouseLayout(warehouse.toString());
        this.landing = landing;
    }

    public WarehouseLayout layout() {
        return layout;
    }

    /** What a run's first stage finds in the landing area. */
    public FoundDrops find() throws Exception {
        JobExecution run = newRun();
        findDrops(run);
        return Handoff.read(run.getExecutionContext(), FoundDrops.class).orElseThrow();
    }

    private void findDrops(JobExecution run) throws Exception {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Supplier<NightInputs> inputs = () -> NightInputs.of(settings, "tests");
        execute(run, "findDrops", new FindDropsStep(() -> spark, layout, hadoop, inputs));
    }

    /** One run's stages, in order, from the landing area up to the conformed tables. */
    public JobExecution toConformed() throws Exception {
        JobExecution run = newRun();
        QualityPolicy policy = settings.getQuality().policy();
        var guards = settings.getGuards();
        findDrops(run);
        execute(run, "verifyDrops", new VerifyDropsStep(spark, layout, policy, guards));
        execute(
                run,
                "landRaw",
                new LandRawStep(spark, layout, PIECE_BYTES, () -> MartSettings.of(settings).key()));
        execute(run, "validateRows", new ValidateRowsStep(spark, layout, policy));
        execute(
                run,
                "checkDrops",
                new CheckDropsStep(spark, layout, policy, QualityCatalog.load(), guards));
        execute(run, "mergeConformed", new MergeConformedStep(spark, layout));
        return run;
    }

    /** The last stage, with no marts built: the load ledger records the run's drops. */
    public void recordLedger(JobExecution run) throws Exception {
        asAt(chunk(run, "buildMarts"));
        Handoff.write(chunk(run, "buildMarts"), new BuiltMarts(null, Map.of()));
        execute(run, "publish", new PublishStep(spark, layout, settings));
    }

    /** A night to the conformed tables, ending with the ledger's record of it. */
    public JobExecution night() throws Exception {
        JobExecution run = toConformed();
        recordLedger(run);
        return run;
    }

    /**
     * A night short of its marts: to the conformed tables and the reference tables, the warehouse's
     * checks as at the newest export loaded, and the ledger's record of it.
     */
    public JobExecution checkedNight() throws Exception {
        JobExecution run = toConformed();
        execute(
                run,
                "loadReference",
                new LoadReferenceStep(spark, layout, settings.getCouncil().getComplaintCodeFrom()));
        ChunkContext built = chunk(run, "buildMarts");
        Handoff.write(built, new BuiltMarts(asAt(built), Map.of()));
        execute(
                run,
                "checkWarehouse",
                new CheckWarehouseStep(
                        spark,
                        layout,
                        settings.getQuality().policy(),
                        QualityCatalog.load(),
                        MartSettings.of(settings)));
        recordLedger(run);
        return run;
    }

    /** The run's as-at date, as the mart build finds it (kept for {@link #marts()}). */
    private String asAt(ChunkContext chunk) {
        asAt = BuildMartsStep.asAt(chunk).orElse(null);
        return asAt == null ? null : asAt.toString();
    }

    /**
     * Every mart's rows as its SQL computes them over the warehouse as it is, as at the last
     * night's date (each row as JSON, sorted): the marts the nightly build would write, without
     * writing them.
     */
    public Map<String, List<String>> marts() {
        return marts(asAt);
    }

    /** One mart's rows, as {@link #marts()} gives them, computing only it and what it reads. */
    public List<String> mart(String name) {
        new ReferenceTables(spark, layout).write();
        try (WarehouseViews views =
                WarehouseViews.register(spark, layout, asAt, MartSettings.of(settings))) {
            return rows(name);
        }
    }

    private List<String> rows(String mart) {
        MartCatalog.READS_MARTS.getOrDefault(mart, List.of()).forEach(this::rows);
        Dataset<Row> rows = spark.sql(MartCatalog.martSql(mart));
        rows.createOrReplaceTempView(mart);
        return rows.selectExpr("to_json(struct(*))").as(Encoders.STRING()).collectAsList().stream()
                .sorted()
                .toList();
    }

    /** {@link #marts()}, as at another date. */
    public Map<String, List<String>> marts(LocalDate asAt) {
        new ReferenceTables(spark, layout).write();
        Map<String, List<String>> marts = new LinkedHashMap<>();
        try (WarehouseViews views =
                WarehouseViews.register(spark, layout, asAt, MartSettings.of(settings))) {
            for (String mart : MartCatalog.MARTS) {
                Dataset<Row> rows = spark.sql(MartCatalog.martSql(mart));
                rows.createOrReplaceTempView(mart);
                marts.put(
                        mart,
                        rows
                                .selectExpr("to_json(struct(*))")
                                .as(Encoders.STRING())
                                .collectAsList()
                                .stream()
                                .sorted()
                                .toList());
            }
        }
        return marts;
    }

    private JobExecution newRun() {
        long id = ++runs;
        var parameters =
                new JobParametersBuilder()
                        .addLong(NightlyRunner.RUN_ID, id)
                        .addString(RunParameters.LANDING, landing.toString())
                        .toJobParameters();
        return new JobExecution(new JobInstance(id, "nightly"), id, parameters);
    }

    private static ChunkContext chunk(JobExecution run, String step) {
        return new ChunkContext(new StepContext(run.createStepExecution(step)));
    }

    private void execute(JobExecution run, String name, Tasklet tasklet) throws Exception {
        SparkSession.setActiveSession(spark);
        StepExecution step = run.createStepExecution(name);
        tasklet.execute(new StepContribution(step), new ChunkContext(new StepContext(step)));
    }
}
