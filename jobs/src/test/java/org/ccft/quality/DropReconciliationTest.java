package org.ccft.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ccft.testing.TestSpark;
import org.junit.jupiter.api.Test;

class DropReconciliationTest {

    private static Dataset<Row> ids(String... exportIds) {
        SparkSession spark = TestSpark.session();
        return spark.createDataset(java.util.List.of(exportIds), org.apache.spark.sql.Encoders.STRING())
                .toDF("export_id");
    }

    @Test
    void aDropWhoseRowsAddUpReconciles() {
        assertThat(DropReconciliation.mismatches("t", ids("A", "A", "A", "B"), ids("A", "A", "B"), ids("A")))
                .isEmpty();
    }

    @Test
    void aRowLostBetweenRawAndConformedIsNamedWithItsDrop() {
        assertThat(DropReconciliation.mismatches("feedback_records", ids("A", "A", "B", "B"), ids("A", "B"), ids("A")))
                .containsExactly("feedback_records drop B: raw 2 rows, accepted 1 + quarantined 0");
    }

    @Test
    void aRowCountedTwiceIsNamedToo() {
        assertThat(DropReconciliation.mismatches("actions", ids("A"), ids("A"), ids("A")))
                .containsExactly("actions drop A: raw 1 rows, accepted 1 + quarantined 1");
    }
}
