package org.ccft.published.disclosure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts about to be published, and what a reader can add up from them: each {@link Sum} says that
 * some figures add up to another (a breakdown's cells to its total, service areas to At a Glance's
 * total, a previous-year bracket to last year's figure). A figure may be exempt: published exactly
 * whatever its size (the year's headline totals the council itself publishes); or hidden: a total
 * no output shows, which a reader does not know but which still ties the figures that add up to it.
 */
public final class CountTable {

    /** One published count, by an id that names where it is shown. */
    public record Cell(String id, long value, boolean exempt, boolean hidden) {
        public Cell {
            if (value < 0) {
                throw new IllegalArgumentException(
                        "a count cannot be negative: " + id + " = " + value);
            }
        }
    }

    /** The parts add up to the whole (a figure published twice is a sum of one part). */
    public record Sum(List<String> parts, String whole) {
        public Sum {
            parts = List.copyOf(parts);
        }
    }

    private final Map<String, Cell> cells = new LinkedHashMap<>();
    private final Set<Sum> sums = new LinkedHashSet<>();

    public CountTable cell(String id, long value) {
        return add(new Cell(id, value, false, false));
    }

    public CountTable exempt(String id, long value) {
        return add(new Cell(id, value, true, false));
    }

    public CountTable hidden(String id, long value) {
        return add(new Cell(id, value, false, true));
    }

    private CountTable add(Cell cell) {
        if (cells.putIfAbsent(cell.id(), cell) != null) {
            throw new IllegalArgumentException("two cells named " + cell.id());
        }
        return this;
    }

    /**
     * The same figure published in one more place (or a total found once more): it must have the
     * same value; it is exempt if any place publishes it exactly, and hidden only while no place
     * shows it.
     */
    public CountTable merge(String id, long value, boolean exempt, boolean hidden) {
        Cell was = cells.get(id);
        if (was == null) {
            return add(new Cell(id, value, exempt, hidden));
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
        sums.add(new Sum(parts, whole));
        return this;
    }

    /**
     * Declares that two cells are one figure published twice (a previous-year bracket, a linked
     * table).
     */
    public CountTable same(String a, String b) {
        return sum(b, List.of(a));
    }

    public Cell get(String id) {
        Cell c = cells.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no cell " + id);
        }
        return c;
    }

    public Map<String, Cell> cells() {
        return Collections.unmodifiableMap(cells);
    }

    /**
     * The table cut where no sum crosses: cells tied to each other by sums, directly or through
     * others, each with its sums. Suppression in one cannot change what a reader can work out in
     * another.
     */
    public List<CountTable> components() {
        Map<String, String> parent = new LinkedHashMap<>();
        cells.keySet().forEach(id -> parent.put(id, id));
        for (Sum s : sums) {
            for (String p : s.parts()) {
                union(parent, p, s.whole());
            }
        }
        Map<String, CountTable> byRoot = new LinkedHashMap<>();
        cells.values()
                .forEach(
                        c ->
                                byRoot.computeIfAbsent(root(parent, c.id()), r -> new CountTable())
                                        .add(c));
        sums.forEach(s -> byRoot.get(root(parent, s.whole())).sums.add(s));
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

    public Set<Sum> sums() {
        return Collections.unmodifiableSet(sums);
    }
}
