package org.ccft.quality;

import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.runners.AnalyzerContext;
import com.amazon.deequ.metrics.Metric;
import com.amazon.deequ.repository.AnalysisResult;
import com.amazon.deequ.repository.ResultKey;
import com.amazon.deequ.repository.fs.FileSystemMetricsRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import scala.collection.JavaConverters;

/**
 * Every metric Deequ computes, for every run, in Deequ's file-system metrics repository inside the
 * warehouse ({@code ops/dq/metrics.json}). A result's key is the run id (its "dataset date", which
 * orders runs) with the step and table as tags, so a restarted step replaces its own results.
 */
public final class MetricsHistory {

    private final FileSystemMetricsRepository repository;

    public MetricsHistory(SparkSession spark, String path) {
        this.repository = new FileSystemMetricsRepository(spark, path);
    }

    /**
     * Keeps a verification's metrics under the run, step and table (replacing what a restart wrote
     * before).
     */
    void save(long runId, String step, String table, VerificationResult result) {
        synchronized (repository) {
            repository.save(
                    new ResultKey(runId, toScala(Map.of("step", step, "table", table))),
                    new AnalyzerContext(result.metrics()));
        }
    }

    /**
     * What each analyzer measured in earlier runs, oldest first, at most {@code window} values
     * each.
     */
    Map<Analyzer<?, ?>, List<Double>> before(
            long runId,
            String step,
            String table,
            Collection<Analyzer<?, ?>> analyzers,
            int window) {
        List<AnalysisResult> results;
        synchronized (repository) {
            results =
                    new ArrayList<>(
                            JavaConverters.seqAsJavaList(
                                    repository
                                            .load()
                                            .withTagValues(
                                                    toScala(Map.of("step", step, "table", table)))
                                            .get()));
        }
        results.removeIf(r -> r.resultKey().dataSetDate() >= runId);
        results.sort(Comparator.comparingLong(r -> r.resultKey().dataSetDate()));
        Map<Analyzer<?, ?>, List<Double>> out = new LinkedHashMap<>();
        for (Analyzer<?, ?> analyzer : analyzers) {
            List<Double> values = new ArrayList<>();
            for (AnalysisResult r : results) {
                Double v = metric(r.analyzerContext().metricMap(), analyzer);
                if (v != null) {
                    values.add(v);
                }
            }
            out.put(analyzer, values.subList(Math.max(0, values.size() - window), values.size()));
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Double metric(scala.collection.immutable.Map metrics, Analyzer<?, ?> analyzer) {
        scala.Option<Metric<?>> found = metrics.get(analyzer);
        if (found.isEmpty() || found.get().value().isFailure()) {
            return null;
        }
        Object v = found.get().value().get();
        return v instanceof Number n ? n.doubleValue() : null;
    }

    private static scala.collection.immutable.Map<String, String> toScala(Map<String, String> map) {
        return scala.collection.immutable.Map$.MODULE$
                .<String, String>empty()
                .$plus$plus(JavaConverters.mapAsScalaMap(map));
    }
}
