package org.ccft.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * quality/checks.yml reads as declared: every check has its step, layer, severity, data and one
 * expectation.
 */
class DeclaredCheckTest {

    @Test
    void theCatalogCoversEveryLayerTheIssueNames() {
        DeclaredCheck.Catalog catalog = DeclaredCheck.load();
        assertThat(catalog.checks())
                .extracting(DeclaredCheck::layer)
                .contains("reconciliation", "conformed", "reference");
        assertThat(catalog.checks("drops"))
                .extracting(DeclaredCheck::name)
                .contains("rows_reconcile");
        assertThat(catalog.checks("warehouse"))
                .extracting(DeclaredCheck::name)
                .contains(
                        "one_row_per_key:feedback_records",
                        "escalation_has_stage_1",
                        "action_has_record",
                        "contact_has_record",
                        "dfe_markers_known");
        assertThat(catalog.anomalies())
                .extracting(DeclaredCheck::name)
                .contains("drop_volume", "volume:COMPLAINT", "quarantine_rate", "late_share");
        List<String> names = catalog.checks().stream().map(DeclaredCheck::name).toList();
        assertThat(names).doesNotHaveDuplicates();
        assertThat(catalog.checks()).allSatisfy(c -> assertThat(c.severity()).isNotNull());
    }

    @Test
    void theMedianJudgesAgainstTheUsualNotTheLastNight() {
        assertThat(AnomalyWatch.median(List.of(10.0, 2.0, 12.0))).isEqualTo(10.0);
        assertThat(AnomalyWatch.median(List.of(10.0, 12.0))).isEqualTo(11.0);
    }
}
