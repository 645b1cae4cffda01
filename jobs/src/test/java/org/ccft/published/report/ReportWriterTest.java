package org.ccft.published.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.SimpleBookmark;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three files a report is written as, opened with the libraries a reader's tools use (Apache
 * POI for Word, OpenPDF's reader for the PDF): Word's own heading styles with outline levels, a
 * contents field, captions kept with what they caption, figures right-aligned; the PDF's bookmarks,
 * language and title; the HTML's contents links.
 */
class ReportWriterTest {

    @TempDir static Path tmp;
    static ReportWriter.Written written;

    static final ReportDocument REPORT =
            new ReportDocument(
                    new ReportDocument.TitlePage(
                            "The Year in Review 2022-23",
                            "The team",
                            "Testshire",
                            "2022-23",
                            "Note."),
                    List.of(
                            new ReportDocument.Heading(1, "At a Glance"),
                            new ReportDocument.Tiles(
                                    "At a Glance",
                                    List.of(
                                            new ReportDocument.Tiles.Tile(
                                                    "Compliments", "Compliments", "206", "204"))),
                            new ReportDocument.Heading(1, "Complaints"),
                            new ReportDocument.Paragraph("We received 1,456 complaints."),
                            new ReportDocument.Chart(
                                    "Graph 3: complaints by service area",
                                    "Service area",
                                    List.of("Statutory Assessment Team", "Other"),
                                    List.of(
                                            new ReportDocument.Chart.Series(
                                                    "Complaints",
                                                    List.of(Figure.of(1190), Figure.of(2)))),
                                    false,
                                    "complaints"),
                            new ReportDocument.Heading(2, "How quickly we answered"),
                            new ReportDocument.Quote("They listened.", "a parent")));

    @BeforeAll
    static void write() throws Exception {
        written = ReportWriter.write(REPORT, tmp, "report");
    }

    @Test
    void wordHasItsHeadingStylesContentsAndRightAlignedFigures() throws Exception {
        try (InputStream in = Files.newInputStream(written.docx());
                XWPFDocument doc = new XWPFDocument(in)) {
            // Word's built-in heading names with outline levels: the navigation pane lists them.
            var heading1 = doc.getStyles().getStyle("Heading1").getCTStyle();
            assertThat(heading1.getName().getVal()).isEqualTo("heading 1");
            assertThat(heading1.getPPr().getOutlineLvl().getVal().intValue()).isZero();
            assertThat(
                            doc.getStyles()
                                    .getStyle("Heading2")
                                    .getCTStyle()
                                    .getPPr()
                                    .getOutlineLvl()
                                    .getVal()
                                    .intValue())
                    .isEqualTo(1);
            assertThat(doc.getStyles().getStyle("Quote").getCTStyle().getRPr().sizeOfIArray())
                    .isOne();
            List<String> headings =
                    doc.getParagraphs().stream()
                            .filter(p -> "Heading1".equals(p.getStyle()))
                            .map(XWPFParagraph::getText)
                            .toList();
            assertThat(headings).containsExactly("At a Glance", "Complaints");
            assertThat(doc.getParagraphs())
                    .anyMatch(
                            p ->
                                    "Title".equals(p.getStyle())
                                            && p.getText().equals("The Year in Review 2022-23"));
            // The contents: Word's TOC field over the level-1 headings, filled with their names.
            assertThat(doc.getDocument().xmlText()).contains("TOC \\o \"1-1\"");
            assertThat(
                            doc.getParagraphs().stream()
                                    .filter(p -> "TOC1".equals(p.getStyle()))
                                    .map(XWPFParagraph::getText))
                    .containsExactly("At a Glance", "Complaints");
            // The graph's caption is kept with its picture, and its table's figures are
            // right-aligned.
            XWPFParagraph caption =
                    doc.getParagraphs().stream()
                            .filter(p -> p.getText().equals("Graph 3: complaints by service area"))
                            .findFirst()
                            .orElseThrow();
            assertThat(caption.getStyle()).isEqualTo("Caption");
            assertThat(caption.getCTP().getPPr().isSetKeepNext()).isTrue();
            XWPFTable graph =
                    doc.getTables().stream()
                            .filter(t -> t.getRow(0).getCell(0).getText().equals("Service area"))
                            .findFirst()
                            .orElseThrow();
            assertThat(graph.getRow(1).getCell(1).getText()).isEqualTo("1,190");
            assertThat(graph.getRow(1).getCell(1).getParagraphs().get(0).getAlignment())
                    .isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(graph.getRow(1).getCell(0).getParagraphs().get(0).getAlignment())
                    .isNotEqualTo(ParagraphAlignment.RIGHT);
            // The chart's caption is printed once: its table has none of its own.
            assertThat(doc.getParagraphs().stream().filter(p -> p.getText().contains("Graph 3")))
                    .hasSize(1);
        }
    }

    @Test
    void thePdfHasBookmarksForEverySectionItsLanguageAndTitle() throws Exception {
        PdfReader pdf = new PdfReader(Files.readAllBytes(written.pdf()));
        List<Map<String, Object>> bookmarks = SimpleBookmark.getBookmarkList(pdf);
        assertThat(bookmarks)
                .extracting(b -> b.get("Title"))
                .containsExactly("At a Glance", "Complaints");
        assertThat(pdf.getCatalog().get(PdfName.LANG).toString()).isEqualTo("en-GB");
        assertThat(pdf.getCatalog().get(PdfName.MARKINFO)).isNotNull();
        assertThat(pdf.getInfo().get("Title")).isEqualTo("The Year in Review 2022-23");
        // Title page, contents, then each section from a new page.
        assertThat(pdf.getNumberOfPages()).isEqualTo(4);
        pdf.close();
    }

    @Test
    void theHtmlLinksItsContentsToItsSections() throws Exception {
        String html = Files.readString(written.html());
        assertThat(html)
                .contains("<a href=\"#section-complaints\">Complaints</a>")
                .contains("<h2 id=\"section-complaints\">Complaints</h2>")
                .contains("<td class=\"n\">1,190</td>")
                .contains("<blockquote><p>“They listened.”</p><footer>— a parent</footer>");
    }

    @Test
    void aCellIsAFigureWhenItReadsAsOne() {
        for (String figure :
                List.of("1,456", "36%", "£2,500", "456 (445)", "c", "–", "18.2", "5 (c)")) {
            assertThat(ReportWriter.figure(figure)).as(figure).isTrue();
        }
        for (String text : List.of("Statutory stage 1", "2022-23", "Other", "")) {
            assertThat(ReportWriter.figure(text)).as(text).isFalse();
        }
    }
}
