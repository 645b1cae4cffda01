package org.ccft.published.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The council's policy as application.yml ships it: the year's one-way totals are exact. */
class PublicationPolicyTest {

    private final PublicationPolicy policy = PolicyFixture.shipped();

    @Test
    void theYearsOneWayTotalsArePublishedExactly() {
        assertThat(policy.threshold()).isEqualTo(5);
        assertThat(policy.symbols().suppressed()).isEqualTo("c");
        assertThat(
                        policy.isExact(
                                Map.of(
                                        "figure",
                                        "complaints_received",
                                        "financial_year",
                                        "2022-23")))
                .isTrue();
        // By stage: a procedure and a stage are one classification.
        assertThat(
                        policy.isExact(
                                Map.of(
                                        "financial_year",
                                        "2022-23",
                                        "procedure",
                                        "CORPORATE",
                                        "stage",
                                        "1")))
                .isTrue();
        // By service area (with whether it is a SEND service): the SAT's 190.
        assertThat(
                        policy.isExact(
                                Map.of(
                                        "financial_year",
                                        "2022-23",
                                        "service_area",
                                        "SAT",
                                        "send_service",
                                        "true")))
                .isTrue();
        assertThat(policy.isExact(Map.of("financial_year", "2022-23", "theme", "COMMUNICATION")))
                .isTrue();
        assertThat(
                        policy.classificationOf(
                                Map.of(
                                        "financial_year",
                                        "2022-23",
                                        "complainant_role",
                                        "YOUNG_PERSON")))
                .contains("who complained");
    }

    @Test
    void crossClassificationsMonthsAndQuartersOfAKindAreProtected() {
        assertThat(
                        policy.isExact(
                                Map.of(
                                        "financial_year",
                                        "2022-23",
                                        "service_area",
                                        "SAT",
                                        "stage",
                                        "1")))
                .as("a service area at one stage")
                .isFalse();
        assertThat(policy.isExact(Map.of("financial_year", "2022-23", "month", "2022-05")))
                .isFalse();
        assertThat(
                        policy.isExact(
                                Map.of(
                                        "financial_year",
                                        "2022-23",
                                        "quarter",
                                        "1",
                                        "kind",
                                        "compliments")))
                .isFalse();
        assertThat(policy.describe())
                .contains("one-way totals by stage, by service area")
                .contains("c confidential");
    }

    @Test
    void aCoordinateInTwoClassificationsIsRefused() {
        assertThatThrownBy(
                        () ->
                                new PublicationPolicy(
                                        5,
                                        new PublicationPolicy.Symbols("c", "low", "x", "z"),
                                        List.of("financial_year"),
                                        Map.of(
                                                "stage",
                                                List.of("stage"),
                                                "other",
                                                List.of("stage"))))
                .hasMessageContaining("stage is named twice");
        assertThatThrownBy(
                        () ->
                                new PublicationPolicy(
                                        0,
                                        new PublicationPolicy.Symbols("c", "low", "x", "z"),
                                        List.of(),
                                        Map.of()))
                .hasMessageContaining("threshold");
    }
}
