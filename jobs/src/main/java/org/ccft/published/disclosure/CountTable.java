package org.ccft.published.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts about to be published, and what a reader can add up from them: each {@link Sum} says that
 * some published figures add up to another (a breakdown's cells to its total, service areas to At a
 * Glance's total, a previous-year bracket to last year's figure). A figure may be exempt: published
 * exactly whatever its size (the year's headline totals the council itself publishes).
 */
public final class CountTable {

    /** One published count, by an id that names where it is shown. */
    public record Cell(String id, long value, boolean exempt) {
        public Cell {
            if (value < 0) {
                throw new IllegalArgumentException("a count cannot be negative: " + id + " = " + value);
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
    private final List<Sum> sums = new ArrayList<>();

    public CountTable cell(String id, long value) {
        return add(new Cell(id, value, false));
    }

    public CountTable exempt(String id, long value) {
        return add(new Cell(id, value, true));
    }

    private CountTable add(Cell cell) {
        if (cells.putIfAbsent(cell.id(), cell) != null) {
            throw new IllegalArgumentException("two cells named " + cell.id());
        }
        return this;
    }

    /** Declares that the parts add up to the whole; checks that they do. */
    public CountTable sum(String whole, List<String> parts) {
        long total = 0;
        for (String p : parts) {
            total += get(p).value();
        }
        if (total != get(whole).value()) {
            throw new IllegalArgumentException("the parts of " + whole + " add up to " + total + ", not "
                    + get(whole).value() + ": " + parts);
        }
        sums.add(new Sum(parts, whole));
        return this;
    }

    /** Declares that two cells are one figure published twice (a previous-year bracket, a linked table). */
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

    public List<Sum> sums() {
        return Collections.unmodifiableList(sums);
    }
}
