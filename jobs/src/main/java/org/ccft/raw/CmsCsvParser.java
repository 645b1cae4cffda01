package org.ccft.raw;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.ccft.schemas.ColumnSpec;
import org.ccft.schemas.FileContract;
import scala.collection.JavaConverters;

/**
 * Parses one delivered CSV file (RFC 4180, UTF-8) into raw rows, on an executor. Columns are
 * matched by header name; unknown columns are kept in {@code _extra}; every row carries its file
 * and the line it starts on. A row that cannot be read as the contract says keeps what could be
 * read and names the problem in {@code _parse_error}, so it reaches quarantine rather than
 * disappearing.
 */
public final class CmsCsvParser implements Serializable {

    public static final String EXTRA = "_extra";
    public static final String PARSE_ERROR = "_parse_error";

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).build();

    private final FileContract contract;

    public CmsCsvParser(FileContract contract) {
        this.contract = contract;
    }

    /**
     * export_id, file, line, the contract's columns as text, unknown columns, and any parse error.
     */
    public StructType rawSchema() {
        StructType s =
                new StructType()
                        .add("export_id", DataTypes.StringType, false)
                        .add("file", DataTypes.StringType, false)
                        .add("line", DataTypes.LongType, false);
        for (ColumnSpec c : contract.columns()) {
            s = s.add(c.name(), DataTypes.StringType, true);
        }
        return s.add(
                        EXTRA,
                        DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType),
                        true)
                .add(PARSE_ERROR, DataTypes.StringType, true);
    }

    /** Every row of one file, in a list (for a small file; the load streams with {@link #rows}). */
    public List<Row> parse(String exportId, String fileLabel, InputStream bytes)
            throws IOException {
        List<Row> rows = new ArrayList<>();
        rows(exportId, fileLabel, bytes).forEachRemaining(rows::add);
        return rows;
    }

    /**
     * The rows of one file, read as they are asked for: a file of any size is held one record at a
     * time. The stream is closed when the last row has been read (or the file proves unreadable).
     */
    public Iterator<Row> rows(String exportId, String fileLabel, InputStream bytes)
            throws IOException {
        CSVParser parser = CSVParser.parse(utf8(bytes), FORMAT);
        Iterator<CSVRecord> records = parser.iterator();
        if (!records.hasNext()) {
            parser.close();
            return Collections.emptyIterator(); // an empty file: no header, no rows
        }
        return rows(exportId, fileLabel, parser, new Header(records.next()), 0);
    }

    /**
     * The rows of one piece of a file ({@link CsvPieces}), read as they are asked for, with the
     * lines they have in the whole file. {@code fileStart} is the file read from its first byte,
     * for its header (only the header is read; it is closed here); {@code piece} holds the piece's
     * bytes alone. The first piece is the file itself: {@link #rows(String, String, InputStream)}.
     */
    private Iterator<Row> rows(
            String exportId,
            String fileLabel,
            InputStream fileStart,
            InputStream piece,
            long linesBefore)
            throws IOException {
        Header header;
        try (CSVParser start = CSVParser.parse(utf8(fileStart), FORMAT)) {
            header = new Header(start.iterator().next());
        }
        return rows(
                exportId, fileLabel, CSVParser.parse(decoded(piece), FORMAT), header, linesBefore);
    }

    /**
     * The rows of one piece of a file, {@code open} opening the file at its first byte (called
     * twice for a piece after the first: for the header, and for the piece).
     */
    public Iterator<Row> rows(
            String exportId, String fileLabel, CsvPieces.Piece piece, FileOpener open)
            throws IOException {
        InputStream file = open.open();
        InputStream bounded;
        try {
            bounded = piece.bytes(file);
        } catch (IOException e) {
            file.close();
            throw e;
        }
        return piece.start() == 0
                ? rows(exportId, fileLabel, bounded)
                : rows(exportId, fileLabel, open.open(), bounded, piece.linesBefore());
    }

    /** Opens a file at its first byte. */
    @FunctionalInterface
    public interface FileOpener {
        InputStream open() throws IOException;
    }

    private Iterator<Row> rows(
            String exportId, String fileLabel, CSVParser parser, Header header, long linesBefore) {
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            private Row next;
            private boolean done;

            @Override
            public boolean hasNext() {
                while (next == null && !done) {
                    long line = linesBefore + parser.getCurrentLineNumber() + 1;
                    try {
                        if (!records.hasNext()) {
                            finish();
                            break;
                        }
                        CSVRecord record = records.next();
                        if (record.size() == 1 && record.get(0).isEmpty()) {
                            continue; // a blank line is not a row
                        }
                        next = header.row(exportId, fileLabel, line, record);
                    } catch (RuntimeException e) {
                        next =
                                errorRow(
                                        exportId,
                                        fileLabel,
                                        line,
                                        "csv_unreadable: " + firstLine(e));
                        finish(); // nothing after an unterminated quote can be trusted
                    }
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row row = next;
                next = null;
                return row;
            }

            private void finish() {
                done = true;
                try {
                    parser.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** The column names of a file's header (its first record), or none for an empty file. */
    public static List<String> header(InputStream bytes) throws IOException {
        try (CSVParser parser = CSVParser.parse(utf8(bytes), CSVFormat.RFC4180)) {
            Iterator<CSVRecord> records = parser.iterator();
            return records.hasNext()
                    ? records.next().stream().map(String::strip).toList()
                    : List.of();
        }
    }

    private static Reader utf8(InputStream bytes) throws IOException {
        BufferedInputStream in = new BufferedInputStream(bytes);
        skipByteOrderMark(in);
        return decoded(in);
    }

    /** Reads past a UTF-8 byte order mark at the stream's start; says whether there was one. */
    static boolean skipByteOrderMark(BufferedInputStream in) throws IOException {
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        boolean mark =
                bom.length == 3
                        && (bom[0] & 0xFF) == 0xEF
                        && (bom[1] & 0xFF) == 0xBB
                        && (bom[2] & 0xFF) == 0xBF;
        if (!mark) {
            in.reset();
        }
        return mark;
    }

    /** UTF-8, a malformed byte read as U+FFFD (the row then breaks encoding_not_utf8). */
    private static Reader decoded(InputStream bytes) {
        return new InputStreamReader(
                bytes,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /**
     * The exception's first line, without the parser's "(startline N)" or "at line: N, position:
     * P": the row carries its line, counted from the file's start, which a parser of one piece of
     * the file cannot know.
     */
    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines()
                .findFirst()
                .orElse(m)
                .replaceFirst("\\(startline \\d+\\) ", "")
                .replaceFirst(" at line: \\d+, position: \\d+", "");
    }

    private Row errorRow(String exportId, String file, long line, String error) {
        Object[] values = new Object[contract.columns().size() + 5];
        values[0] = exportId;
        values[1] = file;
        values[2] = line;
        values[values.length - 1] = error;
        return RowFactory.create(values);
    }

    /** The header of one file, mapped onto the contract's columns. */
    private final class Header {
        private final int[] position; // contract column -> field index, or -1
        private final Map<Integer, String> extra = new LinkedHashMap<>();
        private final int width;
        private final String headerError;

        Header(CSVRecord header) {
            width = header.size();
            Map<String, Integer> byName = new HashMap<>();
            Set<String> duplicates = new HashSet<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip();
                if (byName.putIfAbsent(name, i) != null) {
                    duplicates.add(name);
                }
            }
            position = new int[contract.columns().size()];
            Set<String> known = new HashSet<>();
            for (int c = 0; c < position.length; c++) {
                String name = contract.columns().get(c).name();
                known.add(name);
                position[c] = byName.getOrDefault(name, -1);
            }
            byName.forEach(
                    (name, i) -> {
                        if (!known.contains(name)) {
                            extra.put(i, name);
                        }
                    });
            headerError =
                    duplicates.isEmpty()
                            ? null
                            : "header_duplicate_column: " + String.join(", ", duplicates);
        }

        Row row(String exportId, String file, long line, CSVRecord record) {
            Object[] values = new Object[position.length + 5];
            values[0] = exportId;
            values[1] = file;
            values[2] = line;
            boolean badBytes = false;
            for (int c = 0; c < position.length; c++) {
                String v =
                        position[c] >= 0 && position[c] < record.size()
                                ? record.get(position[c])
                                : null;
                values[3 + c] = v == null || v.isEmpty() ? null : v;
                badBytes |= v != null && v.indexOf('\uFFFD') >= 0;
            }
            Map<String, String> extras = new LinkedHashMap<>();
            extra.forEach((i, name) -> extras.put(name, i < record.size() ? record.get(i) : null));
            // Spark's map type takes a Scala map.
            values[3 + position.length] =
                    extras.isEmpty()
                            ? null
                            : JavaConverters.mapAsScalaMapConverter(extras).asScala();
            String error = headerError;
            if (error == null && record.size() != width) {
                error = "csv_field_count: expected " + width + " fields, found " + record.size();
            }
            if (error == null && badBytes) {
                error = "encoding_not_utf8";
            }
            values[4 + position.length] = error;
            return RowFactory.create(values);
        }
    }
}
