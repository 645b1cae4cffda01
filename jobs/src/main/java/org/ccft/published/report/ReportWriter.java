package org.ccft.published.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link ReportDocument} as the three files the team uses: Word ({@code .docx}, with real
 * heading styles and a contents field, for the team to edit), PDF (with bookmarks) and HTML. Each
 * graph is one PNG with its numbers in a table under it.
 */
public final class ReportWriter {

    private ReportWriter() {}

    /** The three files' paths, written into {@code out} as {@code <name>.docx|pdf|html}. */
    public record Written(Path docx, Path pdf, Path html) {}

    public static Written write(ReportDocument report, Path out, String name) throws IOException {
        Files.createDirectories(out);
        Written w =
                new Written(
                        out.resolve(name + ".docx"),
                        out.resolve(name + ".pdf"),
                        out.resolve(name + ".html"));
        try (OutputStream o = Files.newOutputStream(w.docx())) {
            WordReport.write(report, o);
        }
        try (OutputStream o = Files.newOutputStream(w.pdf())) {
            PdfReport.write(report, o);
        }
        Files.writeString(w.html(), HtmlReport.write(report), StandardCharsets.UTF_8);
        return w;
    }

    /**
     * Whether a table cell is a figure, which every format right-aligns: {@code 1,456}, {@code
     * 36%}, {@code £2,500}, {@code 456 (445)}, {@code c}, {@code –}.
     */
    static boolean figure(String cell) {
        String one = "(c|–|-|low|x|z|£?-?[\\d,]+(\\.\\d+)?%?)";
        return cell.matches(one + "( \\(" + one + "\\))?");
    }

    /** A section's anchor, which the contents of the PDF and HTML versions link to. */
    static String anchor(String section) {
        return "section-"
                + section.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** Whether every cell of a column, under its header, is a figure. */
    static boolean[] figureColumns(ReportDocument.Table t) {
        boolean[] out = new boolean[t.header().size()];
        for (int c = 1; c < out.length; c++) {
            out[c] = !t.rows().isEmpty();
            for (var row : t.rows()) {
                out[c] &= c < row.size() && figure(row.get(c));
            }
        }
        return out;
    }
}
