package org.ccft.quality;

import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.analyzers.Size;
import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.CheckStatus;
import com.amazon.deequ.constraints.ConstraintResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Option;

/**
 * Runs declared checks with Deequ: checks that share their SQL are verified together in one pass
 * over its rows. A broken check names up to {@value #OFFENDERS} of the rows that broke it by their
 * key.
 */
public final class CheckSuite {

    static final int OFFENDERS = 20;

    private final SparkSession spark;
    private final QualityPolicy policy;
    private final MetricsHistory history;

    public CheckSuite(SparkSession spark, QualityPolicy policy, MetricsHistory history) {
        this.spark = spark;
        this.policy = policy;
        this.history = history;
    }

    public List<CheckOutcome> run(List<DeclaredCheck> checks, long runId) {
        Map<String, List<DeclaredCheck>> bySql = new LinkedHashMap<>();
        checks.forEach(c -> bySql.computeIfAbsent(c.data().strip(), k -> new ArrayList<>()).add(c));
        List<Callable<List<CheckOutcome>>> work = new ArrayList<>();
        bySql.forEach((sql, group) -> work.add(() -> runGroup(sql, group, runId)));
        return Deequ.together(work).stream().flatMap(List::stream).toList();
    }

    private List<CheckOutcome> runGroup(String sql, List<DeclaredCheck> group, long runId) {
        List<CheckOutcome> outcomes = new ArrayList<>();
        List<Check> deequChecks = new ArrayList<>();
        Map<DeclaredCheck, Severity> severities = new LinkedHashMap<>();
        for (DeclaredCheck c : group) {
            Severity s = policy.severity(c.name(), c.severity());
            if (s == Severity.OFF) {
                outcomes.add(
                        new CheckOutcome(
                                c.step(),
                                c.layer(),
                                c.name(),
                                c.table(),
                                s,
                                CheckOutcome.Status.SKIPPED,
                                null,
                                0,
                                "switched off by configuration",
                                List.of(),
                                null,
                                null));
                continue;
            }
            severities.put(c, s);
            deequChecks.add(toDeequ(c));
        }
        if (severities.isEmpty()) {
            return outcomes;
        }
        Dataset<Row> data = spark.sql(sql).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Size size = new Size(Option.empty());
            VerificationResult result = Deequ.verify(data, deequChecks, List.of(size));
            history.save(runId, group.get(0).step(), group.get(0).name(), result);
            Double counted = MetricsHistory.metric(result.metrics(), size);
            long total = counted == null ? 0 : Math.round(counted);
            Map<String, ConstraintResult> results = Deequ.constraintResults(result);
            Dataset<Row> rowLevel = null;
            for (Map.Entry<DeclaredCheck, Severity> e : severities.entrySet()) {
                DeclaredCheck c = e.getKey();
                ConstraintResult r = results.get(c.name());
                Double ratio = Deequ.value(r);
                long failing = ratio == null ? 0 : Math.round((1 - ratio) * total);
                boolean broken = r.status() != CheckStatus.Success() && failing > 0;
                List<String> offenders = List.of();
                if (broken && c.key() != null) {
                    if (c.satisfies() != null && rowLevel == null) {
                        rowLevel = Deequ.rowLevel(data, result);
                    }
                    offenders = offenders(c, data, rowLevel);
                }
                Severity s = e.getValue();
                // A dataset check cannot quarantine a row: an error-severity one is reported as a
                // warning.
                Severity shown = s == Severity.ERROR ? Severity.WARNING : s;
                outcomes.add(
                        new CheckOutcome(
                                c.step(),
                                c.layer(),
                                c.name(),
                                c.table(),
                                s,
                                CheckOutcome.statusFor(shown, broken),
                                ratio,
                                failing,
                                failing + " of " + total + " rows break it: " + c.description(),
                                offenders,
                                null,
                                null));
            }
        } finally {
            data.unpersist();
        }
        return outcomes;
    }

    private static Check toDeequ(DeclaredCheck c) {
        if (c.unique() != null) {
            return Deequ.unique(c.name(), c.unique());
        }
        if (c.complete() != null) {
            return Deequ.complete(c.name(), c.complete());
        }
        return Deequ.satisfies(c.name(), "coalesce((" + c.satisfies() + "), false)");
    }

    private static List<String> offenders(
            DeclaredCheck c, Dataset<Row> data, Dataset<Row> rowLevel) {
        Dataset<Row> broken;
        if (c.unique() != null) {
            String cols =
                    c.unique().stream().map(u -> "`" + u + "`").collect(Collectors.joining(", "));
            broken =
                    data.selectExpr("*", "count(*) OVER (PARTITION BY " + cols + ") AS _copies")
                            .where("_copies > 1");
        } else if (c.complete() != null) {
            broken = data.where("`" + c.complete() + "` IS NULL");
        } else {
            broken = rowLevel.where("NOT `" + c.name() + "`");
        }
        return broken
                .selectExpr("CAST(`" + c.key() + "` AS STRING)")
                .distinct()
                .orderBy(c.key())
                .limit(OFFENDERS)
                .collectAsList()
                .stream()
                .map(row -> row.getString(0))
                .toList();
    }
}
