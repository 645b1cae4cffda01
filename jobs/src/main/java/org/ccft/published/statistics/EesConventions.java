package org.ccft.published.statistics;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The rules of DfE's explore education statistics for a data file and its metadata file, as its
 * screener (eesyscreener, dfe-published-data-qa) checks them, for the files this project publishes:
 * file names, the time and geography columns and their values, column names, no blank cell, the GSS
 * symbols, and a metadata row for every filter and indicator. (A Total row for a filter is DfE's
 * advice, not a rule: a table has one where the warehouse publishes that total.) Each problem names
 * the file, the row (or column) and the rule.
 */
public final class EesConventions {

    static final List<String> MANDATORY =
            List.of(
                    "time_period",
                    "time_identifier",
                    "geographic_level",
                    "country_code",
                    "country_name");
    static final List<String> LOCAL_AUTHORITY = List.of("new_la_code", "old_la_code", "la_name");
    static final List<String> META_COLUMNS =
            List.of(
                    "col_name",
                    "col_type",
                    "label",
                    "indicator_grouping",
                    "indicator_unit",
                    "indicator_dp",
                    "filter_hint",
                    "filter_grouping_column");
    static final Set<String> GSS_SYMBOLS = Set.of("c", "x", "z", "low");
    static final Set<String> LEGACY_SYMBOLS = Set.of("~", ":");
    static final Set<String> UNITS = Set.of("", "%", "pp", "£", "£m");
    private static final List<String> MONTHS =
            List.of(
                    "January",
                    "February",
                    "March",
                    "April",
                    "May",
                    "June",
                    "July",
                    "August",
                    "September",
                    "October",
                    "November",
                    "December");
    private static final Set<String> FOUR_DIGIT = Set.of("Calendar year", "Reporting year");
    private static final Set<String> SIX_DIGIT =
            Set.of("Financial year", "Academic year", "Tax year", "Autumn and spring term");
    private static final Set<String> LEVELS = Set.of("National", "Regional", "Local authority");
    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern FILE = Pattern.compile("[a-z0-9_]+\\.csv");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private EesConventions() {}

    /** The problems of a data file and the metadata file beside it ({@code x.meta.csv}). */
    public static List<String> check(Path data) throws IOException {
        List<String> problems = new ArrayList<>();
        String name = data.getFileName().toString();
        if (!FILE.matcher(name).matches()) {
            problems.add(name + ": file name: lower case letters, digits and _ only, ending .csv");
        }
        Path meta = data.resolveSibling(name.replaceFirst("\\.csv$", ".meta.csv"));
        if (!Files.exists(meta)) {
            problems.add(name + ": metadata: no " + meta.getFileName() + " beside it");
            return problems;
        }
        List<CSVRecord> rows = read(data);
        List<CSVRecord> metaRows = read(meta);
        if (rows.isEmpty()) {
            problems.add(name + ": no header row");
            return problems;
        }
        List<String> header = rows.get(0).toList();
        checkHeader(name, header, problems);
        Map<String, CSVRecord> byColumn =
                checkMeta(meta.getFileName().toString(), metaRows, problems);
        Set<String> observational = new HashSet<>(StatisticsTables.OBSERVATIONAL);
        for (String column : header) {
            if (!observational.contains(column) && !byColumn.containsKey(column)) {
                problems.add(
                        name
                                + ": column "
                                + column
                                + ": metadata: no row in "
                                + meta.getFileName());
            }
        }
        for (String column : byColumn.keySet()) {
            if (!header.contains(column)) {
                problems.add(
                        meta.getFileName() + ": col_name " + column + ": not a column of " + name);
            }
            if (observational.contains(column)) {
                problems.add(
                        meta.getFileName()
                                + ": col_name "
                                + column
                                + ": a time or geography column is not described in the metadata");
            }
        }
        Set<String> timeKinds = new HashSet<>();
        for (int r = 1; r < rows.size(); r++) {
            CSVRecord row = rows.get(r);
            String where = name + ": row " + (r + 1);
            if (row.size() != header.size()) {
                problems.add(where + ": " + row.size() + " cells, the header has " + header.size());
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                cells.put(header.get(c), row.get(c));
            }
            cells.forEach(
                    (column, value) -> {
                        if (value.isBlank()) {
                            problems.add(
                                    where
                                            + ": column "
                                            + column
                                            + ": blank cell (write a GSS symbol: c, x, z or low)");
                        }
                    });
            checkTime(
                    where,
                    cells.get("time_period"),
                    cells.get("time_identifier"),
                    timeKinds,
                    problems);
            String level = cells.getOrDefault("geographic_level", "");
            if (!LEVELS.contains(level)) {
                problems.add(
                        where + ": geographic_level " + level + ": not a level these files use");
            }
            if (level.equals("Local authority") && !header.containsAll(LOCAL_AUTHORITY)) {
                problems.add(where + ": a Local authority row needs " + LOCAL_AUTHORITY);
            }
            for (Map.Entry<String, CSVRecord> m : byColumn.entrySet()) {
                String value = cells.get(m.getKey());
                if (value == null) {
                    continue;
                }
                if ("Indicator".equals(m.getValue().get(1))) {
                    if (LEGACY_SYMBOLS.contains(value)) {
                        problems.add(
                                where + ": indicator " + m.getKey() + ": legacy symbol " + value);
                    } else if (!value.isBlank()
                            && !GSS_SYMBOLS.contains(value)
                            && !NUMBER.matcher(value).matches()) {
                        problems.add(
                                where
                                        + ": indicator "
                                        + m.getKey()
                                        + ": "
                                        + value
                                        + " is neither a number nor a GSS symbol (c, x, z, low)");
                    }
                }
            }
        }
        if (timeKinds.size() > 1) {
            problems.add(name + ": time_identifier: one kind of period per file, not " + timeKinds);
        }
        return problems;
    }

