package org.ccft.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ccft.reference.BankHolidays;
import org.ccft.reference.ComplaintTimescale;
import org.ccft.reference.ServiceArea;
import org.ccft.reference.Theme;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.FileContract;

/**
 * The yardstick the nightly job is measured against: the eight marts of marts.md computed by DuckDB
 * straight from a landing area, with the contract's rules, in one process and no Spark. It keeps
 * the same promises as the warehouse, written again for another engine: a damaged drop (a file
 * missing, its checksum or row count not the manifest's, a required column missing, the manifest at
 * odds with its folder) is refused whole; a row that breaks a rule of the contract, or shares its
 * key with a different row of the same drop, is left out; for each key the newest version wins (a
 * FULL export's rows as at its extraction, ties to the later export), a tombstone deletes, and a
 * record a FULL export leaves out, last changed before it, is deleted; deadlines count working days
 * less England's bank holidays. Only the SQL dialect and the engine differ.
 */
public final class DuckDbYardstick {

    /** The marts of marts.md, each with its columns in the contract's order. */
    public static final Map<String, List<String>> CONTRACT_MARTS = contractMarts();

    /**
     * What the yardstick computed: each contract mart's rows (values as text, sorted), the drops it
     * loaded and refused (with why), and the CSV rows it read.
     */
    public record Figures(
            Map<String, List<String>> marts,
            List<String> dropsLoaded,
            Map<String, String> dropsRefused,
            long rowsRead) {}

    private final Path landing;

    public DuckDbYardstick(Path landing) {
        this.landing = landing;
    }

