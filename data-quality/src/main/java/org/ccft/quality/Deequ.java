package org.ccft.quality;

import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.VerificationRunBuilder;
import com.amazon.deequ.VerificationSuite;
import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.CheckLevel;
import com.amazon.deequ.checks.CheckResult;
import com.amazon.deequ.constraints.ConstraintResult;
import com.amazon.deequ.metrics.Metric;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Option;
import scala.collection.JavaConverters;
import scala.collection.Seq;
import scala.runtime.AbstractFunction1;

/**
 * The project's one doorway to Deequ's Scala API from Java: Scala has default arguments and
 * collections that Java has not, so they are supplied here once.
 */
final class Deequ {

    private Deequ() {}

    static <T> Seq<T> seq(List<T> items) {
        return JavaConverters.asScalaBuffer(new ArrayList<>(items)).toSeq();
    }

    static Check check(String name) {
        return new Check(CheckLevel.Error(), name, seq(List.of()));
    }

    /** A constraint assertion: the metric equals {@code expected}. */
    static AbstractFunction1<Object, Object> equalTo(double expected) {
        return new Assertion(expected);
    }

    /** A Check holding one constraint: every row satisfies {@code predicate}. */
    static Check satisfies(String name, String predicate) {
        return check(name)
                .satisfies(
                        predicate,
                        name,
                        equalTo(1.0),
                        Option.empty(),
                        scala.collection.immutable.List$.MODULE$.empty(),
                        Option.empty());
    }

    static Check unique(String name, List<String> columns) {
        return check(name).hasUniqueness(seq(columns), equalTo(1.0), Option.empty());
    }

    static Check complete(String name, String column) {
        return check(name).isComplete(column, Option.empty(), Option.empty());
    }

    /** Runs the checks and extra analyzers in one pass over {@code data}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static VerificationResult verify(
            Dataset<Row> data, List<Check> checks, List<Analyzer<?, ?>> analyzers) {
        VerificationRunBuilder run = new VerificationSuite().onData(data).addChecks(seq(checks));
        if (!analyzers.isEmpty()) {
            run = run.addRequiredAnalyzers((Seq) seq(analyzers));
        }
        return run.run();
    }

    /**
     * Runs independent pieces of work at once: each is a small Spark job whose cost is mostly
     * scheduling, so a few in flight together finish sooner. Results keep the order of the work.
     */
    static <T> List<T> together(List<Callable<T>> work) {
        if (work.size() <= 1) {
            return work.stream().map(Deequ::call).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, work.size()));
        try {
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(work)) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r
                    ? r
                    : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static <T> T call(Callable<T> c) {
        try {
            return c.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each check's first constraint result, by the check's name. */
    static Map<String, ConstraintResult> constraintResults(VerificationResult result) {
        Map<String, ConstraintResult> out = new LinkedHashMap<>();
        Map<Check, CheckResult> checks = JavaConverters.mapAsJavaMap(result.checkResults());
        checks.forEach(
                (check, checkResult) ->
                        out.put(
                                check.description(),
                                JavaConverters.seqAsJavaList(checkResult.constraintResults())
                                        .get(0)));
        return out;
    }

    /**
     * The constraint's metric as a number, or null when it could not be computed (an empty
     * dataset).
     */
    static Double value(ConstraintResult result) {
        if (result.metric().isEmpty()) {
            return null;
        }
        Metric<?> metric = result.metric().get();
        if (metric.value().isFailure()) {
            return null;
        }
        Object v = metric.value().get();
        return v instanceof Number n ? n.doubleValue() : null;
    }

    static Dataset<Row> rowLevel(Dataset<Row> data, VerificationResult result) {
        return VerificationResult.rowLevelResultsAsDataFrame(data.sparkSession(), result, data);
    }

    private static final class Assertion extends AbstractFunction1<Object, Object>
            implements Serializable {
        private final double expected;

        Assertion(double expected) {
            this.expected = expected;
        }

        @Override
        public Object apply(Object metric) {
            return ((Number) metric).doubleValue() == expected;
        }
    }
}
