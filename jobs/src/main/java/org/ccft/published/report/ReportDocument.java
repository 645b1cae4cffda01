package org.ccft.published.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The annual report as blocks that every format writes the same way: a title page, then sections (a
 * level-1 heading each, listed in the contents) of headings, paragraphs, lists, quotes, tables,
 * charts and the At a Glance tiles. A chart carries its numbers, which each format also prints as a
 * table under it.
 */
public record ReportDocument(TitlePage titlePage, List<Block> blocks) {

    /** The cover: the report's title, who it is from, its year, and what its figures are. */
    public record TitlePage(String title, String team, String council, String year, String note) {}

    public sealed interface Block
            permits Heading, Paragraph, Bullets, Quote, ToWrite, Table, Chart, Tiles {}

    /** A section (level 1, starting a page and listed in the contents) or a sub-section. */
    public record Heading(int level, String text) implements Block {}

    public record Paragraph(String text) implements Block {}

    public record Bullets(List<String> items) implements Block {}

    /** A quotation, such as a compliment the team chose, with who said it. */
    public record Quote(String text, String attribution) implements Block {}

    /**
     * A visible gap in the staff version where the team's own text belongs: what to write and
     * where. The public version never holds one.
     */
    public record ToWrite(String text) implements Block {}

    /**
     * A table: a caption (blank under a chart, which has its own), a header row, and rows of cells
     * already written as the report prints them; figures are right-aligned.
     */
    public record Table(String caption, List<String> header, List<List<String>> rows)
            implements Block {}

    /**
     * A graph of the report ("Graph 3"): categories along one axis, a bar or line per series, all
     * in one unit that labels the value axis; a value that is not a number ({@code c}) draws
     * nothing. Bars run across the page when the categories' names are long.
     */
    public record Chart(
            String title,
            String categoryName,
            List<String> categories,
            List<Series> series,
            boolean lines,
            String unit,
            List<Series> tableOnly)
            implements Block {

        public Chart(
                String title,
                String categoryName,
                List<String> categories,
                List<Series> series,
                boolean lines,
                String unit) {
            this(title, categoryName, categories, series, lines, unit, List.of());
        }

        public record Series(String name, List<Figure> values) {}

        /**
         * The chart with the series {@code name} printed in its table but not drawn: a figure in
         * another unit (a share beside counts) that would need an axis of its own.
         */
        public Chart withTableOnly(String name) {
            List<Series> drawn = series.stream().filter(s -> !s.name().equals(name)).toList();
            List<Series> only = new ArrayList<>(tableOnly);
            series.stream().filter(s -> s.name().equals(name)).forEach(only::add);
            return new Chart(title, categoryName, categories, drawn, lines, unit, only);
        }

        /** The chart's numbers as a table under it, with no caption of its own. */
        public Table table() {
            List<Series> all = new ArrayList<>(series);
            all.addAll(tableOnly);
            List<String> header = new ArrayList<>(List.of(categoryName));
            all.forEach(s -> header.add(s.name()));
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < categories.size(); i++) {
                List<String> row = new ArrayList<>(List.of(categories.get(i)));
                for (Series s : all) {
                    row.add(s.values().get(i).text());
                }
                rows.add(row);
            }
            return new Table("", header, rows);
        }

        /** Whether the categories' names are too long to stand under vertical bars. */
        public boolean across() {
            return !lines && categories.stream().anyMatch(c -> c.length() > 14);
        }
    }

    /** At a Glance: each measure as a tile, its figure large and last year's under it. */
    public record Tiles(String caption, List<Tile> tiles) implements Block {

        public record Tile(String group, String label, String value, String previous) {}
    }

    /** The level-1 headings, in order: the contents. */
    public List<String> contents() {
        return blocks.stream()
                .filter(b -> b instanceof Heading h && h.level() == 1)
                .map(b -> ((Heading) b).text())
                .toList();
    }
}
