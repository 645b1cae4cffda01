package org.ccft.staging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.quality.RowRules;
import org.ccft.reference.ComplaintTimescale;
import org.ccft.reference.ServiceArea;
import org.ccft.reference.Team;
import org.ccft.reference.Theme;
import org.ccft.schemas.ColumnSpec;
import org.ccft.schemas.ColumnType;
import org.ccft.schemas.FileContract;

/**
 * Compiles a contract file's rules into Spark SQL over the raw (text) columns: one expression per
 * rule that is true when a row breaks it, named as quarantine shows it ({@code
 * code_list:service_area}), and the typed projection a good row takes into the conformed layer.
 * {@code _as_of_date} is the date of the drop's {@code extracted_at}: "not in the future" means not
 * after the export was taken.
 */
public final class ContractRules {

    /** The parser's error codes, by the rule a row with one breaks. */
    static final Map<String, String> CSV_FORMAT = new LinkedHashMap<>();

    static {
        CSV_FORMAT.put("csv_format:unreadable", "csv_unreadable");
        CSV_FORMAT.put("csv_format:field_count", "csv_field_count");
        CSV_FORMAT.put("csv_format:duplicate_column", "header_duplicate_column");
        CSV_FORMAT.put("csv_format:encoding", "encoding_not_utf8");
    }

    /** What a free-text column holds past raw when its value is not on its reference list. */
    public static final String UNLISTED = "UNLISTED";

    private final FileContract contract;
    private final Map<String, List<String>> codeLists;

    public ContractRules(FileContract contract, Map<String, List<String>> codeLists) {
        this.contract = contract;
        this.codeLists = codeLists;
    }

    /** The code lists the warehouse owns as reference data. */
    public static Map<String, List<String>> referenceCodeLists() {
        return Map.of(
                "service_areas", ServiceArea.all().stream().map(ServiceArea::code).toList(),
                "themes", Theme.all().stream().map(Theme::code).toList(),
                "teams", Team.all().stream().map(Team::name).toList());
    }

    /**
     * Rule name to the SQL condition under which a row breaks it, in the order they are reported.
     */
    public Map<String, String> violations() {
        Map<String, String> rules = new LinkedHashMap<>();
        // What the parser could not read, by its error code (CmsCsvParser): one rule each, one
        // family.
        CSV_FORMAT.forEach((rule, code) -> rules.put(rule, "_parse_error LIKE '" + code + "%'"));
        rules.put(
                "csv_format",
                "_parse_error IS NOT NULL AND NOT ("
                        + CSV_FORMAT.values().stream()
                                .map(code -> "_parse_error LIKE '" + code + "%'")
                                .reduce((a, b) -> a + " OR " + b)
                                .orElseThrow()
                        + ")");
        for (ColumnSpec c : contract.columns()) {
            String col = "`" + c.name() + "`";
            if (c.required()) {
                rules.put("required:" + c.name(), col + " IS NULL");
            }
            if (c.requiredWhen() != null) {
                rules.put(
                        "required_when:" + c.name(),
                        col + " IS NULL AND coalesce(" + c.requiredWhen() + ", false)");
            }
            if (c.emptyUnless() != null) {
                rules.put(
                        "must_be_empty:" + c.name(),
                        col + " IS NOT NULL AND NOT coalesce(" + c.emptyUnless() + ", false)");
            }
            String type = typeViolation(c, col);
            if (type != null) {
                rules.put("type:" + c.name(), col + " IS NOT NULL AND (" + type + ")");
            }
            List<String> allowed = allowedValues(c);
            if (!allowed.isEmpty()) {
                String list = DeltaTables.sqlList(allowed);
                String check =
                        c.type() == ColumnType.CODES
                                ? "NOT forall(split(" + col + ", '[|]'), x -> x IN " + list + ")"
                                : col + " NOT IN " + list;
                rules.put("code_list:" + c.name(), col + " IS NOT NULL AND " + check);
            }
            c.allowedWhen()
                    .forEach(
                            (value, condition) ->
                                    rules.put(
                                            "not_allowed:" + c.name() + "=" + value,
                                            col
                                                    + " = '"
                                                    + value
                                                    + "' AND NOT coalesce("
                                                    + condition
                                                    + ", false)"));
            if (c.notFuture()) {
                rules.put(
                        "future_date:" + c.name(),
                        "to_date(" + col + ", 'yyyy-MM-dd') > _as_of_date");
            }
            if (c.notBefore() != null) {
                rules.put(
                        "date_order:" + c.name(),
                        "to_date("
                                + col
                                + ", 'yyyy-MM-dd') < to_date(`"
                                + c.notBefore()
                                + "`, 'yyyy-MM-dd')");
            }
            if (c.inForce() != null) {
                rules.put("not_in_force:" + c.name(), notInForce(c, col));
            }
            if (c.notAbove() != null) {
                rules.put(
                        "not_above:" + c.name(),
                        "try_cast("
                                + col
                                + " AS BIGINT) > try_cast(`"
                                + c.notAbove()
                                + "` AS BIGINT)");
            }
        }
        return rules;
    }

