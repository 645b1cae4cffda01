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
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Option;

/**
 * Row-level rules (the export contract's, compiled to SQL) run as Deequ checks, one per rule, in
 * one pass: each rule is evaluated once per row, Deequ measures how many rows meet each rule (kept
 * in the metrics history), and each row is marked with the rules it breaks. A row that breaks an
 * error or critical rule gets the rule's name in {@code _violations} and goes to quarantine; a
 * warning rule is counted and shown only.
 */
public final class RowRules {

    public static final String VIOLATIONS = "_violations";

    /** A named rule and the SQL condition under which a row breaks it. */
    public record Rule(String name, String breaks) {}

    /** Where a rule's verdict on a row is kept while the rules run: true where the row meets it. */
    private static final String MEETS = "_meets_rule_";

    /**
     * The rows with their {@code _violations} (held in memory, with each rule's verdict, until
     * closed), and one outcome per rule.
     */
    public record Result(Dataset<Row> rows, List<CheckOutcome> outcomes, Dataset<Row> held)
            implements AutoCloseable {

        @Override
        public void close() {
            held.unpersist();
        }
    }

    private final QualityPolicy policy;
    private final MetricsHistory history;

    /**
     * @param history where Deequ's metrics are kept; null keeps none (a check outside a run)
     */
    public RowRules(QualityPolicy policy, MetricsHistory history) {
        this.policy = policy;
        this.history = history;
    }

    public Result check(String table, Dataset<Row> rows, List<Rule> rules, long runId) {
        Map<String, Severity> severities = new LinkedHashMap<>();
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> meets = new ArrayList<>(List.of("*"));
        List<Check> checks = new ArrayList<>();
        for (Rule rule : rules) {
            Severity s = policy.severity(rule.name(), Severity.ERROR);
            if (s != Severity.OFF) {
                // Each rule is evaluated once, row by row, into a column Deequ counts and the
                // violations are read from.
                String column = MEETS + columns.size();
                severities.put(rule.name(), s);
                columns.put(rule.name(), column);
                meets.add("NOT coalesce((" + rule.breaks() + "), false) AS " + column);
                checks.add(Deequ.satisfies(rule.name(), column));
            }
        }
        String quarantining =
                columns.entrySet().stream()
                        .filter(
                                e ->
                                        severities.get(e.getKey()) == Severity.ERROR
                                                || severities.get(e.getKey()) == Severity.CRITICAL)
                        .map(
                                e ->
                                        "CASE WHEN NOT "
                                                + e.getValue()
                                                + " THEN '"
                                                + e.getKey()
                                                + "' END")
                        .collect(Collectors.joining(", "));
        Dataset<Row> evaluated =
                rows.selectExpr(meets.toArray(String[]::new))
                        .selectExpr(
                                "*",
                                "filter(array("
                                        + quarantining
                                        + "), r -> r IS NOT NULL) AS "
                                        + VIOLATIONS)
                        .persist(StorageLevel.MEMORY_AND_DISK());
        Size size = new Size(Option.empty());
        VerificationResult result;
        try {
            result = Deequ.verify(evaluated, checks, List.of(size));
        } catch (RuntimeException e) {
            evaluated.unpersist();
            throw e;
        }
        if (history != null) {
            history.save(runId, "contract", table, result);
        }
        Double counted = MetricsHistory.metric(result.metrics(), size);
        long total = counted == null ? 0 : Math.round(counted);

        List<CheckOutcome> outcomes = new ArrayList<>();
        Map<String, ConstraintResult> byRule = Deequ.constraintResults(result);
        severities.forEach(
                (rule, severity) -> {
                    ConstraintResult r = byRule.get(rule);
                    Double compliance = Deequ.value(r);
                    long failing = compliance == null ? 0 : Math.round((1 - compliance) * total);
                    boolean broken = r.status() != CheckStatus.Success() && failing > 0;
                    String figures = failing + " of " + total + " rows break it";
                    outcomes.add(
                            new CheckOutcome(
                                    "contract",
                                    "raw",
                                    rule,
                                    table,
                                    severity,
                                    CheckOutcome.statusFor(severity, broken),
                                    compliance,
                                    failing,
                                    figures,
                                    List.of(),
                                    null,
                                    null));
                });
        Dataset<Row> marked = evaluated.drop(columns.values().toArray(String[]::new));
        return new Result(marked, outcomes, evaluated);
    }
}
