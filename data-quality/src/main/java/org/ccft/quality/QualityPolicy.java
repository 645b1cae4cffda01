package org.ccft.quality;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The severity each check runs at: the one it is declared with, unless configuration says otherwise
 * ({@code ccft.quality.severity.<check>: warning}). A setting may name a check exactly
 * ({@code type:received_date}, {@code drop_volume}) or a family of rules, the part before the colon
 * ({@code code_list}, {@code missing_column}).
 */
public final class QualityPolicy {

    private final Map<String, Severity> overrides = new LinkedHashMap<>();
    private final AnomalyBounds bounds;

    public QualityPolicy(Map<String, String> severities, AnomalyBounds bounds) {
        severities.forEach((check, severity) -> overrides.put(normal(check), Severity.parse(severity)));
        this.bounds = bounds;
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

    /** Settings arrive as drop_volume, drop-volume or (from the environment) drop.volume: all the same. */
    private static String normal(String check) {
        return check.strip().toLowerCase(java.util.Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    public AnomalyBounds bounds() {
        return bounds;
    }

    /**
     * How far tonight's figure may stray from its history before it is an anomaly. History is the
     * last {@code window} runs that measured it; with fewer than {@code minHistory} runs nothing is
     * judged. A volume is judged against the median of its history ({@code lowRatio} to
     * {@code highRatio} times it); a rate (a share between 0 and 1) by how far it moved from the
     * median ({@code rateMaxChange}, absolute).
     */
    /** The overrides and bounds, for telling whether two runs judged by the same policy. */
    @Override
    public String toString() {
        return "severities " + overrides + ", anomaly bounds " + bounds;
    }

    public record AnomalyBounds(int minHistory, int window, double lowRatio, double highRatio, double rateMaxChange) {
        public static final AnomalyBounds DEFAULT = new AnomalyBounds(3, 10, 0.2, 5.0, 0.1);
    }
}
