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
                .hasSize(26)
                .startsWith("record_id", "case_ref", "feedback_type")
                .endsWith("complainant_name", "complainant_email", "child_name", "summary");
        assertThat(f.column("feedback_type").orElseThrow().values())
                .hasSize(9)
                .contains("LGO_ENQUIRY");
        assertThat(f.column("service_area").orElseThrow().codeList()).isEqualTo("service_areas");
        assertThat(f.column("outcome").orElseThrow().allowedWhen()).containsKey("OUTSIDE_REMIT");
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
