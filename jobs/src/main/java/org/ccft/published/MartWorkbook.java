package org.ccft.published;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Set;
import org.apache.spark.sql.types.StructField;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * One Excel workbook of the published marts: a Contents sheet and a Columns sheet taken from the
 * data dictionary, then one sheet per mart. Every value is written as a typed cell (a number, a
 * date, a boolean or text); no cell is a formula, so text that starts with {@code =} stays text.
 * Sheets are streamed to the file one after another.
 */
final class MartWorkbook implements AutoCloseable {

    private final OutputStream out;
    private final Workbook workbook;

    MartWorkbook(Path file, DataDictionary dictionary, String title, Set<String> marts)
            throws IOException {
        this.out = Files.newOutputStream(file);
        this.workbook = new Workbook(out, "ccft", "1.0");
        contents(dictionary, title, marts);
        columns(dictionary, marts);
    }

    private void contents(DataDictionary dictionary, String title, Set<String> marts)
            throws IOException {
        Worksheet ws = workbook.newWorksheet("Contents");
        ws.value(0, 0, title);
        ws.style(0, 0).bold().fontSize(14).set();
        header(
                ws,
                2,
                "sheet",
                "title",
                "audience",
                "grain",
                "description",
                "in the annual report",
                "notes",
                "published version");
        int r = 3;
        for (DataDictionary.Entry e : dictionary.entries()) {
            if (!marts.contains(e.mart())) {
                continue;
            }
            var d = e.definition();
            text(ws, r, 0, e.mart());
            text(ws, r, 1, d.title());
            text(ws, r, 2, d.audience());
            text(ws, r, 3, d.grain());
            text(ws, r, 4, d.description().trim());
            text(ws, r, 5, d.report() == null ? null : d.report().trim());
            text(ws, r, 6, d.notes() == null ? null : d.notes().trim());
            ws.value(r, 7, e.version());
            r++;
        }
        widths(ws, 28, 40, 10, 50, 80, 60, 60, 10);
        ws.freezePane(0, 3);
        ws.finish();
    }

    private void columns(DataDictionary dictionary, Set<String> marts) throws IOException {
        Worksheet ws = workbook.newWorksheet("Columns");
        header(ws, 0, "sheet", "column", "type", "meaning");
        int r = 1;
        for (DataDictionary.Entry e : dictionary.entries()) {
            if (!marts.contains(e.mart())) {
                continue;
            }
            for (StructField f : e.schema().fields()) {
                text(ws, r, 0, e.mart());
                text(ws, r, 1, f.name());
                text(ws, r, 2, f.dataType().simpleString());
                String meaning = e.definition().meaning(f.name(), dictionary.shared());
                text(ws, r, 3, meaning == null ? null : meaning.trim());
                r++;
            }
        }
        widths(ws, 28, 28, 12, 100);
        ws.freezePane(0, 1);
        ws.finish();
    }

    /** One mart's rows as a sheet named for it, with a header row and typed cells. */
    void sheet(String mart, ResultSet rows) throws SQLException, IOException {
        Worksheet ws = workbook.newWorksheet(mart);
        ResultSetMetaData meta = rows.getMetaData();
        int n = meta.getColumnCount();
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = meta.getColumnLabel(i + 1);
        }
        header(ws, 0, names);
        int r = 1;
        while (rows.next()) {
            for (int c = 0; c < n; c++) {
                cell(ws, r, c, rows, c + 1, meta.getColumnType(c + 1));
            }
            r++;
        }
        ws.freezePane(0, 1);
        ws.finish();
    }

    private static void cell(Worksheet ws, int r, int c, ResultSet rows, int i, int type)
            throws SQLException {
        switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                long v = rows.getLong(i);
                if (!rows.wasNull()) {
                    ws.value(r, c, v);
                }
            }
            case Types.FLOAT, Types.REAL, Types.DOUBLE, Types.DECIMAL, Types.NUMERIC -> {
                var v = rows.getBigDecimal(i);
                if (v != null) {
                    ws.value(r, c, v);
                }
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean v = rows.getBoolean(i);
                if (!rows.wasNull()) {
                    ws.value(r, c, v);
                }
            }
            case Types.DATE -> {
                LocalDate v = rows.getObject(i, LocalDate.class);
                if (v != null) {
                    ws.value(r, c, v);
                    ws.style(r, c).format("yyyy-mm-dd").set();
                }
            }
            default -> text(ws, r, c, rows.getString(i));
        }
    }

    /** A text cell (an inline string: never a formula). */
    private static void text(Worksheet ws, int r, int c, String value) {
        if (value != null) {
            ws.value(r, c, value);
        }
    }

    private static void header(Worksheet ws, int row, String... names) {
        for (int c = 0; c < names.length; c++) {
            ws.value(row, c, names[c]);
            ws.style(row, c).bold().set();
        }
    }

    private static void widths(Worksheet ws, double... widths) {
        for (int c = 0; c < widths.length; c++) {
            ws.width(c, widths[c]);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.finish();
        } finally {
            out.close();
        }
    }
}
