package org.ccft.staging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.ccft.lakehouse.DeltaTables;
import org.ccft.lakehouse.WarehouseLayout;
import org.ccft.landing.Drop;
import org.ccft.landing.Manifest;
import org.ccft.landing.SoundDrops;
import org.ccft.quality.QualityPolicy;
import org.ccft.quality.RowRules;
import org.ccft.raw.CmsCsvParser;
import org.ccft.schemas.CmsContract;
import org.ccft.schemas.FileContract;
import org.ccft.testing.Cms;
import org.ccft.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which files have no row tonight (no drop lists them, or each lists them with no rows), and the
 * staging table of such a file emptied, with the columns validation gives it.
 */
class RowValidationTest {

    private static Drop drop(String exportId, Manifest.ListedFile... files) {
        return new Drop(
                exportId,
                "cms/" + exportId,
                "sha",
                new Manifest(exportId, "INCREMENTAL", "2023-04-01T02:00:00Z", List.of(files)),
                null);
    }

    @Test
    void aFileIsWithoutRowsTonightWhenNoDropListsItOrEachListsItEmpty() {
        SoundDrops sound =
                new SoundDrops(
                        List.of(
                                drop(
                                        "E1",
                                        new Manifest.ListedFile("feedback_records.csv", 0L, "a"),
                                        new Manifest.ListedFile("actions.csv", 0L, "b")),
                                drop(
                                        "E2",
                                        new Manifest.ListedFile("feedback_records.csv", 3L, "c"),
                                        new Manifest.ListedFile("actions.csv", 0L, "d"),
                                        new Manifest.ListedFile("contacts.csv", null, "e"))),
                        Map.of());
        assertThat(sound.noRowsOf("feedback_records.csv")).isFalse();
        assertThat(sound.noRowsOf("actions.csv")).isTrue();
        assertThat(sound.noRowsOf("contacts.csv")).as("a count not given").isFalse();
        assertThat(sound.noRowsOf("unlisted.csv")).isTrue();
    }

    @Test
    void clearingEmptiesStagingWithTheColumnsValidationGivesIt(@TempDir Path tmp) throws Exception {
        SparkSession spark = TestSpark.session();
        WarehouseLayout layout = new WarehouseLayout(tmp.toString());
        RowValidation validation =
                new RowValidation(
                        spark,
                        layout,
                        ContractRules.referenceCodeLists(),
                        new RowRules(QualityPolicy.defaults(), null));
        Dataset<Row> asOf =
                spark.createDataFrame(
                        List.of(RowFactory.create("E1", Date.valueOf("2023-04-01"))),
                        StructType.fromDDL("export_id STRING, _as_of_date DATE"));
        Map<FileContract, List<String>> goodRow =
                Map.of(
                        CmsContract.FEEDBACK_RECORDS, Cms.feedback(),
                        CmsContract.ACTIONS, Cms.action(),
                        CmsContract.CONTACTS, Cms.contact());
        for (FileContract file : CmsContract.CMS_FILES) {
            StringBuilder csv = new StringBuilder();
            try (CSVPrinter p = new CSVPrinter(csv, CSVFormat.RFC4180)) {
                p.printRecord(file.columnNames());
                p.printRecord(goodRow.get(file));
            }
            CmsCsvParser parser = new CmsCsvParser(file);
            Dataset<Row> raw =
                    spark.createDataFrame(
                            parser.parse(
                                    "E1",
                                    "cms/E1/" + file.file(),
                                    new ByteArrayInputStream(
                                            csv.toString().getBytes(StandardCharsets.UTF_8))),
                            parser.rawSchema());
            RowValidation.Counts counts = validation.validate(file, raw, asOf, List.of("E1"), 1);
            assertThat(counts.accepted()).as(file.table()).isEqualTo(1);
            String staging = layout.staging(file.table());
            StructType validated = DeltaTables.read(spark, staging).schema();

            validation.clear(file);
            Dataset<Row> cleared = DeltaTables.read(spark, staging);
            assertThat(cleared.count()).as(file.table()).isZero();
            assertThat(cleared.schema()).as(file.table()).isEqualTo(validated);
        }
    }
}
