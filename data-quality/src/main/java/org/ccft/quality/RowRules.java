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
import scala.Option;

/**
 * Row-level rules (the export contract's, compiled to SQL) run as Deequ checks, one per rule, in
 * one pass: Deequ measures how many rows meet each rule (kept in the metrics history) and marks,
 * row by row, which rules each row breaks. A row that breaks an error or critical rule gets the
 * rule's name in {@code _violations} and goes to quarantine; a warning rule is counted and shown
 * only.
 */
public final class RowRules {

    public static final String VIOLATIONS = "_violations";

    /** A named rule and the SQL condition under which a row breaks it. */
    public record Rule(String name, String breaks) {}

    /** The rows with their {@code _violations}, and one outcome per rule. */
    public record Result(Dataset<Row> rows, List<CheckOutcome> outcomes) {}

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
        List<Check> checks = new ArrayList<>();
        for (Rule rule : rules) {
            Severity s = policy.severity(rule.name(), Severity.ERROR);
            if (s != Severity.OFF) {
                severities.put(rule.name(), s);
                checks.add(
                        Deequ.satisfies(
                                rule.name(), "NOT coalesce((" + rule.breaks() + "), false)"));
            }
        }
        Size size = new Size(Option.empty());
        VerificationResult result = Deequ.verify(rows, checks, List.of(size));
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

        // Deequ adds one boolean column per check, named as the check: true where the row meets it.
        String quarantining =
                severities.entrySet().stream()
                        .filter(
                                e ->
                                        e.getValue() == Severity.ERROR
                                                || e.getValue() == Severity.CRITICAL)
                        .map(
                                e ->
                                        "CASE WHEN NOT `"
                                                + e.getKey()
                                                + "` THEN '"
                                                + e.getKey()
                                                + "' END")
                        .collect(Collectors.joining(", "));
        Dataset<Row> rowLevel = Deequ.rowLevel(rows, result);
        List<String> columns = List.of(rowLevel.columns());
        for (String rule : severities.keySet()) {
            if (!columns.contains(rule)) {
                // Deequ gives no row-level column when it could not measure the rule: only right
                // for no rows.
                if (total > 0) {
                    throw new IllegalStateException(
                            "Deequ gave no row-level result for rule "
                                    + rule
                                    + " on "
                                    + table
                                    + ": "
                                    + byRule.get(rule).message().getOrElse(() -> "no message"));
                }
                rowLevel = rowLevel.withColumn(rule, org.apache.spark.sql.functions.lit(true));
            }
        }
        Dataset<Row> marked =
                rowLevel.selectExpr(
                                "*",
                                "filter(array("
                                        + quarantining
                                        + "), r -> r IS NOT NULL) AS "
                                        + VIOLATIONS)
                        .drop(severities.keySet().toArray(String[]::new));
        return new Result(marked, outcomes);
    }
}
