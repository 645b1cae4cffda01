package org.ccft.published;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * How an answer is printed: CSV with a header, an aligned table, or JSON. Nulls print as empty
 * (null in JSON).
 */
public enum AnswerFormat {

    /** RFC 4180 CSV with a header row. */
    CSV {
        @Override
        public void print(MartReader.Answer answer, PrintStream out) {
            try {
                CSVPrinter csv =
                        new CSVPrinter(
                                out,
                                CSVFormat.RFC4180
                                        .builder()
                                        .setHeader(answer.columns().toArray(String[]::new))
                                        .build());
                for (Object[] row : answer.rows()) {
                    csv.printRecord(row);
                }
                csv.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    },
    /**
     * Columns aligned under their names, numbers to the right and rounded as their columns read,
     * and the row count.
     */
    TABLE {
        @Override
        public void print(MartReader.Answer answer, PrintStream out) {
            int n = answer.columns().size();
            int[] width = new int[n];
            List<String[]> cells = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                width[i] = answer.columns().get(i).length();
            }
            for (Object[] row : answer.rows()) {
                String[] c = new String[n];
                for (int i = 0; i < n; i++) {
                    c[i] = cell(answer.columns().get(i), row[i]);
                    width[i] = Math.max(width[i], c[i].length());
                }
                cells.add(c);
            }
            StringBuilder line = new StringBuilder();
            StringBuilder rule = new StringBuilder();
            for (int i = 0; i < n; i++) {
                line.append(i == 0 ? "" : " | ")
                        .append(pad(answer.columns().get(i), width[i], false));
                rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
            }
            out.println(line);
            out.println(rule);
            for (int r = 0; r < cells.size(); r++) {
                line.setLength(0);
                for (int i = 0; i < n; i++) {
                    line.append(i == 0 ? "" : " | ")
                            .append(
                                    pad(
                                            cells.get(r)[i],
                                            width[i],
                                            answer.rows().get(r)[i] instanceof Number));
                }
                out.println(line);
            }
            out.println(
                    "(" + answer.rows().size() + (answer.rows().size() == 1 ? " row)" : " rows)"));
        }

        /**
         * A number as the data dictionary's column reads ({@code 80%}, {@code 1,234}, {@code 4.5}),
         * never a binary fraction's tail ({@code 0.8000000000000007}).
         */
        private static String cell(String column, Object value) {
            if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
                return FigureFormat.of(column, true).text(value);
            }
            return value == null ? "" : value.toString();
        }

        private static String pad(String s, int width, boolean right) {
            String space = " ".repeat(width - s.length());
            return right ? space + s : s + space;
        }
    },
    /** One JSON array of objects, a member per column; numbers and booleans as JSON's own. */
    JSON {
        @Override
        public void print(MartReader.Answer answer, PrintStream out) {
            try {
                JsonGenerator json = new ObjectMapper().getFactory().createGenerator(out);
                json.writeStartArray();
                for (Object[] row : answer.rows()) {
                    json.writeStartObject();
                    for (int i = 0; i < row.length; i++) {
                        json.writeFieldName(answer.columns().get(i));
                        if (row[i] instanceof BigDecimal d) {
                            json.writeNumber(d);
                        } else if (row[i] instanceof Number num) {
                            json.writeNumber(num.toString());
                        } else if (row[i] instanceof Boolean b) {
                            json.writeBoolean(b);
                        } else if (row[i] == null) {
                            json.writeNull();
                        } else {
                            json.writeString(row[i].toString());
                        }
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.flush();
                out.println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    public abstract void print(MartReader.Answer answer, PrintStream out);
}
