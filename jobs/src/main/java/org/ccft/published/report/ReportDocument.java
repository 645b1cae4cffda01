package org.ccft.published.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The annual report's data pages as blocks that every format writes the same way: headings,
 * paragraphs, tables and charts (a chart carries its numbers, which each format also prints as a
 * table).
 */
public record ReportDocument(String title, String subtitle, List<Block> blocks) {

    public sealed interface Block permits Heading, Paragraph, Table, Chart {}

    /** A section (level 1) or sub-section (level 2) title. */
    public record Heading(int level, String text) implements Block {}

    public record Paragraph(String text) implements Block {}

    /**
     * A table: a caption, a header row, and rows of cells already written as the report prints
     * them.
     */
    public record Table(String caption, List<String> header, List<List<String>> rows)
            implements Block {}

    /**
     * A graph of the report ("Graph 3"): categories along the bottom, a bar per series; a value
     * that is not a number ({@code c}) draws no bar.
     */
    public record Chart(String title, List<String> categories, List<Series> series, boolean lines)
            implements Block {

        public record Series(String name, List<Figure> values) {}

        /** The chart's numbers as a table. */
        public Table table(String firstColumn) {
            List<String> header = new ArrayList<>(List.of(firstColumn));
            series.forEach(s -> header.add(s.name()));
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < categories.size(); i++) {
                List<String> row = new ArrayList<>(List.of(categories.get(i)));
                for (Series s : series) {
                    row.add(s.values().get(i).text());
                }
                rows.add(row);
            }
            return new Table(title, header, rows);
        }
    }
}
