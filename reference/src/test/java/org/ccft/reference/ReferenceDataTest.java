package org.ccft.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {

    @Test
    void serviceAreasMatchTheContractCodeListWithTheSendGrouping() {
        assertThat(ServiceArea.all())
                .extracting(ServiceArea::code)
                .containsExactly(
                        "SAT",
                        "SEND_DISTRICT",
                        "EDUCATIONAL_PSYCHOLOGY",
                        "TARGETED_SUPPORT",
                        "IFD_ASSESSMENT",
                        "FAMILY_SAFEGUARDING",
                        "CHILDREN_IN_CARE",
                        "LEAVING_CARE",
                        "ADOPTION",
                        "FOSTERING",
                        "DISABILITY_SOCIAL_CARE",
                        "OTHER");
        assertThat(ServiceArea.all())
                .filteredOn(ServiceArea::sendService)
                .extracting(ServiceArea::code)
                .containsExactlyInAnyOrder("SAT", "SEND_DISTRICT", "EDUCATIONAL_PSYCHOLOGY");
    }

    @Test
    void themesMatchTheContractCodeList() {
        assertThat(Theme.all())
                .hasSize(11)
                .extracting(Theme::code)
                .contains("PLANS", "COMMUNICATION", "BIAS");
    }

    @Test
    void spcMeasuresSayWhichWayIsBetterAndUseMakingDataCountsRunLengths() {
        assertThat(SpcMeasure.all())
                .extracting(SpcMeasure::measure, SpcMeasure::improvement)
                .containsExactly(
                        Tuple.tuple("sat_complaints_per_100_plans", "down"),
                        Tuple.tuple("share_plans_within_20_weeks", "up"),
                        Tuple.tuple("share_responses_outside_timescale", "down"));
        assertThat(SpcMeasure.all())
                .allSatisfy(
                        m -> {
                            assertThat(m.shiftPoints()).isEqualTo(7);
                            assertThat(m.trendPoints()).isEqualTo(6);
                        });
    }

    @Test
    void timescalesHoldTheMartsDefaults() {
        var all = ComplaintTimescale.all();
        LocalDate d = LocalDate.parse("2022-06-01");
        assertThat(ComplaintTimescale.find(all, "STATUTORY", 2, d).orElseThrow().workingDays(true))
                .isEqualTo(65);
        assertThat(ComplaintTimescale.find(all, "STATUTORY", 3, d).orElseThrow().workingDays(false))
                .isEqualTo(50);
        assertThat(ComplaintTimescale.find(all, "CORPORATE", 1, d).orElseThrow().workingDays(true))
                .isEqualTo(20);
        assertThat(ComplaintTimescale.find(all, "CORPORATE", 2, d).orElseThrow().workingDays(false))
                .isEqualTo(20);
    }

    @Test
    void bankHolidaysCover2015To2027() {
        BankHolidays h = BankHolidays.england();
        assertThat(h.firstYear()).isEqualTo(2015);
        assertThat(h.lastYear()).isEqualTo(2027);
        assertThat(h.dates())
                .contains(LocalDate.parse("2023-05-08"), LocalDate.parse("2015-12-28"));
    }
}
