package org.ccft.reference.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.ccft.reference.BankHolidays;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.england();

    private LocalDate deadline(String received, int days) {
        return calendar.addWorkingDays(LocalDate.parse(received), days).orElseThrow();
    }

    @Test
    void theDayAfterAFridayReceiptIsTheMonday() {
        // Friday 2023-03-03: day 1 is Monday 6th, day 10 is Friday 17th.
        assertThat(deadline("2023-03-03", 1)).isEqualTo("2023-03-06");
        assertThat(deadline("2023-03-03", 10)).isEqualTo("2023-03-17");
    }

    @Test
    void aWeekendReceiptCountsFromTheNextWorkingDay() {
        assertThat(deadline("2023-03-04", 1)).isEqualTo("2023-03-06");
        assertThat(deadline("2023-03-05", 10)).isEqualTo("2023-03-17");
    }

    @Test
    void christmasAndBoxingDayAreSkipped() {
        // Friday 2022-12-23; 26th and 27th are the (substitute) holidays of 2022.
        assertThat(calendar.isWorkingDay(LocalDate.parse("2022-12-27"))).isFalse();
        assertThat(deadline("2022-12-23", 1)).isEqualTo("2022-12-28");
        assertThat(deadline("2022-12-23", 10))
                .isEqualTo("2023-01-11"); // 28,29,30 Dec, 3..6, 9, 10, 11 Jan (2 Jan is a holiday)
    }

    @Test
    void easterIsSkipped() {
        // Good Friday 2023-04-07 and Easter Monday 2023-04-10.
        assertThat(deadline("2023-04-06", 1)).isEqualTo("2023-04-11");
        assertThat(deadline("2023-04-07", 1)).isEqualTo("2023-04-11"); // receipt on a holiday
    }

    @Test
    void theCoronationHolidayOf2023IsSkipped() {
        // 2023-05-01 early May and 2023-05-08 the coronation of King Charles III.
        assertThat(calendar.isWorkingDay(LocalDate.parse("2023-05-08"))).isFalse();
        assertThat(deadline("2023-05-05", 1)).isEqualTo("2023-05-09");
        assertThat(deadline("2023-04-28", 10)).isEqualTo("2023-05-16"); // 2..5, 9..12, 15, 16 May
    }

    @Test
    void theOneOffHolidaysOf2022AreSkipped() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2022-06-03")))
                .isFalse(); // platinum jubilee
        assertThat(calendar.isWorkingDay(LocalDate.parse("2022-09-19"))).isFalse(); // state funeral
        assertThat(calendar.isWorkingDay(LocalDate.parse("2020-05-08"))).isFalse(); // VE day, moved
        assertThat(calendar.isWorkingDay(LocalDate.parse("2020-05-04"))).isTrue();
    }

    @Test
    void zeroDaysIsTheReceiptItself() {
        assertThat(deadline("2023-03-04", 0)).isEqualTo("2023-03-04");
    }

    @Test
    void workingDaysBetweenCountsTheLaterEnd() {
        assertThat(
                        calendar.workingDaysBetween(
                                LocalDate.parse("2023-03-03"), LocalDate.parse("2023-03-17")))
                .isEqualTo(10);
        assertThat(
                        calendar.workingDaysBetween(
                                LocalDate.parse("2023-03-17"), LocalDate.parse("2023-03-03")))
                .isZero();
    }

    @Test
    void datesOutsideTheFeedGiveNoAnswer() {
        assertThat(calendar.addWorkingDays(LocalDate.parse("2014-06-02"), 10)).isEmpty();
        assertThat(calendar.addWorkingDays(LocalDate.parse("2027-12-30"), 10)).isEmpty();
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.parse("2030-01-02")))
                .hasMessageContaining("2015-2027");
    }

    @Test
    void aNewerFeedReplacesTheFileAsItIs() throws Exception {
        String feed =
                """
                {"england-and-wales": {"division": "england-and-wales", "events": [
                  {"title": "New Year's Day", "date": "2028-01-03", "notes": "Substitute day", "bunting": true}]},
                 "scotland": {"division": "scotland", "events": [{"title": "x", "date": "2028-01-04"}]}}
                """;
        BankHolidays h =
                BankHolidays.fromFeed(
                        new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)));
        assertThat(h.dates()).containsExactly(LocalDate.parse("2028-01-03"));
        assertThat(new WorkingDayCalendar(h).isWorkingDay(LocalDate.parse("2028-01-04"))).isTrue();
    }
}
