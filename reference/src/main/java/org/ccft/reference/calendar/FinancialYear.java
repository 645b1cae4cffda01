package org.ccft.reference.calendar;

import java.sql.Date;
import java.time.LocalDate;

/** Counting years are financial years, 1 April to 31 March, written {@code 2022-23}. */
public final class FinancialYear {

    private FinancialYear() {}

    public static String of(LocalDate date) {
        if (date == null) {
            return null;
        }
        int start = date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
        int end = (start + 1) % 100;
        // Called for every row a mart reads: no format string to parse.
        return start + (end < 10 ? "-0" : "-") + end;
    }

    public static String of(Date date) {
        return date == null ? null : of(date.toLocalDate());
    }

    public static LocalDate start(String financialYear) {
        return LocalDate.of(Integer.parseInt(financialYear.substring(0, 4)), 4, 1);
    }
}
