package org.ccft.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ccft.schemas.ColumnSpec;
import org.ccft.schemas.ColumnType;
import org.ccft.schemas.FileContract;

/**
 * A contract file's row rules in DuckDB's SQL, over its raw (text) columns: the condition under
 * which a row breaks any rule, and the typed projection a good row takes. The same contract data as
 * the warehouse's rules (required, required-when, must-be-empty, shapes, code lists, allowed-when,
 * not in the future, date order, not above), compiled for another engine. {@code as_of_date} is the
 * date of the drop's extracted_at. The SQL is made of the contract's own names and the warehouse's
 * code lists, never of anything a drop holds.
 */
final class DuckDbContractRules {

    /** What a contract name or a code-list value may be, to stand in SQL text unescaped. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_ .,()'=-]*");

    private final FileContract contract;
    private final Map<String, List<String>> codeLists;

    DuckDbContractRules(FileContract contract, Map<String, List<String>> codeLists) {
        this.contract = contract;
        this.codeLists = codeLists;
    }

    /** True when a raw row breaks at least one of the contract's rules. */
    String broken() {
        List<String> breaks = new ArrayList<>();
        for (ColumnSpec c : contract.columns()) {
            String col = name(c.name());
            if (c.required()) {
                breaks.add(col + " IS NULL");
            }
            if (c.requiredWhen() != null) {
                breaks.add(
                        col + " IS NULL AND coalesce(" + condition(c.requiredWhen()) + ", false)");
            }
            if (c.emptyUnless() != null) {
                breaks.add(
                        col
                                + " IS NOT NULL AND NOT coalesce("
                                + condition(c.emptyUnless())
                                + ", false)");
            }
            if (c.type().shape() != null) {
                String misshapen =
                        "NOT regexp_full_match(" + col + ", " + text(c.type().shape(), true) + ")";
                String unreadable =
                        switch (c.type()) {
                            case DATE -> " OR " + date(col) + " IS NULL";
                            case TIMESTAMP -> " OR try_cast(" + col + " AS TIMESTAMPTZ) IS NULL";
                            default -> "";
                        };
                breaks.add(col + " IS NOT NULL AND (" + misshapen + unreadable + ")");
            }
            List<String> allowed =
                    c.codeList() != null ? codeList(c.codeList(), c.name()) : c.values();
            if (!allowed.isEmpty()) {
                String list =
                        allowed.stream().map(v -> text(v, false)).collect(Collectors.joining(", "));
                breaks.add(
                        col
                                + " IS NOT NULL AND "
                                + (c.type() == ColumnType.CODES
                                        ? "NOT list_has_all(["
                                                + list
                                                + "], string_split("
                                                + col
                                                + ", '|'))"
                                        : col + " NOT IN (" + list + ")"));
            }
            c.allowedWhen()
                    .forEach(
                            (value, when) ->
                                    breaks.add(
                                            col
                                                    + " = "
                                                    + text(value, false)
                                                    + " AND NOT coalesce("
                                                    + condition(when)
                                                    + ", false)"));
            if (c.notFuture()) {
                breaks.add(date(col) + " > as_of_date");
            }
            if (c.notBefore() != null) {
                breaks.add(date(col) + " < " + date(name(c.notBefore())));
            }
            if (c.notAbove() != null) {
                breaks.add(
                        "try_cast("
                                + col
                                + " AS BIGINT) > try_cast("
                                + name(c.notAbove())
                                + " AS BIGINT)");
            }
        }
        return breaks.stream()
                .map(b -> "coalesce(" + b + ", false)")
                .collect(Collectors.joining(" OR "));
    }

    /**
     * The typed columns a good row takes on: every column the marts could read (no personal one),
     * with the key, the version and the drop.
     */
    String typedColumns() {
        List<String> out = new ArrayList<>();
        for (ColumnSpec c : contract.analyticColumns()) {
            String col = name(c.name());
            String typed =
                    switch (c.type()) {
                        case DATE -> date(col);
                        case TIMESTAMP -> "CAST(" + col + " AS TIMESTAMPTZ)";
                        case FLAG -> "CASE " + col + " WHEN 'Y' THEN true WHEN 'N' THEN false END";
                        case INT -> "CAST(" + col + " AS INTEGER)";
                        case COUNT -> "CAST(" + col + " AS BIGINT)";
                        case MONEY -> "CAST(" + col + " AS DECIMAL(12,2))";
                        case CODES -> "string_split(" + col + ", '|')";
                        case TEXT, ENUM, CODE, MONTH -> col;
                    };
            out.add(typed + " AS " + col);
        }
        out.add("export_id");
        return String.join(", ", out);
    }

    /** Every column of the contract, in its order, quoted. */
    String rawColumns() {
        return contract.columnNames().stream()
                .map(DuckDbContractRules::name)
                .collect(Collectors.joining(", "));
    }

    static String name(String column) {
        if (!column.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a contract column name: " + column);
        }
        return "\"" + column + "\"";
    }

    private static String date(String col) {
        return "CAST(try_strptime(" + col + ", '%Y-%m-%d') AS DATE)";
    }

    /**
     * A condition written in the contract (SQL both engines read alike): plain names and values.
     */
    private String condition(String sql) {
        if (!PLAIN.matcher(sql).matches()) {
            throw new IllegalArgumentException(
                    contract.file() + ": a condition DuckDB is not given: " + sql);
        }
        return sql;
    }

    private static String text(String value, boolean pattern) {
        if (!pattern && !value.matches("[A-Za-z0-9_ .-]*")) {
            throw new IllegalArgumentException("a code that needs escaping: " + value);
        }
        return "'" + value.replace("'", "''") + "'";
    }

    private List<String> codeList(String name, String column) {
        List<String> list = codeLists.get(name);
        if (list == null) {
            throw new IllegalStateException(
                    contract.file() + ": column " + column + " names an unknown list " + name);
        }
        return list;
    }
}
