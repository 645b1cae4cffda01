package org.ccft.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Severities are configuration: a setting names a check exactly or a family of rules, in any spelling. */
class QualityPolicyTest {

    @Test
    void aSettingOverridesTheDeclaredSeverityByNameOrFamily() {
        QualityPolicy policy = new QualityPolicy(Map.of("drop-volume", "warning", "code_list", "off",
                "type:received_date", "critical"), QualityPolicy.AnomalyBounds.DEFAULT);
        assertThat(policy.severity("drop_volume", Severity.CRITICAL)).isEqualTo(Severity.WARNING);
        assertThat(policy.severity("code_list:service_area", Severity.ERROR)).isEqualTo(Severity.OFF);
        assertThat(policy.severity("type:received_date", Severity.ERROR)).isEqualTo(Severity.CRITICAL);
        assertThat(policy.severity("type:stage", Severity.ERROR)).as("another rule of the family").isEqualTo(Severity.ERROR);
        assertThat(policy.severity("quarantine_rate", Severity.WARNING)).isEqualTo(Severity.WARNING);
    }

    @Test
    void anEnvironmentVariableSpellingIsTheSameSetting() {
        // CCFT_QUALITY_SEVERITY_DROP_VOLUME binds the key drop.volume
        QualityPolicy policy = new QualityPolicy(Map.of("drop.volume", "WARNING"), QualityPolicy.AnomalyBounds.DEFAULT);
        assertThat(policy.severity("drop_volume", Severity.CRITICAL)).isEqualTo(Severity.WARNING);
    }

    @Test
    void anUnknownSeverityIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> new QualityPolicy(Map.of("drop_volume", "loud"), QualityPolicy.AnomalyBounds.DEFAULT))
                .hasMessage("unknown severity 'loud': use error, warning, critical or off");
    }
}