    private static void checkHeader(String name, List<String> header, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!SNAKE.matcher(column).matches()) {
                problems.add(name + ": column " + column + ": names are snake_case (a-z, 0-9, _)");
            }
            if (column.length() > 50) {
                problems.add(name + ": column " + column + ": longer than 50 characters");
            }
            if (!seen.add(column)) {
                problems.add(name + ": column " + column + ": named twice");
            }
        }
        for (String column : MANDATORY) {
            if (!header.contains(column)) {
                problems.add(
                        name
                                + ": column "
                                + column
                                + ": missing (every file has "
                                + MANDATORY
                                + ")");
            }
        }
        List<String> present =
                header.stream().filter(StatisticsTables.OBSERVATIONAL::contains).toList();
        if (!header.subList(0, Math.min(present.size(), header.size())).equals(present)) {
            problems.add(name + ": the time and geography columns come first");
        }
    }

    private static void checkTime(
            String where,
            String period,
            String identifier,
            Set<String> kinds,
            List<String> problems) {
        if (period == null || identifier == null) {
            return;
        }
        boolean month = MONTHS.contains(identifier);
        kinds.add(month ? "month" : identifier);
        if (month || FOUR_DIGIT.contains(identifier)) {
            if (!period.matches("[0-9]{4}")) {
                problems.add(where + ": time_period " + period + ": four digits for " + identifier);
            }
        } else if (SIX_DIGIT.contains(identifier)) {
            if (!period.matches("[0-9]{6}")) {
                problems.add(where + ": time_period " + period + ": six digits for " + identifier);
            } else {
                int start = Integer.parseInt(period.substring(2, 4));
                int end = Integer.parseInt(period.substring(4, 6));
                if ((start + 1) % 100 != end) {
                    problems.add(
                            where
                                    + ": time_period "
                                    + period
                                    + ": six digits name consecutive years (202223)");
                }
            }
        } else {
            problems.add(
                    where
                            + ": time_identifier "
                            + identifier
                            + ": not one explore education statistics accepts");
        }
    }

    private static Map<String, CSVRecord> checkMeta(
            String name, List<CSVRecord> rows, List<String> problems) {
        Map<String, CSVRecord> byColumn = new LinkedHashMap<>();
        if (rows.isEmpty() || !rows.get(0).toList().equals(META_COLUMNS)) {
            problems.add(name + ": header: must be " + META_COLUMNS);
            return byColumn;
        }
        Set<String> labels = new HashSet<>();
        for (int r = 1; r < rows.size(); r++) {
            CSVRecord row = rows.get(r);
            String where = name + ": row " + (r + 1);
            if (row.size() != META_COLUMNS.size()) {
                problems.add(
                        where
                                + ": "
                                + row.size()
                                + " cells, the header has "
                                + META_COLUMNS.size());
                continue;
            }
            String column = row.get(0);
            String type = row.get(1);
            String label = row.get(2);
            if (!type.equals("Filter") && !type.equals("Indicator")) {
                problems.add(where + ": col_type " + type + ": Filter or Indicator");
            }
            if (label.isBlank()) {
                problems.add(where + ": label: every column has one");
            } else if (!labels.add(label)) {
                problems.add(where + ": label " + label + ": used twice");
            }
            if (!UNITS.contains(row.get(4))) {
                problems.add(where + ": indicator_unit " + row.get(4) + ": one of " + UNITS);
            }
            if (!row.get(5).isEmpty() && !row.get(5).matches("[0-9]+")) {
                problems.add(where + ": indicator_dp " + row.get(5) + ": a whole number");
            }
            if (type.equals("Filter") && !(row.get(3) + row.get(4) + row.get(5)).isEmpty()) {
                problems.add(
                        where + ": a filter has no indicator grouping, unit or decimal places");
            }
            if (byColumn.putIfAbsent(column, row) != null) {
                problems.add(where + ": col_name " + column + ": described twice");
            }
        }
        return byColumn;
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (Reader in = new java.io.StringReader(text)) {
            return CSVFormat.RFC4180.parse(in).getRecords();
        }
    }
}
