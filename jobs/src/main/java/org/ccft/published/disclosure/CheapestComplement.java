package org.ccft.published.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The cheapest figures to suppress beside one a reader could otherwise work out, as a linear
 * programme (the protection model of cell suppression, one exposed cell at a time). A reader who
 * cannot tell the true table from another that publishes the same figures, obeys every identity and
 * holds no negative count cannot pin the cell: so look for such another table, with the exposed
 * cell one more (or one less) than the truth, changing as little of what is published as it can.
 * The published figures it has to change are the complement to suppress. Changing a figure costs
 * its value plus one per unit (a zero is cheapest, then small counts), ten times that for a total
 * (a figure others add up to); a figure already suppressed or never shown costs next to nothing; an
 * exempt figure cannot change. Solved by ojAlgo's simplex, first on the cells nearest the exposed
 * one through identities, more of them only if that is not enough.
 *
 * <p>Why a programme and not "the nearest cell outwards": the nearest cell may be a large total, or
 * may open a second leak through an identity it also belongs to; the programme weighs every
 * identity at once and picks the cheapest set that truly protects, which the attack then checks.
 */
final class CheapestComplement {

    static {
        // ojAlgo otherwise prints a note on stdout about the machine, where ccft's results go.
        System.getProperties().putIfAbsent("shut.up.ojAlgo", "true");
    }

    private static final double FREE = 1e-3;
    private static final double TOTAL = 10;
    private static final double MOVED = 1e-6;

    /** How many cells around the exposed one each programme takes, until one is feasible. */
    private static final int[] SIZES = {60, 250, 1000};

    private final CountTable table;
    private final Map<String, List<CountTable.Identity>> identitiesOf = new HashMap<>();
    private final Set<String> totals = new LinkedHashSet<>();

    CheapestComplement(CountTable table) {
        this.table = table;
        for (CountTable.Identity identity : table.identities()) {
            identity.terms()
                    .keySet()
                    .forEach(
                            id ->
                                    identitiesOf
                                            .computeIfAbsent(id, k -> new ArrayList<>())
                                            .add(identity));
            long positive = identity.terms().values().stream().filter(v -> v > 0).count();
            identity.terms()
                    .forEach(
                            (id, a) -> {
                                if (a < 0 && positive >= 2) {
                                    totals.add(id);
                                }
                            });
        }
    }

    /**
     * The published cells to suppress so that {@code exposed} cannot be worked out, given the cells
     * a reader does not know ({@code unknown}: suppressed, plus hidden totals) and those shown
     * whatever happens; empty when nothing can protect it (exempt figures fix its value).
     */
    Optional<Set<String>> of(String exposed, Set<String> unknown, Set<String> shown) {
        Set<String> reached = Set.of();
        for (int size : SIZES) {
            Set<String> near = neighbourhood(exposed, size);
            if (near.equals(reached)) {
                break; // the whole of what the identities reach, tried already
            }
            reached = near;
            if (pinned(exposed, near)) {
                return Optional.empty();
            }
            Optional<Set<String>> found = solve(exposed, near, unknown, shown);
            if (found.isPresent()) {
                return found;
            }
        }
        // No neighbourhood was enough, and none proved the cell fixed: the whole table decides
        // (a programme with no complement there is the proof that the exact figures fix it).
        Set<String> all = table.cells().keySet();
        if (reached.size() == all.size()) {
            return Optional.empty();
        }
        // Either direction will do here: the first that protects it.
        Optional<Solution> up = solve(exposed, +1, all, unknown, shown);
        return (up.isPresent() || table.get(exposed).value() == 0
                        ? up
                        : solve(exposed, -1, all, unknown, shown))
                .map(Solution::complement);
    }

    /**
     * Whether the exempt figures alone fix the cell: the attack, with every other figure unknown,
     * on the identities that lie wholly among these cells (a proof needs no more).
     */
    private boolean pinned(String cell, Set<String> near) {
        CountTable local = new CountTable();
        near.forEach(
                id -> {
                    CountTable.Cell c = table.get(id);
                    if (c.exempt()) {
                        local.exempt(id, c.value());
                    } else {
                        local.cell(id, c.value());
                    }
                });
        Set<String> unknown = new LinkedHashSet<>();
        near.stream().filter(id -> !table.get(id).exempt()).forEach(unknown::add);
        near.stream()
                .flatMap(id -> identitiesOf.getOrDefault(id, List.of()).stream())
                .distinct()
                .filter(i -> near.containsAll(i.terms().keySet()))
                .forEach(local::identity);
        return Attack.derivable(local, unknown).containsKey(cell);
    }

