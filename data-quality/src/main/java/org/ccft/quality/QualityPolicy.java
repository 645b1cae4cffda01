package org.ccft.quality;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The severity each check runs at: the one it is declared with, unless configuration says otherwise
 * ({@code ccft.quality.severity.<check>: warning}). A setting may name a check exactly ({@code
 * type:received_date}, {@code drop_volume}) or a family of rules, the part before the colon ({@code
 * code_list}, {@code missing_column}).
 */
public final class QualityPolicy {

    private final Map<String, Severity> overrides = new LinkedHashMap<>();
    private final AnomalyBounds bounds;

    /**
     * The structural checks: a file that cannot be read as CSV, rows that do not add up to what was
     * landed, a required column missing. They may be raised (to critical) but never lowered below
     * error, or rows would be lost or loaded wrong without a trace.
     */
    public static final Set<String> STRUCTURAL =
            Set.of("csv_format", "rows_reconcile", "missing_column");

    public QualityPolicy(Map<String, String> severities, AnomalyBounds bounds) {
        severities.forEach(
                (check, text) -> {
                    String name = normal(check);
                    Severity severity = Severity.parse(text);
                    String family =
                            name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
                    if (STRUCTURAL.contains(family) && severity.below(Severity.ERROR)) {
                        throw new IllegalArgumentException(
                                "the severity of "
                                        + check
                                        + " cannot be "
                                        + text.strip()
                                        + ": "
                                        + family
                                        + " is a structural check, which can be raised to critical but not lowered "
                                        + "below error");
                    }
                    overrides.put(name, severity);
                });
        this.bounds = bounds;
    }

    /** The severities configuration sets, by check or family, as given: each run records them. */
    public Map<String, Severity> overrides() {
        return Collections.unmodifiableMap(overrides);
    }

    /** The declared severities, with no overrides and the default anomaly bounds. */
    public static QualityPolicy defaults() {
        return new QualityPolicy(Map.of(), AnomalyBounds.DEFAULT);
    }

    public Severity severity(String check, Severity declared) {
        Severity exact = overrides.get(normal(check));
        if (exact != null) {
            return exact;
        }
        int colon = check.indexOf(':');
        Severity family = colon > 0 ? overrides.get(normal(check.substring(0, colon))) : null;
        return family != null ? family : declared;
    }

    /**
     * Settings arrive as drop_volume, drop-volume or (from the environment) drop.volume: all the
     * same.
     */
    private static String normal(String check) {
        String name = check.strip();
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1); // a key as Spring's map syntax writes it
        }
        return name.toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    public AnomalyBounds bounds() {
        return bounds;
    }

    /**
     * How far tonight's figure may stray from its history before it is an anomaly. History is the
     * last {@code window} runs that measured it; with fewer than {@code minHistory} runs nothing is
     * judged. A volume is judged against the median of its history ({@code lowRatio} to {@code
     * highRatio} times it); a rate (a share between 0 and 1) by how far it moved from the median
     * ({@code rateMaxChange}, absolute).
     */
    /** The overrides and bounds, for telling whether two runs judged by the same policy. */
    @Override
    public String toString() {
        return "severities " + overrides + ", anomaly bounds " + bounds;
    }

    public record AnomalyBounds(
            int minHistory, int window, double lowRatio, double highRatio, double rateMaxChange) {
        public static final AnomalyBounds DEFAULT = new AnomalyBounds(3, 10, 0.2, 5.0, 0.1);
    }
}
