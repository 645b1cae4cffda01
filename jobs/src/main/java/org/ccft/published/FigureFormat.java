package org.ccft.published;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How a published column's figures are written for readers, from the column's name as the marts
 * name them: a share ({@code upheld_share}, {@code share}, {@code upheld_rate}) is a percentage, an
 * amount in pounds ({@code total_gbp}) is money, a rate ({@code complaints_per_100_plans}) or an
 * average of working days has one decimal place, a date ({@code received_date}) is a UK date, and
 * any other number is a count with thousands separators. The report, the workbook and {@code sql
 * --format table} all print through it, so a figure reads the same wherever it is read.
 */
public enum FigureFormat {
    COUNT("#,##0", "#,##0"),
    SHARE("0%", "0%"),
    MONEY("£#,##0", "£#,##0"),
    DECIMAL("#,##0.0", "#,##0.0"),
    DATE("", "d mmm yyyy"),
    TEXT("", "@");

    private static final DateTimeFormatter UK_DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final String pattern;
    private final String excel;

    FigureFormat(String pattern, String excel) {
        this.pattern = pattern;
        this.excel = excel;
    }

    /** The format of a column named {@code column}, holding numbers when {@code numeric}. */
    public static FigureFormat of(String column, boolean numeric) {
        String c = column.toLowerCase(Locale.ROOT);
        if (c.endsWith("_date") || c.equals("deadline") || c.equals("quarter_start")) {
            return DATE;
        }
        if (!numeric) {
            return TEXT;
        }
        if (c.equals("share") || c.endsWith("_share") || c.endsWith("_rate")) {
            return SHARE;
        }
        if (c.endsWith("_gbp")) {
            return MONEY;
        }
        if (c.contains("per_100")
                || c.startsWith("mean")
                || c.startsWith("median")
                || c.startsWith("p90")
                || c.contains("limit")
                || c.contains("moving_range")
                || c.equals("value")
                || c.endsWith("_value")) {
            return DECIMAL;
        }
        return COUNT;
    }

    /** Excel's number format for the column's cells. */
    public String excel() {
        return excel;
    }

    /**
     * The figure as a reader sees it: {@code 1,234}, {@code 36%}, {@code £2,500}, {@code 4.5},
     * {@code 6 April 2023}. A decimal that is a whole number prints without its decimals ({@code
     * value} holds counts and rates).
     */
    public String text(Object value) {
        if (value == null) {
            return "";
        }
        if (this == DATE) {
            try {
                return LocalDate.parse(value.toString().substring(0, 10)).format(UK_DATE);
            } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
                return value.toString();
            }
        }
        if (!(value instanceof Number n) || this == TEXT) {
            return value.toString();
        }
        double d = n.doubleValue();
        if (this == DECIMAL && d == Math.rint(d)) {
            return COUNT.text(value);
        }
        // A count that is not whole is a figure the reader worked out (an average, say).
        String p = this == COUNT && d != Math.rint(d) ? "#,##0.##" : pattern;
        return new DecimalFormat(p, DecimalFormatSymbols.getInstance(Locale.UK)).format(d);
    }
}
