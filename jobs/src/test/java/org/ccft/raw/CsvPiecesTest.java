package org.ccft.raw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.ccft.schemas.CmsContract;
import org.junit.jupiter.api.Test;

/**
 * A file parsed in pieces gives the rows, lines and errors of the file parsed whole, whatever the
 * piece size: each file below is cut at every size from one byte to its length.
 */
class CsvPiecesTest {

    private static final String HEADER = "contact_id,record_id,adjustment,last_modified,extra\n";

    private static final Map<String, String> FILES =
            Map.ofEntries(
                    Map.entry("plain", HEADER + "K1,R1,A,2023-01-01,x\nK2,R2,B,2023-01-02,y\n"),
                    Map.entry(
                            "CRLF", (HEADER + "K1,R1,A,d,x\nK2,R2,B,d,y\n").replace("\n", "\r\n")),
                    Map.entry(
                            "CR alone",
                            (HEADER + "K1,R1,A,d,x\nK2,R2,B,d,y\n").replace("\n", "\r")),
                    Map.entry(
                            "quoted line breaks, commas and quotes",
                            HEADER
                                    + "K1,\"two\nlines\",\"a, b\",d,\"say \"\"hi\"\"\"\n"
                                    + "K2,\"cr\r\nlf\",\"\"\"\",d,\"\"\n"
                                    + "K3,R3,\"\n\n\",d,x\n"),
                    Map.entry("blank lines", HEADER + "\nK1,R1,A,d,x\n\n\nK2,R2,B,d,y\n\n"),
                    Map.entry(
                            "a quote inside a field",
                            HEADER + "K1,O\"Brien,A,d,x\nK2,R\"2\"\",B,d,y\n"),
                    Map.entry(
                            "space after a closing quote",
                            HEADER + "K1,\"R1\" ,A,d,x\nK2,\"R2\"\t,B,d,y\nK3,R3,C,d,z\n"),
                    Map.entry(
                            "a character after a closing quote stops the parse",
                            HEADER + "K1,R1,A,d,x\nK2,\"R2\"x,B,d,y\nK3,R3,C,d,z\nK4,R4,D,d,w\n"),
                    Map.entry(
                            "a quote never closed",
                            HEADER + "K1,R1,A,d,x\nK2,\"R2,B,d,y\nK3,R3,C,d,z\nK4,R4,D,d,w\n"),
                    Map.entry(
                            "a byte order mark and a quoted header",
                            "\uFEFF\"contact_id\",record_id,adjustment,last_modified,extra\nK1,R1,A,d,x\n"),
                    Map.entry("no final line break", HEADER + "K1,R1,A,d,x\nK2,R2,B,d,\"y\""),
                    Map.entry(
                            "too few and too many fields",
                            HEADER + "K1,R1\nK2,R2,B,d,y,z\nK3,R3,C,d,w\n"),
                    Map.entry("header alone", HEADER),
                    Map.entry("empty", ""),
                    Map.entry(
                            "not UTF-8 and multi-byte",
                            HEADER + "K1,Ré,\u00ff\u00fe,d,\u2028\nK2,R2,B,d,y\n"));

    private final CmsCsvParser parser = new CmsCsvParser(CmsContract.CONTACTS);

    private List<String> whole(byte[] file) throws Exception {
        return parser.parse("E1", "cms/E1/contacts.csv", new ByteArrayInputStream(file)).stream()
                .map(Row::toString)
                .toList();
    }

    private List<String> inPieces(byte[] file, List<CsvPieces.Piece> pieces) throws Exception {
        List<String> rows = new ArrayList<>();
        for (CsvPieces.Piece piece : pieces) {
            parser.rows("E1", "cms/E1/contacts.csv", piece, () -> new ByteArrayInputStream(file))
                    .forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }

    private static byte[] bytes(String name, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (name.startsWith("not UTF-8")) {
            // two bytes no UTF-8 text holds, where the text has ÿþ
            String s = new String(utf8, StandardCharsets.ISO_8859_1);
            return s.replace("\u00c3\u00bf\u00c3\u00be", "\u00ff\u00fe")
                    .getBytes(StandardCharsets.ISO_8859_1);
        }
        return utf8;
    }

    @Test
    void everyPieceSizeGivesTheRowsOfTheWholeFile() throws Exception {
        for (var file : FILES.entrySet()) {
            byte[] b = bytes(file.getKey(), file.getValue());
            List<String> expected = whole(b);
            for (int size = 1; size <= b.length + 1; size++) {
                List<CsvPieces.Piece> pieces = CsvPieces.of(new ByteArrayInputStream(b), size);
                assertThat(inPieces(b, pieces))
                        .as("%s in pieces of %d bytes: %s", file.getKey(), size, pieces)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void piecesFollowEachOtherToTheFilesEnd() throws Exception {
        for (var file : FILES.entrySet()) {
            byte[] b = bytes(file.getKey(), file.getValue());
            List<CsvPieces.Piece> pieces = CsvPieces.of(new ByteArrayInputStream(b), 7);
            assertThat(pieces.get(0).start()).isZero();
            assertThat(pieces.get(pieces.size() - 1).end()).isEqualTo(b.length);
            for (int i = 1; i < pieces.size(); i++) {
                assertThat(pieces.get(i).start()).isEqualTo(pieces.get(i - 1).end());
            }
        }
    }

    @Test
    void aFileIsCutOnlyWhereARecordEnds() throws Exception {
        byte[] b =
                (HEADER + "K1,\"a\nb\nc\nd\",A,d,x\nK2,R2,B,d,y\n")
                        .getBytes(StandardCharsets.UTF_8);
        List<CsvPieces.Piece> pieces = CsvPieces.of(new ByteArrayInputStream(b), 1);
        // the header, K1 (four lines), K2: cut after each record, never inside K1's quotes
        assertThat(pieces).extracting(CsvPieces.Piece::linesBefore).containsExactly(0L, 1L, 5L);
    }

    @Test
    void piecesOfOneByteEndAfterEveryRecord() throws Exception {
        for (String name :
                List.of(
                        "plain",
                        "CRLF",
                        "CR alone",
                        "a quote inside a field",
                        "space after a closing quote",
                        "too few and too many fields")) {
            byte[] b = bytes(name, FILES.get(name));
            long records = whole(b).size() + 1; // and the header
            assertThat(CsvPieces.of(new ByteArrayInputStream(b), 1))
                    .as(name)
                    .hasSize((int) records);
        }
    }

    @Test
    void nothingIsCutAfterAQuoteThatIsNeverClosed() throws Exception {
        byte[] b =
                (HEADER + "K1,R1,A,d,x\nK2,\"R2,B,d,y\nK3,R3,C,d,z\n")
                        .getBytes(StandardCharsets.UTF_8);
        List<CsvPieces.Piece> pieces = CsvPieces.of(new ByteArrayInputStream(b), 1);
        assertThat(pieces).extracting(CsvPieces.Piece::linesBefore).containsExactly(0L, 1L, 2L);
        List<String> rows = inPieces(b, pieces);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).contains("csv_unreadable");
    }
}
