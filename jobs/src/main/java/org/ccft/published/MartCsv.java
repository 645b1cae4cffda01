package org.ccft.published;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A mart as a CSV file people open in Excel: UTF-8 with a byte-order mark (without it Excel reads
 * the file as the machine's code page), RFC 4180 quoting, a header, CRLF line ends, nulls as empty
 * cells. A text cell that Excel would run as a formula (it starts with {@code = + - @}, a tab or a
 * carriage return) is written with a leading apostrophe, so that it stays text.
 */
final class MartCsv {

    static final char BYTE_ORDER_MARK = '\uFEFF';

    private MartCsv() {}

    static void write(ResultSet rows, Path file) throws IOException, SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int n = meta.getColumnCount();
        String[] header = new String[n];
        boolean[] text = new boolean[n];
        for (int i = 0; i < n; i++) {
            header[i] = meta.getColumnLabel(i + 1);
            text[i] = isText(meta.getColumnType(i + 1));
        }
        try (Writer out =
                new BufferedWriter(
                        new OutputStreamWriter(
                                Files.newOutputStream(file), StandardCharsets.UTF_8))) {
            out.write(BYTE_ORDER_MARK); // before the header, which the printer writes as it is made
            CSVPrinter csv =
                    new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).build());
            Object[] values = new Object[n];
            while (rows.next()) {
                for (int i = 0; i < n; i++) {
                    String value = rows.getString(i + 1);
                    values[i] = value != null && text[i] ? inert(value) : value;
                }
                csv.printRecord(values);
            }
            csv.flush();
        }
    }

    static boolean isText(int jdbcType) {
        return jdbcType == Types.VARCHAR
                || jdbcType == Types.CHAR
                || jdbcType == Types.LONGVARCHAR
                || jdbcType == Types.NVARCHAR
                || jdbcType == Types.OTHER;
    }

    /** The value, made unable to run as a formula when opened in a spreadsheet. */
    static String inert(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
