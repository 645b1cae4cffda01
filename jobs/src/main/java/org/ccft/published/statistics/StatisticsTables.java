package org.ccft.published.statistics;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ccft.published.disclosure.CountTable;
import org.ccft.published.disclosure.PublicationPolicy;
import org.ccft.published.disclosure.Suppression;
import org.ccft.reference.ServiceArea;

/**
 * The public figures laid out as DfE publishes statistics on explore education statistics: tidy
 * tables, each row a time period, a place (this council) and one value of each filter, each column
 * after them an indicator (a figure), with a metadata file naming every filter and indicator. A
 * table holds the figures broken down by the same classifications, with {@code Total} where the
 * warehouse publishes a row that adds one of them up; a month's figures go in tables of their own
 * (a file has one kind of time period). A protected figure is the policy's suppressed symbol
 * ({@code c}); one the warehouse does not hold for a row is {@code x}: no cell is blank.
 */
public final class StatisticsTables {

    /** Where the tables go: the public release's folder of that name. */
    public static final String FOLDER = "statistics";

    /** The prefix of a table's name among the public release's Parquet files. */
    public static final String PREFIX = "statistics_";

    /** The place every row is at. */
    public record Council(
            String laCode, String oldLaCode, String name, String regionCode, String regionName) {}

    /** One table: its name, filter columns, indicator columns and rows (every cell as written). */
    public record Table(
            String name,
            List<String> filters,
            List<String> indicators,
            List<List<String>> rows,
            Map<String, String> labels) {

        /** Every column in order: the observational units, the filters, the indicators. */
        public List<String> columns() {
            List<String> all = new ArrayList<>(OBSERVATIONAL);
            all.addAll(filters);
            all.addAll(indicators);
            return all;
        }
    }

    /** The time and geography columns DfE's files start with, in their order. */
    public static final List<String> OBSERVATIONAL =
            List.of(
                    "time_period",
                    "time_identifier",
                    "geographic_level",
                    "country_code",
                    "country_name",
                    "region_code",
                    "region_name",
                    "new_la_code",
                    "old_la_code",
                    "la_name");

    private static final String TOTAL = "Total";

    /** A coordinate in words, where its name is not one (a table's name is read by people). */
    private static final Map<String, String> WORDS =
            Map.of(
                    "from", "enquiry source",
                    "kind", "kind of feedback",
                    "send_service", "send service",
                    "feedback_type", "feedback type");

    private static final Set<String> TIME = Set.of("financial_year", "month", "figure");

    private final PublicationPolicy policy;
    private final Council council;
    private final Map<String, String> areaNames = new LinkedHashMap<>();

    public StatisticsTables(PublicationPolicy policy, Council council) {
        this.policy = policy;
        this.council = council;
        ServiceArea.all().forEach(a -> areaNames.put(a.code(), a.name()));
    }

