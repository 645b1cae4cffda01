package org.ccft.published.disclosure;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Disclosure control as DfE practises it, on one {@link CountTable}: counts from 1 to the threshold
 * are suppressed (shown as {@code c}); zeros stay; exempt figures are shown exactly. Then secondary
 * suppression: while a sum holds exactly one suppressed cell, or {@link Attack} can still work out
 * a suppressed value from what is published, one more cell of that sum is suppressed: the smallest
 * non-zero one, else a zero (a suppressed zero is indistinguishable from any other {@code c}). A
 * small count that is a sum of exempt figures alone cannot be hidden (the council publishes it
 * anyway): it is shown, and reported as such.
 */
public final class Suppression {

    /** What is shown as {@code c}, why, and what could not be hidden. */
    public record Result(
            Set<String> primary, Set<String> secondary, Set<String> shownBecauseExempt) {

        public Set<String> suppressed() {
            Set<String> all = new LinkedHashSet<>(primary);
            all.addAll(secondary);
            return all;
        }

        public boolean isSuppressed(String cell) {
            return primary.contains(cell) || secondary.contains(cell);
        }
    }

    private final int threshold;

    public Suppression(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException(
                    "the suppression threshold is a count of at least 1: " + threshold);
        }
        this.threshold = threshold;
    }

    public Result apply(CountTable table) {
        Set<String> primary = new LinkedHashSet<>();
        table.cells().values().stream()
                .filter(c -> !c.exempt() && !c.hidden() && c.value() >= 1 && c.value() <= threshold)
                .forEach(c -> primary.add(c.id()));
        Set<String> secondary = new LinkedHashSet<>();
        Set<String> shown = new LinkedHashSet<>();
        for (CountTable part : table.components()) {
            settle(part, primary, secondary, shown);
        }
        return new Result(primary, secondary, shown);
    }

    /**
     * Secondary suppression on cells tied together by sums (the table's other cells cannot reach
     * them).
     */
    private static void settle(
            CountTable table, Set<String> primary, Set<String> secondary, Set<String> shown) {
        if (table.cells().keySet().stream().noneMatch(primary::contains)) {
            return;
        }
        for (int round = 0; round <= 4 * table.cells().size(); round++) {
            Set<String> suppressed = new LinkedHashSet<>();
            table.cells().keySet().stream()
                    .filter(id -> primary.contains(id) || secondary.contains(id))
                    .forEach(suppressed::add);
            Optional<CountTable.Sum> lone =
                    table.sums().stream()
                            .filter(
                                    s ->
                                            members(s)
                                                                    .filter(
                                                                            id ->
                                                                                    suppressed
                                                                                                    .contains(
                                                                                                            id)
                                                                                            || table.get(
                                                                                                            id)
                                                                                                    .hidden())
                                                                    .count()
                                                            == 1
                                                    && members(s).anyMatch(suppressed::contains))
                            .findFirst();
            String exposed;
            Optional<String> complement;
            if (lone.isPresent()) {
                // The sum gives the lone cell away: another of its own cells must go with it.
                exposed =
                        members(lone.get()).filter(suppressed::contains).findFirst().orElseThrow();
                complement = candidates(table, members(lone.get()), suppressed, shown);
            } else {
                exposed =
                        Attack.derivable(table, suppressed).keySet().stream()
                                .findFirst()
                                .orElse(null);
                if (exposed == null) {
                    return;
                }
                complement = nearest(table, exposed, suppressed, shown);
            }
            if (complement.isPresent()) {
                secondary.add(complement.get());
            } else {
                // Every figure it adds up with is exempt (or already given away by them): the
                // council publishes its value anyway.
                primary.remove(exposed);
                secondary.remove(exposed);
                shown.add(exposed);
            }
        }
        throw new IllegalStateException(
                "secondary suppression did not settle on a table of "
                        + table.cells().size()
                        + " cells");
    }

    /**
     * The cell to suppress beside an exposed one, among {@code cells}: not suppressed, exempt,
     * hidden or given away; smallest non-zero first.
     */
    private static Optional<String> candidates(
            CountTable table, Stream<String> cells, Set<String> suppressed, Set<String> shown) {
        return cells.distinct()
                .filter(
                        id ->
                                !suppressed.contains(id)
                                        && !shown.contains(id)
                                        && !table.get(id).exempt()
                                        && !table.get(id).hidden())
                .min(
                        Comparator.comparing((String id) -> table.get(id).value() == 0)
                                .thenComparingLong(id -> table.get(id).value())
                                .thenComparing(id -> id));
    }

    /**
     * The candidate nearest an exposed cell: in a sum with it, else in a sum with one of the
     * unknown cells (suppressed or hidden) tied to it, and so on outwards; a new unknown there
     * breaks the equations that fix its value.
     */
    private static Optional<String> nearest(
            CountTable table, String exposed, Set<String> suppressed, Set<String> shown) {
        Set<String> seen = new LinkedHashSet<>(Set.of(exposed));
        Set<String> frontier = Set.of(exposed);
        while (!frontier.isEmpty()) {
            Set<String> at = frontier;
            List<CountTable.Sum> touching =
                    table.sums().stream().filter(s -> members(s).anyMatch(at::contains)).toList();
            Optional<String> found =
                    candidates(
                            table,
                            touching.stream().flatMap(Suppression::members),
                            suppressed,
                            shown);
            if (found.isPresent()) {
                return found;
            }
            Set<String> next = new LinkedHashSet<>();
            touching.stream()
                    .flatMap(Suppression::members)
                    .filter(
                            id ->
                                    (suppressed.contains(id) || table.get(id).hidden())
                                            && seen.add(id))
                    .forEach(next::add);
            frontier = next;
        }
        return Optional.empty();
    }

    private static Stream<String> members(CountTable.Sum sum) {
        return Stream.concat(sum.parts().stream(), Stream.of(sum.whole()));
    }

    /** A share computed from counts is shown only when none of them is suppressed. */
    public static boolean shareShown(Result result, List<String> counts) {
        return counts.stream().noneMatch(result::isSuppressed);
    }

    /** The cells' values as a reader sees them: the count, or {@code c}. */
    public static Map<String, String> shown(CountTable table, Result result) {
        Map<String, String> out = new LinkedHashMap<>();
        table.cells()
                .forEach(
                        (id, cell) ->
                                out.put(
                                        id,
                                        result.isSuppressed(id)
                                                ? "c"
                                                : String.valueOf(cell.value())));
        return out;
    }
}
