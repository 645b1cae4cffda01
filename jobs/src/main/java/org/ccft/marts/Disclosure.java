package org.ccft.marts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a public mart's figures add up, declared in its definition ({@code disclosure:} in {@code
 * marts/<mart>.yml}) so that one suppression step can protect them all ({@code
 * org.ccft.published.disclosure.PublicFigures}). A figure is named by what it counts and where:
 * {@code complaints_received} for {@code financial_year 2022-23, service_area SAT, procedure
 * STATUTORY, stage 1} is the same figure in every mart that shows it, and is suppressed in all of
 * them or none.
 *
 * @param withheld why the public release leaves the mart out altogether (then nothing else is said)
 * @param exempt why every figure of the mart is published exactly (At a Glance's headline totals;
 *     figures DfE has already put through its own disclosure control)
 * @param keys columns that place a row but are never added up over (the financial year)
 * @param breakdowns columns whose values cover every case, so a reader can add the rows up over
 *     them
 * @param labels columns that only name a row's values (a service area's name)
 * @param counts count columns, each the figure it shows, with coordinates the row does not hold
 * @param measure a column whose values each name a figure (At a Glance's measures)
 * @param previousYear columns that repeat last year's figure of another column
 * @param within counts of a row that add up to another of the same row
 * @param derived columns computed from counts (shares, rates, amounts): shown only when all those
 *     counts are; {@code "records over theme"} is the total of records over the themes
 * @param rolling counts that add up the last months of another count
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Disclosure(
        String withheld,
        String exempt,
        List<String> keys,
        List<String> breakdowns,
        List<String> labels,
        Map<String, Object> counts,
        Measure measure,
        @JsonProperty("previous_year") Map<String, String> previousYear,
        List<Within> within,
        Map<String, List<String>> derived,
        Map<String, Rolling> rolling) {

    /** A column whose value names a figure, and the column that holds the count. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Measure(String column, String value, Map<String, Map<String, String>> figures) {}

    /** The parts, counts of the same row, add up to the whole. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Within(String whole, List<String> parts) {}

    /** The sum of {@code of} over the last {@code months} months to the row's month. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Rolling(String of, int months) {}

    public Disclosure {
        keys = keys == null ? List.of() : List.copyOf(keys);
        breakdowns = breakdowns == null ? List.of() : List.copyOf(breakdowns);
        labels = labels == null ? List.of() : List.copyOf(labels);
        counts = counts == null ? Map.of() : counts;
        previousYear = previousYear == null ? Map.of() : previousYear;
        within = within == null ? List.of() : List.copyOf(within);
        derived = derived == null ? Map.of() : derived;
        rolling = rolling == null ? Map.of() : rolling;
    }

    public boolean isWithheld() {
        return withheld != null && !withheld.isBlank();
    }

    public boolean isExempt() {
        return exempt != null && !exempt.isBlank();
    }

    /**
     * A count column's figure and the coordinates it adds to the row's: {@code figure} is its name;
     * written as a bare name, the figure alone.
     */
    @SuppressWarnings("unchecked")
    public Map<String, String> figureOf(String column) {
        Object spec = counts.get(column);
        if (spec == null) {
            return null;
        }
        if (spec instanceof String name) {
            return Map.of("figure", name);
        }
        Map<String, String> out = new LinkedHashMap<>();
        ((Map<String, Object>) spec).forEach((k, v) -> out.put(k, String.valueOf(v)));
        if (!out.containsKey("figure")) {
            throw new IllegalStateException("count column " + column + " names no figure");
        }
        return out;
    }

    /** What the data dictionary says of the mart's disclosure control. */
    public String summary() {
        if (isWithheld()) {
            return "Not published to the public: " + withheld;
        }
        if (isExempt()) {
            return "Published exactly: " + exempt;
        }
        return "Counts from 1 to the threshold are shown as c, with more where a suppressed count could be worked out;"
                + " shares and amounts computed from a suppressed count are c too.";
    }
}
