package org.ccft.published;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mart's rows as an audience reads them, for the site and the report: column by name, and in the
 * public release a suppressed figure is the text {@code c} (its file holds null and names the
 * column in the row's {@code suppressed} column).
 */
public record ReleasedRows(List<String> columns, List<Map<String, Object>> rows) {

    public static final String SUPPRESSED_FIGURE = "c";

    public static ReleasedRows of(MartReader.Answer answer) {
        int marker = answer.columns().indexOf(PublicRelease.SUPPRESSED);
        List<String> columns = new ArrayList<>(answer.columns());
        if (marker >= 0) {
            columns.remove(marker);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] r : answer.rows()) {
            List<String> hidden =
                    marker < 0 || r[marker] == null || r[marker].toString().isEmpty()
                            ? List.of()
                            : List.of(r[marker].toString().split(","));
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < r.length; i++) {
                if (i != marker) {
                    String column = answer.columns().get(i);
                    row.put(column, hidden.contains(column) ? SUPPRESSED_FIGURE : r[i]);
                }
            }
            rows.add(row);
        }
        return new ReleasedRows(columns, rows);
    }

    /** The mart's rows for {@code reader}, or none when the audience does not read it. */
    public static ReleasedRows read(MartReader reader, String mart) throws RefusedQuery {
        if (!reader.marts().contains(mart)) {
            return new ReleasedRows(List.of(), List.of());
        }
        return of(reader.answer("SELECT * FROM " + mart));
    }
}
