package org.ccft.nightly;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.beans.factory.DisposableBean;
import scala.collection.JavaConverters;

/**
 * Progress of the step under way, logged as it goes (every {@code ccft.progress.interval}) and when
 * it ends: rows read and written by its Spark tasks, the rate, the Spark jobs and tasks it ran, the
 * time elapsed. Counted from Spark's task metrics as tasks finish, so it costs nothing on the data.
 * The jobs show the work a step does whatever its rows: a small night's seconds go with its queries
 * and commits, not with its data.
 */
public final class StepProgress extends SparkListener
        implements StepExecutionListener, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(StepProgress.class);

    private final Duration interval;
    private SparkSession spark;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "ccft-progress");
                        t.setDaemon(true);
                        return t;
                    });
    private final LongAdder read = new LongAdder();
    private final LongAdder written = new LongAdder();
    private final LongAdder tasks = new LongAdder();
    private final LongAdder jobs = new LongAdder();

    /** The Spark local property naming the command whose jobs these are. */
    private static final String COMMAND = "ccft.command";

    private final String command = UUID.randomUUID().toString();

    /** The ids of this command's Spark jobs and of their stages. */
    private final Set<Integer> ourJobs = ConcurrentHashMap.newKeySet();

    private final Set<Integer> ourStages = ConcurrentHashMap.newKeySet();

    private volatile String step;
    private volatile long startedNanos;
    private ScheduledFuture<?> reporting;

    public StepProgress(Duration interval) {
        this.interval = interval;
    }

    /**
     * Counts the session's work from now on: called when the run first needs Spark (a run with
     * nothing new never starts it).
     */
    public synchronized void attach(SparkSession session) {
        if (spark == null) {
            spark = session;
            // The jobs of this thread and of the threads it starts: another command in the same
            // process (a test JVM's) is not counted.
            spark.sparkContext().setLocalProperty(COMMAND, command);
            spark.sparkContext().addSparkListener(this);
        }
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        Properties properties = start.properties();
        if (properties != null && command.equals(properties.getProperty(COMMAND))) {
            ourJobs.add(start.jobId());
            for (StageInfo stage : JavaConverters.seqAsJavaList(start.stageInfos())) {
                ourStages.add(stage.stageId());
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskMetrics m = end.taskMetrics();
        if (step == null || m == null || !ourStages.contains(end.stageId())) {
            return;
        }
        read.add(m.inputMetrics().recordsRead());
        written.add(m.outputMetrics().recordsWritten());
        tasks.increment();
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd end) {
        if (step != null && ourJobs.contains(end.jobId())) {
            jobs.increment();
        }
    }

    @Override
    public synchronized void beforeStep(StepExecution execution) {
        read.reset();
        written.reset();
        tasks.reset();
        jobs.reset();
        startedNanos = System.nanoTime();
        step = execution.getStepName();
        reporting =
                timer.scheduleAtFixedRate(
                        () -> LOG.info("{}", line()),
                        interval.toMillis(),
                        interval.toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized ExitStatus afterStep(StepExecution execution) {
        if (reporting != null) {
            reporting.cancel(false);
        }
        LOG.info("{} ({})", line(), execution.getStatus());
        step = null;
        return null;
    }

    /** Where the step is: rows read and written so far, the rate, the time elapsed. */
    public String line() {
        double seconds = Math.max(0.001, (System.nanoTime() - startedNanos) / 1e9);
        long r = read.sum();
        long w = written.sum();
        return String.format(
                Locale.ROOT,
                "step %s: %,d rows read, %,d rows written (%,.0f rows/s) in %,d Spark jobs (%,d tasks), %.1f s elapsed",
                step,
                r,
                w,
                (r + w) / seconds,
                jobs.sum(),
                tasks.sum(),
                seconds);
    }

    @Override
    public synchronized void destroy() {
        timer.shutdownNow();
        if (spark != null) {
            spark.sparkContext().removeSparkListener(this);
        }
    }
}
