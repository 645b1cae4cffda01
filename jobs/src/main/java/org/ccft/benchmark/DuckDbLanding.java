package org.ccft.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.FileContract;

/**
 * The yardstick's landing: makes DuckDB's raw tables ({@code raw_<table>}, every contract column as
 * text, with the export_id) and {@code drops}, then loads every drop with a manifest, in export_id
 * order: its rows into the raw tables, and the drop into {@code drops} if it is sound. A damaged
 * drop (a listed file missing, its checksum or row count not the manifest's, a required column
 * missing, a manifest at odds with its folder) is refused whole. Paths and names reach DuckDB as
 * parameters; the SQL holds only the contract's names.
 */
final class DuckDbLanding {

    /** The drops loaded, those refused (with why), and the CSV rows of the loaded ones. */
    record Landed(List<String> loaded, Map<String, String> refused, long rowsRead) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path landing;

    DuckDbLanding(Path landing) {
        this.landing = landing;
    }

    /**
     * Lands every drop with a manifest, in export_id order: each listed file's checksum (DuckDB's
     * sha256 of the file) and its rows (DuckDB's CSV reader, rows it cannot read counted as rows)
     * are checked against the manifest, and a sound drop's rows go to the raw tables, by column
     * name.
     */
    Landed land(Connection db) throws SQLException, IOException {
        try (Statement sql = db.createStatement()) {
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
        }
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
        return new Landed(loaded, refused, rowsRead);
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
     * A drop's manifest, as far as the yardstick reads it: its folder must be its export_id, its
     * files the contract's.
     */
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
            String extractedAt = manifest.path("extracted_at").asText();
            try {
                OffsetDateTime.parse(extractedAt);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "extracted_at " + extractedAt + " is no timestamp");
            }
            return new Drop(type, extractedAt, files);
        }
    }
}
