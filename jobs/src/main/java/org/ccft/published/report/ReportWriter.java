package org.ccft.published.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.ccft.published.HtmlText;

/**
 * Writes a {@link ReportDocument} as the three files the team uses: Word ({@code .docx}, to add the
 * narrative and case studies), PDF and HTML. Each graph is one PNG with its numbers in a table
 * under it.
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
            docx(report, o);
        }
        try (OutputStream o = Files.newOutputStream(w.pdf())) {
            pdf(report, o);
        }
        Files.writeString(w.html(), html(report), StandardCharsets.UTF_8);
        return w;
    }

    static void docx(ReportDocument report, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFParagraph title = doc.createParagraph();
            title.setStyle("Title");
            run(title, report.title(), true, 26);
            run(doc.createParagraph(), report.subtitle(), false, 11);
            for (ReportDocument.Block block : report.blocks()) {
                if (block instanceof ReportDocument.Heading h) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setStyle("Heading" + h.level());
                    if (h.level() == 1) {
                        p.setPageBreak(true);
                    }
                    run(p, h.text(), true, h.level() == 1 ? 18 : 14);
                } else if (block instanceof ReportDocument.Paragraph p) {
                    run(doc.createParagraph(), p.text(), false, 11);
                } else if (block instanceof ReportDocument.Table t) {
                    docxTable(doc, t);
                } else if (block instanceof ReportDocument.Chart c) {
                    XWPFParagraph caption = doc.createParagraph();
                    run(caption, c.title(), true, 12);
                    XWPFParagraph picture = doc.createParagraph();
                    picture.setAlignment(ParagraphAlignment.CENTER);
                    try {
                        picture.createRun()
                                .addPicture(
                                        new ByteArrayInputStream(ChartImage.png(c)),
                                        XWPFDocument.PICTURE_TYPE_PNG,
                                        c.title() + ".png",
                                        Units.toEMU(450),
                                        Units.toEMU(450.0 * ChartImage.HEIGHT / ChartImage.WIDTH));
                    } catch (InvalidFormatException e) {
                        throw new IOException(e);
                    }
                    docxTable(doc, c.table(""));
                }
            }
            doc.write(out);
        }
    }

    private static void run(XWPFParagraph p, String text, boolean bold, int size) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setBold(bold);
        r.setFontSize(size);
    }

    private static void docxTable(XWPFDocument doc, ReportDocument.Table t) {
        XWPFParagraph caption = doc.createParagraph();
        run(caption, t.caption(), true, 11);
        XWPFTable table = doc.createTable(t.rows().size() + 1, t.header().size());
        fill(table.getRow(0), t.header(), true);
        for (int i = 0; i < t.rows().size(); i++) {
            fill(table.getRow(i + 1), t.rows().get(i), false);
        }
        doc.createParagraph();
    }

    private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
        for (int i = 0; i < cells.size(); i++) {
            XWPFParagraph p = row.getCell(i).getParagraphs().get(0);
            run(p, cells.get(i), bold, 10);
        }
    }

    static void pdf(ReportDocument report, OutputStream out) throws IOException {
        Document doc = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(report.title());
        doc.open();
        Font title = new Font(Font.HELVETICA, 22, Font.BOLD);
        Font h1 = new Font(Font.HELVETICA, 16, Font.BOLD);
        Font h2 = new Font(Font.HELVETICA, 13, Font.BOLD);
        Font body = new Font(Font.HELVETICA, 10);
        Font bold = new Font(Font.HELVETICA, 10, Font.BOLD);
        doc.add(new Paragraph(report.title(), title));
        doc.add(new Paragraph(report.subtitle(), body));
        for (ReportDocument.Block block : report.blocks()) {
            if (block instanceof ReportDocument.Heading h) {
                if (h.level() == 1) {
                    doc.newPage();
                }
                Paragraph p = new Paragraph(h.text(), h.level() == 1 ? h1 : h2);
                p.setSpacingAfter(6);
                doc.add(p);
            } else if (block instanceof ReportDocument.Paragraph p) {
                Paragraph para = new Paragraph(p.text(), body);
                para.setSpacingAfter(6);
                doc.add(para);
            } else if (block instanceof ReportDocument.Table t) {
                pdfTable(doc, t, body, bold);
            } else if (block instanceof ReportDocument.Chart c) {
                doc.add(new Paragraph(c.title(), bold));
                Image image = Image.getInstance(ChartImage.png(c));
                image.scaleToFit(doc.getPageSize().getWidth() - 96, 260);
                image.setAlignment(Element.ALIGN_CENTER);
                doc.add(image);
                pdfTable(doc, c.table(""), body, bold);
            }
        }
        doc.close();
    }

    private static void pdfTable(Document doc, ReportDocument.Table t, Font body, Font bold) {
        doc.add(new Paragraph(t.caption(), bold));
        PdfPTable table = new PdfPTable(t.header().size());
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(10);
        table.setHeaderRows(1);
        t.header().forEach(h -> table.addCell(new PdfPCell(new Phrase(new Chunk(h, bold)))));
        t.rows()
                .forEach(
                        r ->
                                r.forEach(
                                        cell ->
                                                table.addCell(
                                                        new PdfPCell(new Phrase(cell, body)))));
        doc.add(table);
    }

    static String html(ReportDocument report) {
        StringBuilder b =
                new StringBuilder(
                                "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                        .append(HtmlText.escape(report.title()))
                        .append(
                                "</title>\n<style>body{font-family:system-ui,Arial,sans-serif;"
                                        + "max-width:900px;margin:24px auto;padding:0 16px;color:#0b0c0c;line-height:1.45}"
                                        + "table{border-collapse:collapse;margin:8px 0 20px}th,td{border:1px solid #b1b4b6;padding:4px 8px;"
                                        + "text-align:left}caption{text-align:left;font-weight:bold;padding:4px 0}img{max-width:100%;height:auto}"
                                        + "h2{border-top:1px solid #b1b4b6;padding-top:16px;margin-top:32px}</style>\n</head>\n<body>\n<main>\n<h1>")
                        .append(HtmlText.escape(report.title()))
                        .append("</h1>\n<p>")
                        .append(HtmlText.escape(report.subtitle()))
                        .append("</p>\n");
        for (ReportDocument.Block block : report.blocks()) {
            if (block instanceof ReportDocument.Heading h) {
                b.append("<h")
                        .append(h.level() + 1)
                        .append('>')
                        .append(HtmlText.escape(h.text()))
                        .append("</h")
                        .append(h.level() + 1)
                        .append(">\n");
            } else if (block instanceof ReportDocument.Paragraph p) {
                b.append("<p>").append(HtmlText.escape(p.text())).append("</p>\n");
            } else if (block instanceof ReportDocument.Table t) {
                htmlTable(b, t);
            } else if (block instanceof ReportDocument.Chart c) {
                b.append("<figure><figcaption>")
                        .append(HtmlText.escape(c.title()))
                        .append("</figcaption><img alt=\"")
                        .append(HtmlText.escape(c.title() + ": the figures are in the table below"))
                        .append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(ChartImage.png(c)))
                        .append("\"></figure>\n");
                htmlTable(b, c.table(""));
            }
        }
        return b.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void htmlTable(StringBuilder b, ReportDocument.Table t) {
        b.append("<table><caption>")
                .append(HtmlText.escape(t.caption()))
                .append("</caption>\n<thead><tr>");
        t.header()
                .forEach(
                        h ->
                                b.append("<th scope=\"col\">")
                                        .append(HtmlText.escape(h))
                                        .append("</th>"));
        b.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : t.rows()) {
            b.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                b.append(i == 0 ? "<th scope=\"row\">" : "<td>")
                        .append(HtmlText.escape(r.get(i)))
                        .append(i == 0 ? "</th>" : "</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
    }
}
