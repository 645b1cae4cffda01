package org.ccft.published.report;

import java.util.Collection;

/**
 * One figure of the report: a number, {@code c} (suppressed in the public version), or none. Adding
 * up figures keeps the rule the public release keeps: a sum holding a suppressed figure is
 * suppressed, so nothing hidden can be worked out from a total the report prints.
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

    public static Figure sum(Collection<Figure> figures) {
        double total = 0;
        boolean any = false;
        for (Figure f : figures) {
            if (f.suppressed) {
                return SUPPRESSED;
            }
            if (f.value != null) {
                total += f.value;
                any = true;
            }
        }
        return any ? new Figure(total, false) : new Figure(0.0, false);
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