    /**
     * The cells nearest the exposed one through identities, up to {@code size}: an identity only
     * partly inside still binds the cells inside (those outside do not move).
     */
    private Set<String> neighbourhood(String cell, int size) {
        // Nearest first, where a step through an identity costs its length: the small identities
        // (a row's parts and total, last year's bracket) before the long ones (a year's total over
        // every service area), whose far cells rarely make the cheapest complement.
        Map<String, Integer> distance = new HashMap<>(Map.of(cell, 0));
        java.util.PriorityQueue<Map.Entry<String, Integer>> queue =
                new java.util.PriorityQueue<>(Map.Entry.comparingByValue());
        queue.add(Map.entry(cell, 0));
        Set<String> near = new LinkedHashSet<>();
        while (!queue.isEmpty() && near.size() < size) {
            Map.Entry<String, Integer> at = queue.poll();
            if (!near.add(at.getKey())) {
                continue;
            }
            for (CountTable.Identity identity : identitiesOf.getOrDefault(at.getKey(), List.of())) {
                int d = at.getValue() + identity.terms().size();
                for (String other : identity.terms().keySet()) {
                    if (d < distance.getOrDefault(other, Integer.MAX_VALUE)) {
                        distance.put(other, d);
                        queue.add(Map.entry(other, d));
                    }
                }
            }
        }
        return near;
    }

    /** The cheaper of the two directions (one more, one less) within these cells, if either. */
    private Optional<Set<String>> solve(
            String exposed, Set<String> cells, Set<String> unknown, Set<String> shown) {
        Optional<Solution> up = solve(exposed, +1, cells, unknown, shown);
        Optional<Solution> down =
                table.get(exposed).value() >= 1
                        ? solve(exposed, -1, cells, unknown, shown)
                        : Optional.empty();
        Optional<Solution> best =
                up.isEmpty()
                        ? down
                        : down.isEmpty() || up.get().cost() <= down.get().cost() ? up : down;
        return best.map(Solution::complement);
    }

    private record Solution(double cost, Set<String> complement) {}

    private Optional<Solution> solve(
            String exposed,
            int direction,
            Set<String> cells,
            Set<String> unknown,
            Set<String> shown) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        // Past a thousand cells a dense tableau takes gigabytes: the whole table is solved sparse.
        model.options.sparse = cells.size() > SIZES[SIZES.length - 1];

        Map<String, Variable[]> moves = new LinkedHashMap<>();
        for (String id : cells) {
            CountTable.Cell cell = table.get(id);
            if (!id.equals(exposed) && (cell.exempt() || shown.contains(id))) {
                continue; // published exactly whatever happens: it cannot move
            }
            double cost =
                    id.equals(exposed) || unknown.contains(id) || cell.hidden()
                            ? FREE
                            : (1 + cell.value()) * (totals.contains(id) ? TOTAL : 1);
            Variable more = model.addVariable().lower(0).weight(cost);
            Variable less = model.addVariable().lower(0).upper(cell.value()).weight(cost);
            if (id.equals(exposed)) {
                more.level(direction > 0 ? 1 : 0);
                less.level(direction > 0 ? 0 : 1);
            }
            moves.put(id, new Variable[] {more, less});
        }
        Set<CountTable.Identity> touching = new LinkedHashSet<>();
        for (String id : moves.keySet()) {
            touching.addAll(identitiesOf.getOrDefault(id, List.of()));
        }
        for (CountTable.Identity identity : touching) {
            Expression balance = model.addExpression().level(0);
            for (Map.Entry<String, Integer> t : identity.terms().entrySet()) {
                Variable[] m = moves.get(t.getKey());
                if (m != null) {
                    balance.set(m[0], t.getValue());
                    balance.set(m[1], -t.getValue());
                }
            }
        }
        Optimisation.Result result = model.minimise();
        if (!result.getState().isFeasible()) {
            return Optional.empty();
        }
        Set<String> complement = new LinkedHashSet<>();
        moves.forEach(
                (id, m) -> {
                    double moved =
                            Math.abs(m[0].getValue().doubleValue())
                                    + Math.abs(m[1].getValue().doubleValue());
                    if (!id.equals(exposed)
                            && moved > MOVED
                            && !unknown.contains(id)
                            && !table.get(id).hidden()) {
                        complement.add(id);
                    }
                });
        return Optional.of(new Solution(result.getValue(), complement));
    }
}
