package org.ccft.published.disclosure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts about to be published, and what a reader knows ties them together: each {@link Identity}
 * says that some figures, each times a whole number, add up to zero. Most are sums (a breakdown's
 * cells add up to its total, service areas to At a Glance's total, a previous-year bracket is last
 * year's figure); others are found in the data ({@link IdentityMiner}: worked with = decided +
 * still open, this year's open is next year's carried in). A figure may be exempt: published
 * exactly whatever its size (the year's one-way totals the council's own report prints); or hidden:
 * a total no output shows, which a reader does not know but which still ties the figures that add
 * up to it. A cell keeps its figure and coordinates ({@code complaints_received}, {@code
 * financial_year 2022-23, service_area SAT}) so that the identities between figures can be looked
 * for.
 */
public final class CountTable {

    /** One published count, by an id that names what it counts and where. */
    public record Cell(String id, long value, boolean exempt, boolean hidden) {
        public Cell {
            if (value < 0) {
                throw new IllegalArgumentException(
                        "a count cannot be negative: " + id + " = " + value);
            }
        }
    }

    /**
     * The cells, each times its coefficient, add up to zero: {@code worked_with - decided -
     * open_at_year_end = 0}. {@code source} says where a reader learns it (declared, or mined and
     * how).
     */
    public record Identity(Map<String, Integer> terms, String source) {
        public Identity {
            terms = Collections.unmodifiableMap(new TreeMap<>(terms));
        }

        /** The parts add up to the whole. */
        static Identity sum(List<String> parts, String whole, String source) {
            Map<String, Integer> terms = new TreeMap<>();
            parts.forEach(p -> terms.merge(p, 1, Integer::sum));
            terms.merge(whole, -1, Integer::sum);
            terms.values().removeIf(v -> v == 0);
            return new Identity(terms, source);
        }
    }

    private final Map<String, Cell> cells = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> coordinates = new LinkedHashMap<>();
    private final Map<Map<String, Integer>, Identity> identities = new LinkedHashMap<>();

    public CountTable cell(String id, long value) {
        return add(new Cell(id, value, false, false), Map.of());
    }

    public CountTable exempt(String id, long value) {
        return add(new Cell(id, value, true, false), Map.of());
    }

    public CountTable hidden(String id, long value) {
        return add(new Cell(id, value, false, true), Map.of());
    }

    private CountTable add(Cell cell, Map<String, String> at) {
        if (cells.putIfAbsent(cell.id(), cell) != null) {
            throw new IllegalArgumentException("two cells named " + cell.id());
        }
        coordinates.put(cell.id(), Map.copyOf(at));
        return this;
    }

    /**
     * The same figure published in one more place (or a total found once more): it must have the
     * same value; it is exempt if any place publishes it exactly, and hidden only while no place
     * shows it. {@code at} is its figure ({@code figure}) and coordinates.
     */
    public CountTable merge(
            String id, Map<String, String> at, long value, boolean exempt, boolean hidden) {
        Cell was = cells.get(id);
        if (was == null) {
            return add(new Cell(id, value, exempt, hidden), at);
        }
        if (was.value() != value) {
            throw new IllegalArgumentException(
                    "the figure "
                            + id
                            + " is "
                            + was.value()
                            + " in one place and "
                            + value
                            + " in another: the declarations that name it do not describe the same count");
        }
        cells.put(id, new Cell(id, value, was.exempt() || exempt, was.hidden() && hidden));
        return this;
    }

    public boolean has(String id) {
        return cells.containsKey(id);
    }

    /** Declares that the parts add up to the whole; checks that they do. */
    public CountTable sum(String whole, List<String> parts) {
        long total = 0;
        for (String p : parts) {
            total += get(p).value();
        }
        if (total != get(whole).value()) {
            throw new IllegalArgumentException(
                    "the parts of "
                            + whole
                            + " add up to "
                            + total
                            + ", not "
                            + get(whole).value()
                            + ": "
                            + parts);
        }
        return identity(Identity.sum(parts, whole, "declared"));
    }

    /**
     * Declares that two cells are one figure published twice (a previous-year bracket, a linked
     * table).
     */
    public CountTable same(String a, String b) {
        return sum(b, List.of(a));
    }

    /** Adds an identity the cells obey; checks that they do. */
    public CountTable identity(Identity identity) {
        long total = 0;
        for (Map.Entry<String, Integer> t : identity.terms().entrySet()) {
            total += t.getValue() * get(t.getKey()).value();
        }
        if (total != 0) {
            throw new IllegalArgumentException(
                    "the cells of "
                            + identity.terms()
                            + " ("
                            + identity.source()
                            + ") add up to "
                            + total
                            + ", not 0");
        }
        if (!identity.terms().isEmpty()) {
            identities.putIfAbsent(identity.terms(), identity);
        }
        return this;
    }

    public Cell get(String id) {
        Cell c = cells.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no cell " + id);
        }
        return c;
    }

    /** A cell's figure ({@code figure}) and coordinates; empty for a cell named by hand. */
    public Map<String, String> coordinates(String id) {
        return coordinates.getOrDefault(id, Map.of());
    }

    public Map<String, Cell> cells() {
        return Collections.unmodifiableMap(cells);
    }

    /**
     * The table cut where no identity crosses: cells tied to each other, directly or through
     * others, each with its identities. Suppression in one cannot change what a reader can work out
     * in another.
     */
    public List<CountTable> components() {
        Map<String, String> parent = new LinkedHashMap<>();
        cells.keySet().forEach(id -> parent.put(id, id));
        for (Identity s : identities.values()) {
            String first = s.terms().keySet().iterator().next();
            for (String p : s.terms().keySet()) {
                union(parent, p, first);
            }
        }
        Map<String, CountTable> byRoot = new LinkedHashMap<>();
        cells.values()
                .forEach(
                        c ->
                                byRoot.computeIfAbsent(root(parent, c.id()), r -> new CountTable())
                                        .add(c, coordinates(c.id())));
        identities
                .values()
                .forEach(
                        s ->
                                byRoot.get(root(parent, s.terms().keySet().iterator().next()))
                                        .identities
                                        .put(s.terms(), s));
        return List.copyOf(byRoot.values());
    }

    private static String root(Map<String, String> parent, String id) {
        String r = id;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        String at = id;
        while (!parent.get(at).equals(r)) {
            String next = parent.get(at);
            parent.put(at, r);
            at = next;
        }
        return r;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = root(parent, a);
        String rb = root(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }

    /** The identities, in the order they were found. */
    public List<Identity> identities() {
        return List.copyOf(identities.values());
    }
}