    /**
     * Every rule a row of one drop can break, for Deequ to run: the contract's, then a key that
     * comes with different content twice in one drop ({@code _versions_in_drop}, computed by the
     * caller).
     */
    public List<RowRules.Rule> rules() {
        List<RowRules.Rule> out = new ArrayList<>();
        violations().forEach((name, breaks) -> out.add(new RowRules.Rule(name, breaks)));
        out.add(
                new RowRules.Rule(
                        "duplicate_key_in_drop",
                        "`" + contract.key() + "` IS NOT NULL AND _versions_in_drop > 1"));
        return out;
    }

    /**
     * A stage its procedure did not have on the record's received_date: true when procedure, stage
     * and date are each well formed and no row of the reference table, valid that day, has them.
     * The reference data is the project's own, versioned; no value of the drop is written here.
     */
    private static String notInForce(ColumnSpec c, String col) {
        if (!"complaint_timescales".equals(c.inForce())) {
            throw new IllegalStateException(
                    "column "
                            + c.name()
                            + ": in_force knows complaint_timescales, not "
                            + c.inForce());
        }
        List<ComplaintTimescale> timescales = ComplaintTimescale.all();
        String received = "to_date(`received_date`, 'yyyy-MM-dd')";
        String inForce =
                timescales.stream()
                        .map(
                                t ->
                                        "(`procedure` = '"
                                                + t.procedure()
                                                + "' AND "
                                                + col
                                                + " = '"
                                                + t.stage()
                                                + "' AND "
                                                + received
                                                + " >= DATE'"
                                                + t.validFrom()
                                                + "'"
                                                + (t.validTo() == null
                                                        ? ""
                                                        : " AND "
                                                                + received
                                                                + " <= DATE'"
                                                                + t.validTo()
                                                                + "'")
                                                + ")")
                        .reduce((a, b) -> a + " OR " + b)
                        .orElse("false");
        return "`procedure` IN "
                + DeltaTables.sqlList(
                        timescales.stream().map(ComplaintTimescale::procedure).distinct().toList())
                + " AND "
                + col
                + " IN "
                + DeltaTables.sqlList(
                        timescales.stream().map(t -> String.valueOf(t.stage())).distinct().toList())
                + " AND "
                + received
                + " IS NOT NULL AND NOT ("
                + inForce
                + ")";
    }

    private static String typeViolation(ColumnSpec c, String col) {
        if (c.type().shape() == null) {
            return null;
        }
        String misshapen = "NOT " + col + " RLIKE '^(" + c.type().shape() + ")$'";
        return switch (c.type()) {
            case DATE -> misshapen + " OR to_date(" + col + ", 'yyyy-MM-dd') IS NULL";
            case TIMESTAMP -> misshapen + " OR try_cast(" + col + " AS TIMESTAMP) IS NULL";
            default -> misshapen;
        };
    }

    private List<String> allowedValues(ColumnSpec c) {
        return c.codeList() != null ? list(c.codeList(), c) : c.values();
    }

    private List<String> list(String name, ColumnSpec c) {
        List<String> list = codeLists.get(name);
        if (list == null) {
            throw new IllegalStateException(
                    contract.file() + ": column " + c.name() + " names an unknown list " + name);
        }
        return list;
    }

    /**
     * The typed, personal-data-free projection a good row takes into the conformed layer: no
     * personal column, and a free-text column with a reference list only as a listed name (else
     * {@link #UNLISTED}).
     */
    public List<String> conformedColumns() {
        List<String> out = new ArrayList<>();
        for (ColumnSpec c : contract.analyticColumns()) {
            String col = "`" + c.name() + "`";
            String typed =
                    switch (c.type()) {
                        case DATE -> "to_date(" + col + ", 'yyyy-MM-dd')";
                        case TIMESTAMP -> "cast(" + col + " AS TIMESTAMP)";
                        case FLAG -> "CASE " + col + " WHEN 'Y' THEN true WHEN 'N' THEN false END";
                        case INT -> "cast(" + col + " AS INT)";
                        case COUNT -> "cast(" + col + " AS BIGINT)";
                        case MONEY -> "cast(" + col + " AS DECIMAL(12,2))";
                        case CODES -> "split(" + col + ", '[|]')";
                        case TEXT, ENUM, CODE, MONTH -> col;
                    };
            if (c.listedIn() != null) {
                // Free text that could name a person goes no further than raw unless it is a listed
                // name.
                typed =
                        "CASE WHEN "
                                + col
                                + " IS NULL THEN NULL WHEN "
                                + col
                                + " IN "
                                + DeltaTables.sqlList(list(c.listedIn(), c))
                                + " THEN "
                                + col
                                + " ELSE '"
                                + UNLISTED
                                + "' END";
            }
            out.add(typed + " AS " + col);
        }
        out.add("export_id");
        out.add("file AS source_file");
        out.add("line AS source_line");
        return out;
    }
}