    /** The tables of every figure the public may see (a hidden total is in none). */
    public List<Table> of(CountTable table, Suppression.Result result) {
        // Cells by (monthly?, filter set).
        Map<String, Map<Set<String>, List<String>>> byKind = new TreeMap<>();
        for (CountTable.Cell cell : table.cells().values()) {
            Map<String, String> at = table.coordinates(cell.id());
            if (cell.hidden() || !at.containsKey("financial_year")) {
                continue; // a total no output shows; DfE's own figures (published by DfE)
            }
            Set<String> filters = new TreeSet<>(at.keySet());
            filters.removeAll(TIME);
            filters.remove("months_held");
            byKind.computeIfAbsent(
                            at.containsKey("month") ? "monthly" : "yearly",
                            k -> new LinkedHashMap<>())
                    .computeIfAbsent(filters, k -> new ArrayList<>())
                    .add(cell.id());
        }
        List<Table> tables = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Map.Entry<String, Map<Set<String>, List<String>>> kind : byKind.entrySet()) {
            boolean monthly = kind.getKey().equals("monthly");
            Map<Set<String>, List<String>> left = new LinkedHashMap<>(kind.getValue());
            while (!left.isEmpty()) {
                // Each of the largest filter sets left makes a table of the figures broken down by
                // it, with those figures' rows over fewer filters as its Total rows.
                List<Set<String>> largest = new ArrayList<>();
                for (Set<String> f : left.keySet()) {
                    if (left.keySet().stream()
                            .noneMatch(g -> g.size() > f.size() && g.containsAll(f))) {
                        largest.add(f);
                    }
                }
                largest.sort(
                        Comparator.comparingInt((Set<String> f) -> -f.size())
                                .thenComparing(Object::toString));
                Set<String> placed = new LinkedHashSet<>();
                for (Set<String> filters : largest) {
                    Set<String> figures = new TreeSet<>();
                    left.get(filters)
                            .forEach(id -> figures.add(table.coordinates(id).get("figure")));
                    List<String> members = new ArrayList<>();
                    left.forEach(
                            (f, cells) -> {
                                if (filters.containsAll(f)) {
                                    cells.stream()
                                            .filter(
                                                    id ->
                                                            figures.contains(
                                                                    table.coordinates(id)
                                                                            .get("figure")))
                                            .forEach(members::add);
                                }
                            });
                    placed.addAll(members);
                    Table t = table(monthly, filters, members, table, result);
                    if (names.add(t.name())) {
                        tables.add(t);
                    } else {
                        tables.add(
                                renamed(
                                        t,
                                        t.name()
                                                + "_"
                                                + String.join("_", t.indicators().subList(0, 1))));
                    }
                }
                left.replaceAll(
                        (f, cells) -> cells.stream().filter(id -> !placed.contains(id)).toList());
                left.values().removeIf(List::isEmpty);
            }
        }
        return tables;
    }

    private static Table renamed(Table t, String name) {
        return new Table(name, t.filters(), t.indicators(), t.rows(), t.labels());
    }

    private Table table(
            boolean monthly,
            Set<String> filterSet,
            List<String> cells,
            CountTable table,
            Suppression.Result result) {
        List<String> filters = ordered(filterSet);
        Set<String> indicators = new TreeSet<>();
        // Row key: time, then filter values; value per indicator.
        Map<List<String>, Map<String, String>> rows =
                new TreeMap<>(Comparator.comparing(Object::toString));
        for (String id : cells) {
            Map<String, String> at = table.coordinates(id);
            List<String> key = new ArrayList<>(time(at, monthly));
            for (String f : filters) {
                key.add(at.containsKey(f) ? value(f, at.get(f)) : TOTAL);
            }
            String figure = at.get("figure");
            indicators.add(figure);
            rows.computeIfAbsent(key, k -> new TreeMap<>())
                    .put(
                            figure,
                            result.isSuppressed(id)
                                    ? policy.symbols().suppressed()
                                    : String.valueOf(table.get(id).value()));
        }
        List<List<String>> out = new ArrayList<>();
        rows.forEach(
                (key, values) -> {
                    List<String> row = new ArrayList<>();
                    row.add(key.get(0));
                    row.add(key.get(1));
                    row.addAll(
                            List.of(
                                    "Local authority",
                                    "E92000001",
                                    "England",
                                    council.regionCode(),
                                    council.regionName(),
                                    council.laCode(),
                                    council.oldLaCode(),
                                    council.name()));
                    row.addAll(key.subList(2, key.size()));
                    indicators.forEach(
                            i -> row.add(values.getOrDefault(i, policy.symbols().notAvailable())));
                    out.add(row);
                });
        Map<String, String> labels = new LinkedHashMap<>();
        filters.forEach(f -> labels.put(f, label(f)));
        indicators.forEach(i -> labels.put(i, label(i)));
        return new Table(name(monthly, filters), filters, List.copyOf(indicators), out, labels);
    }

    /** The filters in the policy's order of classifications, then any other by name. */
    private List<String> ordered(Set<String> filters) {
        List<String> out = new ArrayList<>();
        policy.by().values().forEach(c -> c.stream().filter(filters::contains).forEach(out::add));
        filters.stream().filter(f -> !out.contains(f)).sorted().forEach(out::add);
        return out;
    }

    /**
     * {@code statistics_by_stage_and_service_area}, {@code statistics_monthly_totals}: a
     * classification by its name where all its coordinates are filters (or the filter is its
     * namesake), else the filter in words.
     */
    private String name(boolean monthly, List<String> filters) {
        Set<String> words = new LinkedHashSet<>();
        for (String f : filters) {
            words.add(
                    policy.by().entrySet().stream()
                            .filter(e -> e.getValue().contains(f))
                            .filter(e -> filters.containsAll(e.getValue()) || e.getKey().equals(f))
                            .map(Map.Entry::getKey)
                            .findFirst()
                            .orElse(WORDS.getOrDefault(f, f))
                            .replace(' ', '_'));
        }
        return PREFIX
                + (monthly ? "monthly_" : "")
                + (words.isEmpty() ? "totals" : "by_" + String.join("_and_", words));
    }

    /** time_period and time_identifier: {@code 202223, Financial year}; {@code 2023, April}. */
    private static List<String> time(Map<String, String> at, boolean monthly) {
        if (monthly) {
            YearMonth m = YearMonth.parse(at.get("month"));
            return List.of(
                    String.valueOf(m.getYear()),
                    m.getMonth().getDisplayName(TextStyle.FULL, Locale.UK));
        }
        String fy = at.get("financial_year");
        return List.of(fy.substring(0, 4) + fy.substring(5, 7), "Financial year");
    }

    /** A filter's value as a reader reads it. */
    private String value(String filter, String code) {
        return switch (filter) {
            case "service_area" -> areaNames.getOrDefault(code, label(code));
            case "send_service" -> "true".equals(code) ? "SEND service" : "Other service";
            case "stage" -> "Stage " + code;
            case "quarter" -> "Q" + code;
            default -> label(code);
        };
    }

    /** A code or column name in words: {@code complaints_received} is "Complaints received". */
    static String label(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT).trim();
        return words.isEmpty()
                ? words
                : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
