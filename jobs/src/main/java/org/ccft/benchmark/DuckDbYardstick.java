package org.ccft.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    private static final ObjectMapper JSON = new ObjectMapper();

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
            for (FileContract f : CmsContract.CMS_FILES) {
                sql.execute(
                        "CREATE TABLE raw_"
                                + f.table()
                                + " ("
                                + f.columnNames().stream()
                                        .map(c -> DuckDbContractRules.name(c) + " VARCHAR")
                                        .collect(Collectors.joining(", "))
                                + ", export_id VARCHAR)");
            }
            sql.execute(
                    "CREATE TABLE drops (export_id VARCHAR, export_type VARCHAR,"
                            + " extracted_at TIMESTAMPTZ, as_of_date DATE)");
            DropsLanded landed = land(db);
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
            return new Figures(marts, landed.loaded, landed.refused, landed.rowsRead);
        }
    }

    /** The rows of a result, each as its values' text joined by commas, sorted. */
    public static List<String> rows(ResultSet rows) throws SQLException {
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

    private record DropsLanded(List<String> loaded, Map<String, String> refused, long rowsRead) {}

    /**
     * Lands every drop with a manifest, in export_id order: each listed file's checksum (DuckDB's
     * sha256 of the file) and its rows (DuckDB's CSV reader, rows it cannot read counted as rows)
     * are checked against the manifest, and a sound drop's rows go to the raw tables, by column
     * name.
     */
    private DropsLanded land(Connection db) throws SQLException, IOException {
        Path cms = landing.resolve("cms");
        List<Path> folders;
        try (Stream<Path> list = Files.isDirectory(cms) ? Files.list(cms) : Stream.empty()) {
            folders =
                    list.filter(d -> Files.isRegularFile(d.resolve("manifest.json")))
                            .sorted()
                            .toList();
        }
        Map<String, String> sums = checksums(db, cms);
        List<String> loaded = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        long rowsRead = 0;
        for (Path folder : folders) {
            String exportId = folder.getFileName().toString();
            Drop drop;
            try {
                drop = Drop.of(JSON.readTree(folder.resolve("manifest.json").toFile()), exportId);
            } catch (IOException | IllegalArgumentException e) {
                refused.put(exportId, "manifest: " + e.getMessage());
                continue;
            }
            String refusal = null;
            long rows = 0;
            for (Drop.Listed listed : drop.files()) {
                Path file = folder.resolve(listed.name());
                if (!Files.isRegularFile(file)) {
                    refusal = listed.name() + " is missing";
                } else if (!listed.sha256().equalsIgnoreCase(sums.get(file.toString()))) {
                    refusal = listed.name() + ": checksum differs from the manifest's";
                } else {
                    long[] counted =
                            landFile(db, CmsContract.cmsFile(listed.name()), file, exportId);
                    rows += counted[0];
                    if (counted[0] != listed.rows()) {
                        refusal =
                                listed.name()
                                        + " has "
                                        + counted[0]
                                        + " data rows, the manifest says "
                                        + listed.rows();
                    } else if (counted[1] > 0) {
                        refusal = listed.name() + " lacks a required column";
                    }
                }
                if (refusal != null) {
                    break;
                }
            }
            if (refusal != null) {
                for (FileContract f : CmsContract.CMS_FILES) {
                    try (PreparedStatement delete =
                            db.prepareStatement(
                                    "DELETE FROM raw_" + f.table() + " WHERE export_id = ?")) {
                        delete.setString(1, exportId);
                        delete.execute();
                    }
                }
                refused.put(exportId, refusal);
                continue;
            }
            try (PreparedStatement insert =
                    db.prepareStatement(
                            "INSERT INTO drops SELECT ?, ?, CAST(? AS TIMESTAMPTZ),"
                                    + " CAST(CAST(? AS TIMESTAMPTZ) AS DATE)")) {
                insert.setString(1, exportId);
                insert.setString(2, drop.exportType());
                insert.setString(3, drop.extractedAt());
                insert.setString(4, drop.extractedAt());
                insert.execute();
            }
            loaded.add(exportId);
            rowsRead += rows;
        }
        return new DropsLanded(loaded, refused, rowsRead);
    }

    /** Every CSV file's sha256 under the drops, by path, in one pass of DuckDB's. */
    private static Map<String, String> checksums(Connection db, Path cms)
            throws SQLException, IOException {
        Map<String, String> sums = new HashMap<>();
        try (Stream<Path> files = Files.isDirectory(cms) ? Files.walk(cms, 2) : Stream.empty()) {
            if (files.noneMatch(f -> f.toString().endsWith(".csv"))) {
                return sums;
            }
        }
        try (PreparedStatement q =
                db.prepareStatement("SELECT filename, sha256(content) FROM read_blob(?)")) {
            q.setString(1, cms.resolve("*").resolve("*.csv").toString());
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    sums.put(r.getString(1), r.getString(2));
                }
            }
        }
        return sums;
    }

    /**
     * Reads one CSV file into its raw table; returns its data rows (read or not) and how many
     * required columns its header lacks.
     */
    private static long[] landFile(Connection db, FileContract contract, Path file, String exportId)
            throws SQLException {
        long scansBefore = scalar(db, "SELECT coalesce(max(scan_id), -1) FROM reject_scans", -1);
        try (PreparedStatement read =
                db.prepareStatement(
                        "CREATE OR REPLACE TEMP TABLE one_file AS SELECT * FROM read_csv(?,"
                                + " header = true, all_varchar = true, delim = ',', quote = '\"',"
                                + " escape = '\"', store_rejects = true)")) {
            read.setString(1, file.toString());
            read.execute();
        }
        long good = scalar(db, "SELECT count(*) FROM one_file", 0);
        long bad;
        try (PreparedStatement q =
                db.prepareStatement(
                        "SELECT count(DISTINCT line) FROM reject_errors WHERE scan_id > ?")) {
            q.setLong(1, scansBefore);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                bad = r.getLong(1);
            }
        }
        Set<String> header = new TreeSet<>();
        try (Statement s = db.createStatement();
                ResultSet r =
                        s.executeQuery(
                                "SELECT column_name FROM duckdb_columns() WHERE table_name = 'one_file'")) {
            while (r.next()) {
                header.add(r.getString(1));
            }
        }
        long missing =
                contract.columns().stream()
                        .filter(c -> c.required() && !header.contains(c.name()))
                        .count();
        String columns =
                contract.columnNames().stream()
                        .map(
                                c ->
                                        header.contains(c)
                                                ? "nullif(" + DuckDbContractRules.name(c) + ", '')"
                                                : "NULL")
                        .collect(Collectors.joining(", "));
        try (PreparedStatement insert =
                db.prepareStatement(
                        "INSERT INTO raw_"
                                + contract.table()
                                + " SELECT "
                                + columns
                                + ", ? FROM one_file")) {
            insert.setString(1, exportId);
            insert.execute();
        }
        return new long[] {good + bad, missing};
    }

    private static long scalar(Connection db, String query, long orElse) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery(query)) {
            return r.next() && r.getObject(1) != null ? r.getLong(1) : orElse;
        } catch (SQLException e) {
            // reject_scans exists once a scan has stored rejects
            if (e.getMessage().contains("reject_scans")) {
                return orElse;
            }
            throw e;
        }
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

    /** A drop's manifest, as far as the yardstick reads it. */
    private record Drop(String exportType, String extractedAt, List<Listed> files) {

        record Listed(String name, long rows, String sha256) {}

        static Drop of(JsonNode manifest, String folder) {
            if (!folder.equals(manifest.path("export_id").asText())) {
                throw new IllegalArgumentException("export_id does not match its folder");
            }
            String type = manifest.path("export_type").asText();
            if (!type.equals("FULL") && !type.equals("INCREMENTAL")) {
                throw new IllegalArgumentException("export_type " + type);
            }
            List<Listed> files = new ArrayList<>();
            for (JsonNode f : manifest.path("files")) {
                String name = f.path("name").asText();
                if (CmsContract.CMS_FILES.stream().noneMatch(c -> c.file().equals(name))) {
                    throw new IllegalArgumentException("lists " + name + ", not a contract file");
                }
                files.add(new Listed(name, f.path("rows").asLong(-1), f.path("sha256").asText()));
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("lists no files");
            }
            return new Drop(type, manifest.path("extracted_at").asText(), files);
        }
    }
}
