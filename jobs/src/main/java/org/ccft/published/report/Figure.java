package org.ccft.published.report;

/**
 * One figure of the report: a number, {@code c} (suppressed in the public version), or none. The
 * report adds up no figures of its own: every total it prints is a published figure, protected or
 * not by the public release.
 */
public record Figure(Double value, boolean suppressed) {

    public static final Figure NONE = new Figure(null, false);
    public static final Figure SUPPRESSED = new Figure(null, true);

    public static Figure of(Object v) {
        if ("c".equals(v)) {
            return SUPPRESSED;
        }
        return v instanceof Number n ? new Figure(n.doubleValue(), false) : NONE;
    }

    public boolean isNumber() {
        return value != null;
    }

    /** As the report prints a count: {@code 456}, {@code c}, or {@code –}. */
    public String text() {
        if (suppressed) {
            return "c";
        }
        if (value == null) {
            return "–";
        }
        return value == Math.rint(value)
                ? String.valueOf(value.longValue())
                : String.format("%.1f", value);
    }

    /** A share as the report prints it: {@code 36%}. */
    public String percent() {
        if (suppressed) {
            return "c";
        }
        return value == null ? "–" : Math.round(value * 100) + "%";
    }

    /** A figure with last year's in brackets: {@code 456 (445)}. */
    public String withPrevious(Figure previous) {
        return text() + " (" + previous.text() + ")";
    }
}