    /** Loads every drop in the landing area and computes the contract marts. */
    public Figures compute() throws SQLException, IOException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = db.createStatement()) {
            sql.execute("SET TimeZone = 'UTC'");
            reference(db);
            Map<String, List<String>> codeLists =
                    Map.of(
                            "service_areas",
                            ServiceArea.all().stream().map(ServiceArea::code).toList(),
                            "themes",
                            Theme.all().stream().map(Theme::code).toList());
            DuckDbLanding.Landed landed = new DuckDbLanding(landing).land(db);
            for (FileContract f : CmsContract.CMS_FILES) {
                DuckDbContractRules rules = new DuckDbContractRules(f, codeLists);
                sql.execute(goodRows(f, rules));
                sql.execute(currentRecords(f));
            }
            ehcpMonths(db, codeLists);
            for (String statement : martStatements()) {
                sql.execute(statement);
            }
            Map<String, List<String>> marts = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> m : CONTRACT_MARTS.entrySet()) {
                try (ResultSet rows =
                        sql.executeQuery(
                                "SELECT "
                                        + m.getValue().stream()
                                                .map(DuckDbContractRules::name)
                                                .collect(Collectors.joining(", "))
                                        + " FROM "
                                        + m.getKey())) {
                    marts.put(m.getKey(), rows(rows));
                }
            }
            return new Figures(marts, landed.loaded(), landed.refused(), landed.rowsRead());
        }
    }

    /** The rows of a result, each as its values' text joined by commas, sorted. */
    private static List<String> rows(ResultSet rows) throws SQLException {
        int n = rows.getMetaData().getColumnCount();
        List<String> out = new ArrayList<>();
        while (rows.next()) {
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                values.add(text(rows.getObject(i)));
            }
            out.add(String.join(",", values));
        }
        out.sort(null);
        return out;
    }

    /** A value as the comparison sees it: a number by its value (2, 2.0 and 2.00 alike). */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString()).stripTrailingZeros();
            return d.signum() == 0 ? "0" : d.toPlainString();
        }
        return value.toString();
    }

    /**
     * The rows of sound drops that break no rule of the contract, typed; a key that comes with
     * different content twice in one drop is left out altogether.
     */
    private static String goodRows(FileContract f, DuckDbContractRules rules) {
        String key = DuckDbContractRules.name(f.key());
        String content =
                f.columnNames().stream()
                        .map(c -> "coalesce(" + DuckDbContractRules.name(c) + ", chr(0))")
                        .collect(Collectors.joining(", "));
        return """
                CREATE TABLE good_%1$s AS
                WITH checked AS (
                  SELECT r.*, d.as_of_date FROM raw_%1$s r JOIN drops d USING (export_id)
                ),
                twice_in_a_drop AS (
                  SELECT export_id, %2$s AS k FROM checked WHERE %2$s IS NOT NULL
                  GROUP BY ALL HAVING count(DISTINCT md5(concat_ws(chr(1), %3$s))) > 1
                )
                SELECT %4$s FROM checked c
                WHERE NOT (%5$s)
                  AND NOT EXISTS (SELECT 1 FROM twice_in_a_drop t WHERE t.export_id = c.export_id AND t.k = c.%2$s)
                """
                .formatted(f.table(), key, content, rules.typedColumns(), rules.broken());
    }

    /**
     * Each key's current version: the newest (a FULL export's rows as at its extraction, a tie to
     * the later export), with a tombstone for a record a FULL export leaves out though it was last
     * changed before that export; deleted records stay as tombstones, which the marts skip.
     */
    private static String currentRecords(FileContract f) {
        String key = DuckDbContractRules.name(f.key());
        return """
                CREATE TABLE current_%1$s AS
                WITH full_exports AS (
                  SELECT export_id, extracted_at FROM drops WHERE export_type = 'FULL'
                ),
                full_export_keys AS (
                  SELECT DISTINCT export_id, %2$s AS k FROM raw_%1$s
                  WHERE %2$s IS NOT NULL AND export_id IN (SELECT export_id FROM full_exports)
                ),
                left_out AS (
                  SELECT DISTINCT g.%2$s AS k, f.export_id, f.extracted_at
                  FROM good_%1$s g JOIN full_exports f ON g.last_modified < f.extracted_at
                  WHERE NOT g.is_deleted
                    AND NOT EXISTS (SELECT 1 FROM full_export_keys fk
                                    WHERE fk.export_id = f.export_id AND fk.k = g.%2$s)
                ),
                versions AS (
                  SELECT * FROM good_%1$s
                  UNION ALL BY NAME
                  SELECT k AS %2$s, export_id, extracted_at AS last_modified, true AS is_deleted
                  FROM left_out
                )
                SELECT v.* FROM versions v LEFT JOIN full_exports f USING (export_id)
                QUALIFY row_number() OVER (
                  PARTITION BY v.%2$s
                  ORDER BY greatest(v.last_modified, coalesce(f.extracted_at, v.last_modified)) DESC,
                           v.export_id DESC) = 1
                """
                .formatted(f.table(), key);
    }

    /**
     * The SAT's monthly figures, as last stated: sat/ehcp_monthly.csv's rows that keep its rules.
     */
    private void ehcpMonths(Connection db, Map<String, List<String>> codeLists)
            throws SQLException {
        FileContract f = CmsContract.EHCP_MONTHLY;
        Path file = landing.resolve("sat").resolve(f.file());
        try (Statement sql = db.createStatement()) {
            sql.execute(
                    "CREATE TABLE ehcp_monthly_raw ("
                            + f.columnNames().stream()
                                    .map(c -> DuckDbContractRules.name(c) + " VARCHAR")
                                    .collect(Collectors.joining(", "))
                            + ", export_id VARCHAR, as_of_date DATE)");
            if (Files.isRegularFile(file)) {
                try (PreparedStatement read =
                        db.prepareStatement(
                                "INSERT INTO ehcp_monthly_raw BY NAME SELECT * FROM read_csv(?,"
                                        + " header = true, all_varchar = true, ignore_errors = true)")) {
                    read.setString(1, file.toString());
                    read.execute();
                }
            }
            DuckDbContractRules rules = new DuckDbContractRules(f, codeLists);
            sql.execute(
                    "CREATE TABLE ehcp_monthly AS SELECT "
                            + rules.typedColumns()
                            + " FROM ehcp_monthly_raw WHERE NOT ("
                            + rules.broken()
                            + ")");
        }
    }

    /** The reference data the marts need: working days, and the complaint timescales. */
    private static void reference(Connection db) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE bank_holidays (date DATE)");
            sql.execute(
                    "CREATE TABLE complaint_timescales (procedure VARCHAR, stage INTEGER,"
                            + " target_working_days INTEGER, extended_working_days INTEGER,"
                            + " valid_from DATE, valid_to DATE)");
        }
        BankHolidays holidays = BankHolidays.england();
        try (PreparedStatement insert =
                db.prepareStatement("INSERT INTO bank_holidays VALUES (?)")) {
            for (var d : holidays.dates()) {
                insert.setObject(1, d);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert =
                db.prepareStatement("INSERT INTO complaint_timescales VALUES (?, ?, ?, ?, ?, ?)")) {
            for (ComplaintTimescale t : ComplaintTimescale.all()) {
                insert.setString(1, t.procedure());
                insert.setInt(2, t.stage());
                insert.setInt(3, t.targetWorkingDays());
                insert.setInt(4, t.extendedWorkingDays());
                insert.setObject(5, t.validFrom());
                insert.setObject(6, t.validTo());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        // Every date of the years the bank-holiday feed covers, and the working days up to it.
        try (PreparedStatement calendar =
                db.prepareStatement(
                        """
                        CREATE TABLE working_days AS
                        WITH days AS (
                          SELECT CAST(unnest(generate_series(make_date(?, 1, 1), make_date(?, 12, 31),
                                                             INTERVAL 1 DAY)) AS DATE) AS date
                        ),
                        flagged AS (
                          SELECT date, dayofweek(date) NOT IN (0, 6)
                                       AND date NOT IN (SELECT date FROM bank_holidays) AS is_working_day
                          FROM days
                        )
                        SELECT date, is_working_day,
                               sum(CASE WHEN is_working_day THEN 1 ELSE 0 END) OVER (ORDER BY date) AS working_day_seq
                        FROM flagged
                        """)) {
            calendar.setInt(1, holidays.firstYear());
            calendar.setInt(2, holidays.lastYear());
            calendar.execute();
        }
    }

    /** The marts' SQL, a statement at a time. */
    private static List<String> martStatements() throws IOException {
        try (InputStream in =
                DuckDbYardstick.class.getResourceAsStream("/benchmark/contract-marts.duckdb.sql")) {
            if (in == null) {
                throw new IllegalStateException(
                        "benchmark/contract-marts.duckdb.sql is not on the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Stream.of(text.split(";\\s*\\n"))
                    .map(
                            s ->
                                    s.lines()
                                            .filter(l -> !l.trim().startsWith("--"))
                                            .collect(Collectors.joining("\n")))
                    .filter(s -> !s.isBlank())
                    .toList();
        }
    }

    private static Map<String, List<String>> contractMarts() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("at_a_glance", List.of("financial_year", "measure", "value", "previous_year_value"));
        List<String> outcome = List.of("upheld", "partially_upheld", "not_upheld");
        m.put(
                "complaint_outcomes",
                concat(
                        List.of(
                                "financial_year",
                                "procedure",
                                "stage",
                                "service_area",
                                "concluded"),
                        outcome,
                        List.of("withdrawn")));
        m.put(
                "complaint_timeliness",
                List.of(
                        "financial_year",
                        "procedure",
                        "stage",
                        "service_area",
                        "responded",
                        "extended",
                        "outside_timescale"));
        m.put("complaint_themes", List.of("financial_year", "theme", "records", "share"));
        m.put(
                "lgo_outcomes",
                concat(
                        List.of("financial_year", "service_area", "received", "decided"),
                        outcome,
                        List.of("outside_remit")));
        m.put(
                "sat_complaints_vs_ehcp",
                List.of(
                        "financial_year",
                        "sat_complaints",
                        "plans_issued",
                        "complaints_per_100_plans"));
        m.put(
                "commitment_followup",
                List.of(
                        "financial_year",
                        "service_area",
                        "made",
                        "without_owner",
                        "without_due_date",
                        "done",
                        "done_late",
                        "open_overdue"));
        m.put(
                "adjustments_compliance",
                List.of(
                        "financial_year",
                        "service_area",
                        "updates_due",
                        "sent_on_time",
                        "sent_late",
                        "not_sent",
                        "adjustment_not_met"));
        return Collections.unmodifiableMap(m);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }
}
