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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.StructField;
import org.ccft.reference.CodeNames;
import org.dhatim.fastexcel.HyperLink;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * One Excel workbook of the published marts: a Contents sheet linking to every sheet and a Columns
 * sheet taken from the data dictionary, then one sheet per mart, each an Excel table with filters.
 * Every value is written as a typed cell (a number, a date, a boolean or text); no cell is a
 * formula, so text that starts with {@code =} stays text. Sheets are streamed to the file one after
 * another.
 */
final class MartWorkbook implements AutoCloseable {

    private final OutputStream out;
    private final Workbook workbook;
    private final CodeNames codes = CodeNames.load();

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
        ws.value(1, 0, "Each sheet is a table with filters; select a sheet's name to go to it.");
        header(
                ws,
                2,
                "Sheet",
                "Title",
                "Who may read it",
                "One row per",
                "What it holds",
                "In the annual report",
                "Notes",
                "Published version");
        int r = 3;
        for (DataDictionary.Entry e : dictionary.entries()) {
            if (!marts.contains(e.mart())) {
                continue;
            }
            var d = e.definition();
            ws.hyperlink(r, 0, HyperLink.internal("'" + e.mart() + "'!A1", e.mart()));
            text(ws, r, 1, d.title());
            text(ws, r, 2, d.audience());
            text(ws, r, 3, d.grain().replaceFirst("^one row per ", ""));
            text(ws, r, 4, d.description().trim());
            text(ws, r, 5, d.report() == null ? null : d.report().trim());
            text(ws, r, 6, d.notes() == null ? null : d.notes().trim());
            ws.value(r, 7, e.version());
            r++;
        }
        widths(ws, 28, 40, 14, 50, 80, 60, 60, 10);
        ws.freezePane(0, 3);
        ws.finish();
    }

    private void columns(DataDictionary dictionary, Set<String> marts) throws IOException {
        Worksheet ws = workbook.newWorksheet("Columns");
        header(ws, 0, "Sheet", "Column", "Header", "Holds", "Meaning");
        int r = 1;
        for (DataDictionary.Entry e : dictionary.entries()) {
            if (!marts.contains(e.mart())) {
                continue;
            }
            for (StructField f : e.schema().fields()) {
                text(ws, r, 0, e.mart());
                text(ws, r, 1, f.name());
                text(ws, r, 2, CodeNames.header(f.name()));
                text(ws, r, 3, DataDictionary.holds(f.dataType()));
                String meaning = e.definition().meaning(f.name(), dictionary.shared());
                text(ws, r, 4, meaning == null ? null : meaning.trim());
                r++;
            }
        }
        if (r > 1) {
            ws.range(0, 0, r - 1, 4)
                    .createTable("Sheet", "Column", "Header", "Holds", "Meaning")
                    .setName("columns")
                    .setDisplayName("columns");
        }
        widths(ws, 28, 28, 28, 14, 100);
        ws.freezePane(0, 1);
        ws.finish();
    }

    /**
     * One mart's rows as a sheet named for it: an Excel table with filters under friendly headers,
     * each code column followed by the names its codes stand for, figures formatted as the data
     * dictionary reads them (counts with thousands separators, shares as percentages, pounds,
     * dates, months as months). The rows come in the order the query gives (sorted by the callers).
     */
    void sheet(String mart, ResultSet rows) throws SQLException, IOException {
        Worksheet ws = workbook.newWorksheet(mart);
        ResultSetMetaData meta = rows.getMetaData();
        int n = meta.getColumnCount();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(meta.getColumnLabel(i + 1));
        }
        // A code column gets a column of names beside it, unless the mart has one already.
        boolean[] named = new boolean[n];
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            headers.add(CodeNames.header(names.get(i)));
            named[i] =
                    codes.hasNames(names.get(i))
                            && !names.contains(names.get(i) + "_name")
                            && meta.getColumnType(i + 1) == Types.VARCHAR;
            if (named[i]) {
                headers.add(CodeNames.header(names.get(i)) + " (name)");
            }
        }
        header(ws, 0, headers.toArray(String[]::new));
        int r = 1;
        while (rows.next()) {
            int c = 0;
            for (int i = 0; i < n; i++) {
                cell(ws, r, c++, rows, i + 1, meta.getColumnType(i + 1), names.get(i));
                if (named[i]) {
                    String code = rows.getString(i + 1);
                    text(ws, r, c++, code == null ? null : codes.name(names.get(i), code));
                }
            }
            r++;
        }
        int columns = headers.size();
        for (int c = 0; c < columns; c++) {
            ws.width(c, Math.max(10, Math.min(40, headers.get(c).length() + 4)));
        }
        if (r > 1) {
            ws.range(0, 0, r - 1, columns - 1)
                    .createTable(headers.toArray(String[]::new))
                    .setName("t_" + mart)
                    .setDisplayName("t_" + mart);
        }
        ws.freezePane(0, 1);
        ws.finish();
    }

    private static void cell(
            Worksheet ws, int r, int c, ResultSet rows, int i, int type, String column)
            throws SQLException {
        switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                long v = rows.getLong(i);
                if (!rows.wasNull()) {
                    ws.value(r, c, v);
                    FigureFormat f = FigureFormat.of(column, true);
                    ws.style(r, c)
                            .format(
                                    f == FigureFormat.DECIMAL
                                            ? FigureFormat.COUNT.excel()
                                            : f.excel())
                            .set();
                }
            }
            case Types.FLOAT, Types.REAL, Types.DOUBLE, Types.DECIMAL, Types.NUMERIC -> {
                var v = rows.getBigDecimal(i);
                if (v != null) {
                    ws.value(r, c, v);
                    ws.style(r, c).format(FigureFormat.of(column, true).excel()).set();
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
                    ws.style(r, c).format(FigureFormat.DATE.excel()).set();
                }
            }
            default -> {
                String v = rows.getString(i);
                if (v != null && column.equals("month") && v.matches("\\d{4}-\\d{2}")) {
                    ws.value(r, c, LocalDate.parse(v + "-01"));
                    ws.style(r, c).format("mmm yyyy").set();
                } else {
                    text(ws, r, c, v);
                }
            }
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
