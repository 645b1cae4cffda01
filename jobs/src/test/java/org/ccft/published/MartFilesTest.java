package org.ccft.published;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.types.StructType;
import org.ccft.marts.MartDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files people open: CSV that Excel reads as UTF-8, and cells that cannot run as formulas. */
class MartFilesTest {

    private static final String ROWS =
            "SELECT * FROM (VALUES ('=1+1', -5, DATE '2023-04-06'), ('+44 1223', 0, NULL),"
                    + " ('-x', 1, NULL), ('@SUM(A1)', 2, NULL), ('Café, \"quoted\"', NULL, NULL)) t(label, n, d)";

    @Test
    void csvIsUtf8WithAByteOrderMarkAndNoFormulas(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("m.csv");
        try (Connection db = DuckDb.inMemory();
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery(ROWS)) {
            MartCsv.write(rows, file);
        }
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8).substring(1))
                .isEqualTo(
                        "label,n,d\r\n"
                                + "'=1+1,-5,2023-04-06\r\n"
                                + "'+44 1223,0,\r\n"
                                + "'-x,1,\r\n"
                                + "'@SUM(A1),2,\r\n"
                                + "\"Café, \"\"quoted\"\"\",,\r\n");
    }

    @Test
    void theWorkbookHasContentsAndTypedCellsThatAreNeverFormulas(@TempDir Path tmp)
            throws Exception {
        Path file = tmp.resolve("w.xlsx");
        MartDefinition definition =
                new MartDefinition(
                        "Tricky text",
                        "internal",
                        "Labels that look like formulas.",
                        "one row per label",
                        null,
                        null,
                        null,
                        Map.of("label", "A label.", "n", "A number.", "d", "A date."),
                        null,
                        List.of(),
                        List.of());
        DataDictionary dictionary =
                DataDictionary.of(
                        List.of(
                                new DataDictionary.Entry(
                                        "tricky",
                                        3,
                                        definition,
                                        StructType.fromDDL("label STRING, n INT, d DATE"))),
                        "2023-04-06");
        try (Connection db = DuckDb.inMemory();
                Statement sql = db.createStatement();
                MartWorkbook workbook =
                        new MartWorkbook(
                                file, dictionary, "Marts as at 2023-04-06", Set.of("tricky"));
                ResultSet rows = sql.executeQuery(ROWS)) {
            workbook.sheet("tricky", rows);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(file))) {
            assertThat(book.getSheetName(0)).isEqualTo("Contents");
            assertThat(book.getSheetName(1)).isEqualTo("Columns");
            assertThat(book.getSheetName(2)).isEqualTo("tricky");
            Sheet contents = book.getSheet("Contents");
            assertThat(contents.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Marts as at 2023-04-06");
            assertThat(contents.getRow(3).getCell(0).getStringCellValue()).isEqualTo("tricky");
            assertThat(contents.getRow(3).getCell(1).getStringCellValue()).isEqualTo("Tricky text");
            assertThat(contents.getRow(3).getCell(2).getStringCellValue()).isEqualTo("internal");
            assertThat(book.getSheet("Columns").getRow(3).getCell(4).getStringCellValue())
                    .isEqualTo("A date.");
            assertThat(book.getSheet("Columns").getRow(3).getCell(3).getStringCellValue())
                    .isEqualTo("date");
            Sheet tricky = book.getSheet("tricky");
            for (int r = 1; r <= 4; r++) {
                assertThat(tricky.getRow(r).getCell(0).getCellType())
                        .as("row %d", r)
                        .isEqualTo(CellType.STRING);
            }
            assertThat(tricky.getRow(1).getCell(0).getStringCellValue()).isEqualTo("=1+1");
            assertThat(tricky.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(tricky.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(-5.0);
            assertThat(tricky.getRow(1).getCell(2).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2023, 4, 6));
            assertThat(tricky.getRow(5).getCell(0).getStringCellValue())
                    .isEqualTo("Café, \"quoted\"");
        }
    }

    /**
     * A mart as an analyst opens it: an Excel table with filters under friendly headers, the names
     * of codes beside the codes, shares as percentages, pounds as money, months as dates, and a
     * Contents sheet whose names link to their sheets.
     */
    @Test
    void theWorkbookHasTablesFormatsNamesAndLinks(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("w.xlsx");
        MartDefinition definition =
                new MartDefinition(
                        "Outcomes",
                        "internal",
                        "Outcomes by service area.",
                        "one row per month and service area",
                        null,
                        null,
                        null,
                        Map.of(),
                        null,
                        List.of(),
                        List.of());
        DataDictionary dictionary =
                DataDictionary.of(
                        List.of(
                                new DataDictionary.Entry(
                                        "outcomes",
                                        1,
                                        definition,
                                        StructType.fromDDL(
                                                "month STRING, service_area STRING, received BIGINT,"
                                                        + " upheld_share DOUBLE, total_gbp DOUBLE"))),
                        "2023-04-06");
        String rows =
                "SELECT * FROM (VALUES ('2022-05', 'SAT', 1234, 0.2941, 2500.5),"
                        + " ('2022-04', 'UNKNOWN_AREA', 3, 0.5, 0.0)) t(month, service_area, received,"
                        + " upheld_share, total_gbp) ORDER BY ALL";
        try (Connection db = DuckDb.inMemory();
                Statement sql = db.createStatement();
                MartWorkbook workbook =
                        new MartWorkbook(file, dictionary, "Marts", Set.of("outcomes"));
                ResultSet answer = sql.executeQuery(rows)) {
            workbook.sheet("outcomes", answer);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(file))) {
            XSSFSheet sheet = book.getSheet("outcomes");
            assertThat(sheet.getTables()).hasSize(1);
            assertThat(sheet.getTables().get(0).getCTTable().isSetAutoFilter()).isTrue();
            assertThat(sheet.getTables().get(0).getArea().formatAsString()).isEqualTo("A1:F3");
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers)
                    .containsExactly(
                            "Month",
                            "Service area",
                            "Service area (name)",
                            "Received",
                            "Upheld share",
                            "Total (£)");
            // Sorted: April before May.
            assertThat(sheet.getRow(1).getCell(0).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2022, 4, 1));
            assertThat(sheet.getRow(1).getCell(0).getCellStyle().getDataFormatString())
                    .isEqualTo("mmm yyyy");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("SAT");
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue())
                    .isEqualTo("Statutory Assessment Team");
            // A code no list names keeps its code as its name.
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("UNKNOWN_AREA");
            assertThat(sheet.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(1234.0);
            assertThat(sheet.getRow(2).getCell(3).getCellStyle().getDataFormatString())
                    .isEqualTo("#,##0");
            assertThat(sheet.getRow(2).getCell(4).getCellStyle().getDataFormatString())
                    .isEqualTo("0%");
            assertThat(sheet.getRow(2).getCell(5).getCellStyle().getDataFormatString())
                    .isEqualTo("£#,##0");
            Hyperlink link = book.getSheet("Contents").getRow(3).getCell(0).getHyperlink();
            assertThat(link.getAddress()).isEqualTo("'outcomes'!A1");
            assertThat(book.getSheet("Contents").getRow(3).getCell(0).getStringCellValue())
                    .isEqualTo("outcomes");
        }
    }
}
