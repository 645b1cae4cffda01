package org.ccft.sat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.item.file.FlatFileItemReader;
import org.springframework.batch.item.file.transform.DelimitedLineTokenizer;
import org.springframework.batch.item.file.transform.FieldSet;
import org.springframework.core.io.Resource;

/**
 * The chunk step's reader: {@code sat/ehcp_monthly.csv}, columns matched by the header's names (a
 * byte-order mark is tolerated), every line with its number. Restartable: Spring Batch keeps its
 * place.
 */
public final class SatMonthReader {

    private SatMonthReader() {}

    public static FlatFileItemReader<SatMonthRow> of(Resource file) {
        DelimitedLineTokenizer tokenizer = new DelimitedLineTokenizer(",");
        tokenizer.setStrict(true);
        FlatFileItemReader<SatMonthRow> reader = new FlatFileItemReader<>();
        reader.setName("satMonthReader");
        reader.setResource(file);
        reader.setStrict(false); // a missing file leaves last night's figures in place
        reader.setEncoding("UTF-8");
        reader.setLinesToSkip(1);
        reader.setSkippedLinesCallback(
                header ->
                        tokenizer.setNames(
                                header.replace("\uFEFF", "").strip().split("\\s*,\\s*")));
        reader.setLineMapper(
                (line, lineNumber) -> {
                    FieldSet fields = tokenizer.tokenize(line);
                    Map<String, String> byName = new LinkedHashMap<>();
                    for (String name : fields.getNames()) {
                        byName.put(name, fields.readRawString(name));
                    }
                    return new SatMonthRow(lineNumber, byName);
                });
        return reader;
    }
}
