package org.ccft.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads the versioned reference files under {@code reference/} on the classpath. */
final class ReferenceFiles {

    private ReferenceFiles() {}

    static InputStream open(String name) {
        InputStream in =
                ReferenceFiles.class.getClassLoader().getResourceAsStream("reference/" + name);
        if (in == null) {
            throw new IllegalStateException(
                    "reference file reference/" + name + " is not on the classpath");
        }
        return in;
    }

    static <T> List<T> csv(String name, Function<CSVRecord, T> row) {
        CSVFormat format =
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader reader = new InputStreamReader(open(name), StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, format)) {
            List<T> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                try {
                    rows.add(row.apply(r));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(
                            "reference/"
                                    + name
                                    + " line "
                                    + parser.getCurrentLineNumber()
                                    + ": "
                                    + e.getMessage(),
                            e);
                }
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference/" + name, e);
        }
    }
}
