package org.ccft.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CmsContractTest {

    @Test
    void feedbackRecordsCarryTheContractColumnsInOrder() {
        FileContract f = CmsContract.FEEDBACK_RECORDS;
        assertThat(f.key()).isEqualTo("record_id");
        assertThat(f.columnNames())
                .hasSize(29)
                .startsWith("record_id", "case_ref", "feedback_type")
                .endsWith("complainant_name", "complainant_email", "child_name", "summary");
        assertThat(f.column("feedback_type").orElseThrow().values())
                .hasSize(9)
                .contains("LGO_ENQUIRY");
        assertThat(f.column("service_area").orElseThrow().codeList()).isEqualTo("service_areas");
        assertThat(f.column("outcome").orElseThrow().allowedWhen()).containsKey("OUTSIDE_REMIT");
        // Release 1.1 added three columns; the first release's columns have no release named.
        assertThat(f.columns())
                .filteredOn(c -> "1.1".equals(c.since()))
                .extracting(ColumnSpec::name)
                .containsExactly("acknowledged_date", "not_accepted_reason", "remedy_before_lgo");
        assertThat(f.column("stage").orElseThrow().inForce()).isEqualTo("complaint_timescales");
        assertThat(CmsContract.ACTIONS.column("kind").orElseThrow().values())
                .contains("LGO_RECOMMENDATION");
    }

    @Test
    void personalDataNeverCountsAsAnalytic() {
        assertThat(CmsContract.FEEDBACK_RECORDS.analyticColumns())
                .extracting(ColumnSpec::name)
                .doesNotContain("complainant_name", "complainant_email", "child_name", "summary")
                .contains("record_id", "themes");
        assertThat(CmsContract.ACTIONS.analyticColumns())
                .extracting(ColumnSpec::name)
                .doesNotContain("description");
    }

    @Test
    void everyCmsFileIsKnownByName() {
        assertThat(CmsContract.cmsFile("contacts.csv").table()).isEqualTo("contacts");
        assertThatThrownBy(() -> CmsContract.cmsFile("payments.csv"))
                .hasMessageContaining("payments.csv");
    }

    @Test
    void aContractWhoseKeyIsNotAColumnIsRefused() {
        assertThatThrownBy(() -> new FileContract("x.csv", "x", "id", List.of()))
                .hasMessageContaining("key column id");
    }
}
