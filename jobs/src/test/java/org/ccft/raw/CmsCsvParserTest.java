package org.ccft.raw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.ccft.schemas.CmsContract;
import org.junit.jupiter.api.Test;

/** The parser is plain Java run on executors: tested here without Spark. */
class CmsCsvParserTest {

    private final CmsCsvParser parser = new CmsCsvParser(CmsContract.CONTACTS);

    private List<Row> parse(String csv) throws Exception {
        return parse(csv.getBytes(StandardCharsets.UTF_8));
    }

    private List<Row> parse(byte[] bytes) throws Exception {
        return parser.parse("E1", "cms/E1/contacts.csv", new ByteArrayInputStream(bytes));
    }

    private static Object field(Row r, String name) {
        return r.get(r.fieldIndex(name));
    }

    private Row typed(Row r) {
        Object[] values = new Object[r.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = r.get(i);
        }
        return new GenericRowWithSchema(values, parser.rawSchema());
    }

    @Test
    void quotedCommasQuotesAndLineBreaksStayInTheirFieldAndLinesCountFromTheFileStart()
            throws Exception {
        List<Row> rows =
                parse(
                        """
                contact_id,record_id,adjustment,last_modified,is_deleted
                K1,"R1, with comma","say ""hi""\",2023-01-01T00:00:00Z,N
                K2,"two
                lines",ELECTRONIC,2023-01-01T00:00:00Z,N
                K3,R3,ELECTRONIC,2023-01-01T00:00:00Z,N
                """);
        assertThat(rows).hasSize(3);
        assertThat(field(typed(rows.get(0)), "record_id")).isEqualTo("R1, with comma");
        assertThat(field(typed(rows.get(0)), "adjustment")).isEqualTo("say \"hi\"");
        assertThat(field(typed(rows.get(1)), "record_id")).isEqualTo("two\nlines");
        assertThat(rows).extracting(r -> r.getLong(2)).containsExactly(2L, 3L, 5L);
        assertThat(rows)
                .allSatisfy(r -> assertThat(field(typed(r), CmsCsvParser.PARSE_ERROR)).isNull());
    }

    @Test
    void columnsAreMatchedByNameInAnyOrderAndUnknownOnesAreKept() throws Exception {
        Row r =
                typed(
                        parse(
                                        """
                is_deleted,new_column,contact_id,last_modified,record_id
                N,surprise,K1,2023-01-01T00:00:00Z,R1
                """)
                                .get(0));
        assertThat(field(r, "contact_id")).isEqualTo("K1");
        assertThat(field(r, "record_id")).isEqualTo("R1");
        assertThat(field(r, "is_deleted")).isEqualTo("N");
        assertThat(field(r, "sent_date")).isNull(); // not in this release's header
        assertThat(r.getJavaMap(r.fieldIndex(CmsCsvParser.EXTRA)))
                .isEqualTo(Map.of("new_column", "surprise"));
    }

    @Test
    void anEmptyFieldIsNull() throws Exception {
        Row r = typed(parse("contact_id,sent_date,record_id\nK1,,\"\"\n").get(0));
        assertThat(field(r, "sent_date")).isNull();
        assertThat(field(r, "record_id")).isNull();
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws Exception {
        byte[] body = "contact_id,record_id\nK1,R1\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertThat(field(typed(parse(withBom).get(0)), "contact_id")).isEqualTo("K1");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsKeptAndNamed() throws Exception {
        List<Row> rows = parse("contact_id,record_id,adjustment\nK1,R1,ELECTRONIC\nK2,R2\n");
        assertThat(field(typed(rows.get(1)), CmsCsvParser.PARSE_ERROR))
                .isEqualTo("csv_field_count: expected 3 fields, found 2");
        assertThat(rows.get(1).getLong(2)).isEqualTo(3L);
    }

    @Test
    void aFileCutInsideAQuoteKeepsTheRowsBeforeAndNamesTheLine() throws Exception {
        List<Row> rows = parse("contact_id,record_id\nK1,R1\nK2,\"unterminated\nK3,R3\n");
        assertThat(rows).hasSize(2);
        assertThat(field(typed(rows.get(0)), CmsCsvParser.PARSE_ERROR)).isNull();
        assertThat(rows.get(1).getLong(2)).isEqualTo(3L);
        assertThat((String) field(typed(rows.get(1)), CmsCsvParser.PARSE_ERROR))
                .startsWith("csv_unreadable");
    }

    @Test
    void windows1252BytesAreNamedNotGuessed() throws Exception {
        byte[] bytes = "contact_id,record_id\nK1,\u00a3100\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(field(typed(parse(bytes).get(0)), CmsCsvParser.PARSE_ERROR))
                .isEqualTo("encoding_not_utf8");
    }

    @Test
    void aDuplicatedHeaderMarksEveryRow() throws Exception {
        List<Row> rows = parse("contact_id,record_id,contact_id\nK1,R1,K1\n");
        assertThat(field(typed(rows.get(0)), CmsCsvParser.PARSE_ERROR))
                .isEqualTo("header_duplicate_column: contact_id");
    }

    @Test
    void headerOnlyAndEmptyFilesHaveNoRowsAndBlankLinesAreNotRows() throws Exception {
        assertThat(parse("contact_id,record_id\n")).isEmpty();
        assertThat(parse("")).isEmpty();
        assertThat(parse("contact_id,record_id\nK1,R1\n\nK2,R2\n"))
                .extracting(r -> r.getLong(2))
                .containsExactly(2L, 4L);
    }

    @Test
    void crlfLineEndingsAreRfc4180() throws Exception {
        List<Row> rows = parse("contact_id,record_id\r\nK1,R1\r\nK2,R2\r\n");
        assertThat(rows).extracting(r -> field(typed(r), "record_id")).containsExactly("R1", "R2");
        assertThat(rows).extracting(r -> r.getLong(2)).containsExactly(2L, 3L);
    }
}
