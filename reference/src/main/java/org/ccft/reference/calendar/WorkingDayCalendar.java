package org.ccft.reference.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import org.ccft.reference.BankHolidays;

/**
 * Working days as the complaint regulations count them: Monday to Friday, less the bank holidays of
 * England (SI 2006/1738 reg 2). Only dates in the years the bank-holiday feed covers can be
 * answered: outside them the calendar says nothing rather than something wrong.
 */
public final class WorkingDayCalendar {

    private final BankHolidays holidays;

    public WorkingDayCalendar(BankHolidays holidays) {
        this.holidays = holidays;
    }

    public static WorkingDayCalendar england() {
        return new WorkingDayCalendar(BankHolidays.england());
    }

    public LocalDate firstDay() {
        return LocalDate.of(holidays.firstYear(), 1, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(holidays.lastYear(), 12, 31);
    }

    public boolean isWorkingDay(LocalDate date) {
        requireCovered(date);
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holidays.dates().contains(date);
    }

    /**
     * The date reached by adding {@code workingDays} working days to {@code start}, one working day
     * at a time: day 1 is the first working day after {@code start} (a receipt on a weekend or
     * holiday counts from the next working day). Empty when the answer falls outside the calendar's
     * years.
     */
    public Optional<LocalDate> addWorkingDays(LocalDate start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + workingDays);
        }
        if (!holidays.covers(start)) {
            return Optional.empty();
        }
        LocalDate day = start;
        for (int counted = 0; counted < workingDays; ) {
            day = day.plusDays(1);
            if (!holidays.covers(day)) {
                return Optional.empty();
            }
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return Optional.of(day);
    }

    /**
     * Working days after {@code from} up to and including {@code to} (0 when {@code to} is not
     * later).
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        requireCovered(from);
        requireCovered(to);
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    private void requireCovered(LocalDate date) {
        if (!holidays.covers(date)) {
            throw new IllegalArgumentException(
                    date
                            + " is outside the bank-holiday feed's years "
                            + holidays.firstYear()
                            + "-"
                            + holidays.lastYear());
        }
    }
}
