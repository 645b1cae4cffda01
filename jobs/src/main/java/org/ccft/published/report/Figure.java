package org.ccft.published.report;

import org.ccft.published.FigureFormat;

/**
 * One figure of the report: a count or a share, {@code c} (protected in the public version), or
 * none. The report adds up no figures of its own: every total it prints is a published figure,
 * protected or not by the public release.
 */
public record Figure(Double value, boolean suppressed, FigureFormat format) {

    public static final Figure NONE = new Figure(null, false, FigureFormat.COUNT);
    public static final Figure SUPPRESSED = new Figure(null, true, FigureFormat.COUNT);

    /** A count (or rate) as a mart holds it: a number, {@code c}, or nothing. */
    public static Figure of(Object v) {
        return of(v, FigureFormat.DECIMAL);
    }

    /** A share (0 to 1) as a mart holds it, printed as a percentage and drawn in percent. */
    public static Figure share(Object v) {
        return of(v, FigureFormat.SHARE);
    }

    private static Figure of(Object v, FigureFormat format) {
        if ("c".equals(v)) {
            return new Figure(null, true, format);
        }
        return v instanceof Number n
                ? new Figure(n.doubleValue(), false, format)
                : new Figure(null, false, format);
    }

    public boolean isNumber() {
        return value != null;
    }

    /** The figure as a chart draws it: a share in percent. */
    public double plotted() {
        return format == FigureFormat.SHARE ? value * 100 : value;
    }

    /**
     * As the report prints it: {@code 1,456}, {@code 18.2}, {@code 36%}, {@code c}, or {@code –}.
     */
    public String text() {
        if (suppressed) {
            return "c";
        }
        return value == null ? "–" : format.text(value);
    }

    /** A figure with last year's in brackets: {@code 456 (445)}. */
    public String withPrevious(Figure previous) {
        return text() + " (" + previous.text() + ")";
    }
}
