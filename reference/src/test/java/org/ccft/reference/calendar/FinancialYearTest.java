package org.ccft.reference.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FinancialYearTest {

    private static String of(String date) {
        return FinancialYear.of(LocalDate.parse(date));
    }

    @Test
    void aYearRunsFromTheFirstOfAprilToTheThirtyFirstOfMarch() {
        assertThat(of("2022-04-01")).isEqualTo("2022-23");
        assertThat(of("2023-03-31")).isEqualTo("2022-23");
        assertThat(of("2023-04-01")).isEqualTo("2023-24");
    }

    @Test
    void theSecondYearIsTwoDigitsWithItsLeadingZero() {
        assertThat(of("2008-12-25")).isEqualTo("2008-09");
        assertThat(of("2009-06-30")).isEqualTo("2009-10");
        assertThat(of("2000-01-15")).isEqualTo("1999-00");
        assertThat(of("2000-04-15")).isEqualTo("2000-01");
    }

    @Test
    void noDateHasNoYear() {
        assertThat(FinancialYear.of((LocalDate) null)).isNull();
        assertThat(FinancialYear.of((java.sql.Date) null)).isNull();
    }

    @Test
    void aYearStartsOnItsFirstOfApril() {
        assertThat(FinancialYear.start("2022-23")).isEqualTo("2022-04-01");
    }
}
