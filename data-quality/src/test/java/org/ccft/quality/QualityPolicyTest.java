package org.ccft.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Severities are configuration: a setting names a check exactly or a family of rules, in any
 * spelling; the structural checks can be raised, never lowered below error; what is set is there to
 * record.
 */
class QualityPolicyTest {

    @Test
    void aSettingOverridesTheDeclaredSeverityByNameOrFamily() {
        QualityPolicy policy =
                new QualityPolicy(
                        Map.of(
                                "drop-volume",
                                "warning",
                                "code_list",
                                "off",
                                "type:received_date",
                                "critical"),
                        QualityPolicy.AnomalyBounds.DEFAULT);
        assertThat(policy.severity("drop_volume", Severity.CRITICAL)).isEqualTo(Severity.WARNING);
        assertThat(policy.severity("code_list:service_area", Severity.ERROR))
                .isEqualTo(Severity.OFF);
        assertThat(policy.severity("type:received_date", Severity.ERROR))
                .isEqualTo(Severity.CRITICAL);
        assertThat(policy.severity("type:stage", Severity.ERROR))
                .as("another rule of the family")
                .isEqualTo(Severity.ERROR);
        assertThat(policy.severity("quarantine_rate", Severity.WARNING))
                .isEqualTo(Severity.WARNING);
    }

    @Test
    void anEnvironmentVariableSpellingIsTheSameSetting() {
        // CCFT_QUALITY_SEVERITY_DROP_VOLUME binds the key drop.volume
        QualityPolicy policy =
                new QualityPolicy(
                        Map.of("drop.volume", "WARNING"), QualityPolicy.AnomalyBounds.DEFAULT);
        assertThat(policy.severity("drop_volume", Severity.CRITICAL)).isEqualTo(Severity.WARNING);
    }

    @Test
    void anUnknownSeverityIsRefusedWithTheChoices() {
        assertThatThrownBy(
                        () ->
                                new QualityPolicy(
                                        Map.of("drop_volume", "loud"),
                                        QualityPolicy.AnomalyBounds.DEFAULT))
                .hasMessage("unknown severity 'loud': use error, warning, critical or off");
    }

    @Test
    void structuralChecksCannotBeLoweredBelowError() {
        for (String check :
                new String[] {
                    "csv_format",
                    "csv-format",
                    "[csv_format:encoding]",
                    "csv_format:encoding",
                    "rows_reconcile",
                    "missing_column",
                    "missing_column:record_id"
                }) {
            for (String severity : new String[] {"warning", "off"}) {
                assertThatThrownBy(
                                () ->
                                        new QualityPolicy(
                                                Map.of(check, severity),
                                                QualityPolicy.AnomalyBounds.DEFAULT))
                        .as(check + "=" + severity)
                        .hasMessageContaining("is a structural check");
            }
        }
        QualityPolicy raised =
                new QualityPolicy(
                        Map.of(
                                "csv_format",
                                "critical",
                                "missing_column",
                                "error",
                                "drop_volume",
                                "off"),
                        QualityPolicy.AnomalyBounds.DEFAULT);
        assertThat(raised.severity("csv_format:encoding", Severity.ERROR))
                .isEqualTo(Severity.CRITICAL);
        assertThat(raised.severity("missing_column:record_id", Severity.CRITICAL))
                .isEqualTo(Severity.ERROR);
        assertThat(raised.overrides()).containsEntry("drop_volume", Severity.OFF).hasSize(3);
    }
}
