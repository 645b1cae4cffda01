package org.ccft.published.disclosure;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ccft.marts.Disclosure;
import org.ccft.reference.ServiceArea;
import org.ccft.reference.calendar.FinancialYear;

/**
 * Every public mart's figures as one {@link CountTable}, built from the marts' {@link Disclosure}
 * declarations, so that one {@link Suppression} protects them together: a figure shown in two marts
 * (At a Glance's statutory stage 3, and the same complaints by service area) is one cell,
 * suppressed in both or neither, and whatever adds up in one mart is known to a reader of the
 * others.
 *
 * <p>A cell's id is its figure and its coordinates ({@code
 * complaints_received{financial_year=2022-23, procedure=STATUTORY, stage=3}}). Within each mart,
 * the total over every breakdown is a cell too: the same id as a figure another mart shows, else a
 * hidden total. Two hierarchies hold across marts: a service area lies within the SEND service or
 * outside it (reference data), and a month within its financial year; a total over service areas
 * keeps the SEND split, one over months keeps the year.
 */
public final class PublicFigures {

    /** The rows of one mart, as read from its published file. */
    public record MartRows(
            String mart,
            Disclosure disclosure,
            List<String> columns,
            List<Map<String, Object>> rows) {}

    /** What the public sees of one mart: per row, the columns shown as {@code c}. */
    public record Decision(String mart, List<Set<String>> suppressedColumns) {}

    /** The outcome over every public mart: decisions, and the table they came from. */
    public record Outcome(
            CountTable table,
            IdentityMiner.Found mined,
            Suppression.Result result,
            Map<String, Decision> decisions,
            Map<String, String> placeOf) {

        /** Where each suppressed cell is shown first: {@code mart row-values column}. */
        public Map<String, String> suppressedCells() {
            Map<String, String> out = new LinkedHashMap<>();
            result.suppressed().forEach(id -> out.put(id, placeOf.getOrDefault(id, "(a total)")));
            return out;
        }
    }

    private record Total(Map<String, String> at, String over, List<String> parts) {}

    private static final String NONE = "(none)";
    private static final Map<String, String> PARENT =
            Map.of("service_area", "send_service", "month", "financial_year");

    private final Map<String, String> sendServiceOf = new LinkedHashMap<>();
    private final CountTable table = new CountTable();
    private final PublicationPolicy policy;

    /** A cell's figure and coordinates, to find its totals. */
    private final Map<String, Map<String, String>> coordinatesOf = new LinkedHashMap<>();

    private final Map<String, String> placeOf = new LinkedHashMap<>();
    private final List<MartRows> marts = new ArrayList<>();

    /**
     * Per mart, per row, per column: the cell it shows, or the cells a derived column comes from.
     */
    private final Map<String, List<Map<String, List<String>>>> shows = new LinkedHashMap<>();

    public PublicFigures(PublicationPolicy policy) {
        this.policy = policy;
        ServiceArea.all()
                .forEach(a -> sendServiceOf.put(a.code(), String.valueOf(a.sendService())));
    }

    public PublicFigures add(MartRows mart) {
        Disclosure d = mart.disclosure();
        if (d.isWithheld()) {
            return this;
        }
        marts.add(mart);
        List<Map<String, List<String>>> martShows = new ArrayList<>();
        shows.put(mart.mart(), martShows);
        if (d.counts().isEmpty() && d.measure() == null && d.isExempt()) {
            mart.rows().forEach(r -> martShows.add(Map.of()));
            return this;
        }
        checkEveryColumnIsDeclared(mart);
        Set<String> own = new LinkedHashSet<>();
        for (int i = 0; i < mart.rows().size(); i++) {
            Map<String, Object> row = mart.rows().get(i);
            Map<String, List<String>> cells = new LinkedHashMap<>();
            martShows.add(cells);
            Map<String, String> base = new TreeMap<>();
            for (String k : concat(d.keys(), d.breakdowns())) {
                if (mart.columns().contains(k)) {
                    base.put(k, text(row.get(k)));
                }
            }
            if (d.measure() != null) {
                String m = text(row.get(d.measure().column()));
                Map<String, String> figure = d.measure().figures().get(m);
                if (figure == null) {
                    throw new IllegalStateException(
                            mart.mart()
                                    + ": measure "
                                    + m
                                    + " names no figure in the mart's "
                                    + "disclosure declaration");
                }
                publish(mart, i, d.measure().value(), figure, base, row, cells, own);
                for (Map.Entry<String, String> p : d.previousYear().entrySet()) {
                    if (p.getValue().equals(d.measure().value())) {
                        publish(mart, i, p.getKey(), figure, lastYear(base), row, cells, own);
                    }
                }
            }
            for (String column : d.counts().keySet()) {
                publish(mart, i, column, d.figureOf(column), base, row, cells, own);
            }
            for (Map.Entry<String, String> p : d.previousYear().entrySet()) {
                if (d.counts().containsKey(p.getValue())) {
                    publish(
                            mart,
                            i,
                            p.getKey(),
                            d.figureOf(p.getValue()),
                            lastYear(base),
                            row,
                            cells,
                            own);
                }
            }
            for (Disclosure.Within w : d.within()) {
                if (cells.containsKey(w.whole())
                        && w.parts().stream().allMatch(cells::containsKey)) {
                    table.sum(
                            cells.get(w.whole()).get(0),
                            w.parts().stream().map(p -> cells.get(p).get(0)).toList());
                }
            }
        }
        totals(d, own);
        for (int i = 0; i < mart.rows().size(); i++) {
            Map<String, List<String>> cells = martShows.get(i);
            rolling(mart, i, cells);
            for (Map.Entry<String, List<String>> e : d.derived().entrySet()) {
                List<String> from = new ArrayList<>();
                for (String ref : e.getValue()) {
                    String count = ref.split(" over ")[0].trim();
                    if (mart.rows().get(i).get(count) == null && d.counts().containsKey(count)) {
                        continue; // no count, no figure: the derived column is empty too
                    }
                    from.add(resolve(mart, i, ref, cells));
                }
                cells.put(e.getKey(), from);
            }
        }
        return this;
    }

