package org.ccft.reference;

import java.io.Serializable;
import java.util.List;

/**
 * A monthly measure tracked on an XmR chart ("Making Data Count"): which way is better, and how
 * many points on one side of the mean make a shift, and how many rising or falling make a trend.
 */
public record SpcMeasure(
        String measure,
        String name,
        String unit,
        String improvement,
        int shiftPoints,
        int trendPoints)
        implements Serializable {

    public SpcMeasure {
        if (!List.of("up", "down").contains(improvement)) {
            throw new IllegalArgumentException(
                    "spc_measures.csv: improvement of "
                            + measure
                            + " must be up or down, not "
                            + improvement);
        }
    }

    public static List<SpcMeasure> all() {
        return ReferenceFiles.csv(
                "spc_measures.csv",
                r ->
                        new SpcMeasure(
                                r.get("measure"),
                                r.get("name"),
                                r.get("unit"),
                                r.get("improvement"),
                                Integer.parseInt(r.get("shift_points")),
                                Integer.parseInt(r.get("trend_points"))));
    }
}
