package org.ccft.reference;

import java.io.Serializable;
import java.util.List;

/**
 * A monthly measure tracked on a statistical process control chart ("Making Data Count"): which way
 * is better; the chart (XmR for a figure of its own, Laney's p′ for a share and u′ for a rate whose
 * denominators vary from month to month); the scale a rate is given in (per 100 plans); the
 * council's target, if it has one; and the run lengths of the rules: points on one side of the mean
 * that make a shift, points rising or falling that make a trend, and how many of how many points in
 * a row near a process limit make a signal ("two of three").
 */
public record SpcMeasure(
        String measure,
        String name,
        String unit,
        String improvement,
        String chart,
        double scale,
        Double target,
        int shiftPoints,
        int trendPoints,
        int nearPoints,
        int nearWindow)
        implements Serializable {

    public static final List<String> CHARTS = List.of("xmr", "p_prime", "u_prime");

    public SpcMeasure {
        if (!List.of("up", "down").contains(improvement)) {
            throw new IllegalArgumentException(
                    "spc_measures.csv: improvement of "
                            + measure
                            + " must be up or down, not "
                            + improvement);
        }
        if (!CHARTS.contains(chart)) {
            throw new IllegalArgumentException(
                    "spc_measures.csv: chart of "
                            + measure
                            + " must be one of "
                            + CHARTS
                            + ", not "
                            + chart);
        }
        if (shiftPoints < 2 || trendPoints < 2 || nearPoints < 1 || nearWindow < nearPoints) {
            throw new IllegalArgumentException(
                    "spc_measures.csv: run lengths of "
                            + measure
                            + " must be at least 2 (shift, trend), and near_points at most near_window");
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
                                r.get("chart"),
                                Double.parseDouble(r.get("scale")),
                                r.get("target").isBlank() ? null : Double.valueOf(r.get("target")),
                                Integer.parseInt(r.get("shift_points")),
                                Integer.parseInt(r.get("trend_points")),
                                Integer.parseInt(r.get("near_points")),
                                Integer.parseInt(r.get("near_window"))));
    }
}