    /**
     * Suppresses over every mart added, knowing every identity the figures obey (declared, and
     * mined from them), and says per row which columns are {@code c}.
     */
    public Outcome suppress() {
        IdentityMiner.Found mined = IdentityMiner.mine(table);
        Suppression.Result result = new Suppression(policy.threshold()).apply(table);
        Map<String, Decision> decisions = new LinkedHashMap<>();
        for (MartRows mart : marts) {
            List<Set<String>> perRow = new ArrayList<>();
            for (Map<String, List<String>> cells : shows.get(mart.mart())) {
                Set<String> hidden = new LinkedHashSet<>();
                cells.forEach(
                        (column, ids) -> {
                            if (ids.stream().anyMatch(result::isSuppressed)) {
                                hidden.add(column);
                            }
                        });
                perRow.add(hidden);
            }
            decisions.put(mart.mart(), new Decision(mart.mart(), perRow));
        }
        return new Outcome(table, mined, result, decisions, placeOf);
    }

    private void publish(
            MartRows mart,
            int i,
            String column,
            Map<String, String> figure,
            Map<String, String> base,
            Map<String, Object> row,
            Map<String, List<String>> cells,
            Set<String> own) {
        Object v = row.get(column);
        if (v == null) {
            return;
        }
        Map<String, String> at = new TreeMap<>(base);
        figure.forEach(
                (k, val) -> {
                    if (!k.equals("figure")) {
                        at.put(k, val);
                    }
                });
        String id =
                register(
                        figure.get("figure"),
                        at,
                        ((Number) v).longValue(),
                        mart.disclosure().isExempt(),
                        false);
        placeOf.putIfAbsent(id, mart.mart() + " " + rowLabel(mart, i) + " " + column);
        cells.put(column, List.of(id));
        own.add(id);
    }

    /** Registers a figure at its coordinates (with the hierarchies' parents) and returns its id. */
    private String register(
            String figure, Map<String, String> at, long value, boolean exempt, boolean hidden) {
        Map<String, String> coords = new TreeMap<>(at);
        if (coords.containsKey("service_area") && !coords.containsKey("send_service")) {
            coords.put(
                    "send_service",
                    sendServiceOf.getOrDefault(coords.get("service_area"), "false"));
        }
        if (coords.containsKey("month") && !coords.containsKey("financial_year")) {
            coords.put(
                    "financial_year",
                    FinancialYear.of(YearMonth.parse(coords.get("month")).atDay(1)));
        }
        String id = figure + coords;
        Map<String, String> withFigure = new TreeMap<>(coords);
        withFigure.put("figure", figure);
        // The policy's one-way totals are published exactly, and shown (a hidden one in the
        // statistics tables).
        boolean exact = policy.isExact(coords);
        table.merge(id, withFigure, value, exempt || exact, hidden && !exact);
        coordinatesOf.putIfAbsent(id, withFigure);
        return id;
    }

    /**
     * The totals a reader can add up in this mart: over each breakdown in turn (a child before its
     * parent), then over the totals' breakdowns, until none is left.
     */
    private void totals(Disclosure d, Set<String> own) {
        List<String> queue = new ArrayList<>(own);
        Set<String> seen = new LinkedHashSet<>(own);
        while (!queue.isEmpty()) {
            Map<String, Total> groups = new LinkedHashMap<>();
            for (String id : queue) {
                Map<String, String> c = coordinatesOf.get(id);
                for (String b : d.breakdowns()) {
                    if (!c.containsKey(b)
                            || PARENT.entrySet().stream()
                                    .anyMatch(
                                            p ->
                                                    p.getValue().equals(b)
                                                            && c.containsKey(p.getKey()))) {
                        continue;
                    }
                    Map<String, String> total = new TreeMap<>(c);
                    total.remove(b);
                    groups.computeIfAbsent(
                                    total + "|" + b, k -> new Total(total, b, new ArrayList<>()))
                            .parts()
                            .add(id);
                }
            }
            List<String> next = new ArrayList<>();
            for (Total t : groups.values()) {
                Map<String, String> at = new TreeMap<>(t.at());
                String figure = at.remove("figure");
                if (t.over().equals("month") && t.parts().size() < 12) {
                    // Months of part of a year add up to a figure of their own, not the year's.
                    at.put("months_held", String.valueOf(t.parts().size()));
                }
                long sum = t.parts().stream().mapToLong(p -> table.get(p).value()).sum();
                String id = register(figure, at, sum, false, true);
                table.sum(id, t.parts());
                if (seen.add(id)) {
                    next.add(id);
                }
            }
            queue = next;
        }
    }

    /** Rolling sums: the row's cell is the sum of the same figure over its last months. */
    private void rolling(MartRows mart, int i, Map<String, List<String>> cells) {
        for (Map.Entry<String, Disclosure.Rolling> r : mart.disclosure().rolling().entrySet()) {
            if (!cells.containsKey(r.getKey()) || !cells.containsKey(r.getValue().of())) {
                continue;
            }
            Map<String, String> c = coordinatesOf.get(cells.get(r.getValue().of()).get(0));
            YearMonth month = YearMonth.parse(c.get("month"));
            List<String> parts = new ArrayList<>();
            for (int back = 0; back < r.getValue().months(); back++) {
                Map<String, String> at = new TreeMap<>(c);
                at.put("month", month.minusMonths(back).toString());
                at.remove("financial_year");
                String figure = at.remove("figure");
                Map<String, String> full = new TreeMap<>(at);
                full.put("financial_year", FinancialYear.of(month.minusMonths(back).atDay(1)));
                String id = figure + full;
                if (!table.has(id)) {
                    throw new IllegalStateException(
                            mart.mart()
                                    + ": "
                                    + r.getKey()
                                    + " of "
                                    + month
                                    + " adds up a month the mart does not hold ("
                                    + id
                                    + ")");
                }
                parts.add(id);
            }
            table.sum(cells.get(r.getKey()).get(0), parts);
        }
    }

    /**
     * A derived column's count: a column of the row, or its total over a breakdown ("records over
     * theme").
     */
    private String resolve(MartRows mart, int i, String ref, Map<String, List<String>> cells) {
        String[] words = ref.split(" over ");
        List<String> of = cells.get(words[0].trim());
        if (of == null) {
            throw new IllegalStateException(
                    mart.mart()
                            + ": derived from "
                            + ref
                            + ", which is not a count of the row "
                            + rowLabel(mart, i));
        }
        if (words.length == 1) {
            return of.get(0);
        }
        Map<String, String> total = new TreeMap<>(coordinatesOf.get(of.get(0)));
        total.remove(words[1].trim());
        String figure = total.remove("figure");
        String id = figure + total;
        if (!table.has(id)) {
            throw new IllegalStateException(
                    mart.mart() + ": " + ref + " is not a total of the mart's breakdowns");
        }
        // A share shows its denominator: the total is published from now on.
        CountTable.Cell t = table.get(id);
        table.merge(id, table.coordinates(id), t.value(), t.exempt(), false);
        placeOf.putIfAbsent(
                id, mart.mart() + " " + rowLabel(mart, i) + " " + ref + " (through a share)");
        return id;
    }

    private static void checkEveryColumnIsDeclared(MartRows mart) {
        Disclosure d = mart.disclosure();
        Set<String> declared = new LinkedHashSet<>(concat(d.keys(), d.breakdowns()));
        declared.addAll(d.labels());
        declared.addAll(d.counts().keySet());
        declared.addAll(d.previousYear().keySet());
        declared.addAll(d.derived().keySet());
        if (d.measure() != null) {
            declared.add(d.measure().column());
            declared.add(d.measure().value());
        }
        List<String> missing = mart.columns().stream().filter(c -> !declared.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "marts/"
                            + mart.mart()
                            + ".yml: the disclosure declaration does not say what "
                            + missing
                            + " are (a key, breakdown, label, count or a column derived from counts)");
        }
        List<String> unknown =
                declared.stream()
                        .filter(c -> !mart.columns().contains(c) && !PARENT.containsValue(c))
                        .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(
                    "marts/"
                            + mart.mart()
                            + ".yml: the disclosure declaration names columns the "
                            + "mart does not have: "
                            + unknown);
        }
    }

    private static Map<String, String> lastYear(Map<String, String> base) {
        Map<String, String> at = new TreeMap<>(base);
        String fy = at.get("financial_year");
        if (fy == null) {
            throw new IllegalStateException("a previous-year column needs a financial_year key");
        }
        at.put("financial_year", FinancialYear.of(FinancialYear.start(fy).minusYears(1)));
        return at;
    }

    private static String rowLabel(MartRows mart, int i) {
        Disclosure d = mart.disclosure();
        Map<String, Object> row = mart.rows().get(i);
        List<String> by = new ArrayList<>(concat(d.keys(), d.breakdowns()));
        if (d.measure() != null) {
            by.add(d.measure().column());
        }
        return by.stream()
                .filter(row::containsKey)
                .map(k -> text(row.get(k)))
                .collect(Collectors.joining(" "));
    }

    private static String text(Object v) {
        return v == null ? NONE : String.valueOf(v);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
