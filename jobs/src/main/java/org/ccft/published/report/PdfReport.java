package org.ccft.published.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as a PDF: a title page, contents with page numbers, each section from a new page,
 * bookmarks (the document outline) for every section, page numbers in the footer, a chart kept on
 * one page with its caption and table, figures right-aligned. It is marked as tagged, in British
 * English, with its title shown in the reader's title bar; OpenPDF does not tag each paragraph and
 * table for screen readers, which the HTML version is for.
 */
final class PdfReport {

    private static final Color BLUE = new Color(0x1d, 0x70, 0xb8);
    private static final Font TITLE = new Font(Font.HELVETICA, 30, Font.BOLD, BLUE);
    private static final Font SUBTITLE = new Font(Font.HELVETICA, 16);
    private static final Font H1 = new Font(Font.HELVETICA, 18, Font.BOLD, BLUE);
    private static final Font H2 = new Font(Font.HELVETICA, 13, Font.BOLD);
    private static final Font H3 = new Font(Font.HELVETICA, 11, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 10);
    private static final Font BOLD = new Font(Font.HELVETICA, 10, Font.BOLD);
    private static final Font HEADER = new Font(Font.HELVETICA, 9, Font.BOLD, Color.WHITE);
    private static final Font CELL = new Font(Font.HELVETICA, 9);
    private static final Font QUOTE = new Font(Font.HELVETICA, 11, Font.ITALIC, BLUE);
    private static final Font TO_WRITE =
            new Font(Font.HELVETICA, 10, Font.ITALIC, new Color(0x8a, 0x15, 0x38));
    private static final Font TILE = new Font(Font.HELVETICA, 24, Font.BOLD);
    private static final Font SMALL = new Font(Font.HELVETICA, 8);

    private PdfReport() {}

    /**
     * Written twice: the first time to learn the page each section starts on, the second with those
     * numbers in the contents (which take the same one page either way).
     */
    static void write(ReportDocument report, OutputStream out) throws IOException {
        Map<String, Integer> pages = new LinkedHashMap<>();
        render(report, new ByteArrayOutputStream(), pages);
        render(report, out, pages);
    }

    private static void render(ReportDocument report, OutputStream out, Map<String, Integer> pages)
            throws IOException {
        Document doc = new Document(PageSize.A4, 48, 48, 48, 60);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.setTagged();
        writer.setViewerPreferences(PdfWriter.DisplayDocTitle | PdfWriter.PageModeUseOutlines);
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("en-GB"));
        writer.setPageEvent(
                new PdfPageEventHelper() {
                    @Override
                    public void onEndPage(PdfWriter w, Document d) {
                        if (w.getPageNumber() > 1) {
                            ColumnText.showTextAligned(
                                    w.getDirectContent(),
                                    Element.ALIGN_RIGHT,
                                    new Phrase(
                                            report.titlePage().title()
                                                    + "   page "
                                                    + w.getPageNumber(),
                                            SMALL),
                                    d.right(),
                                    d.bottom() - 24,
                                    0);
                        }
                    }
                });
        doc.addTitle(report.titlePage().title());
        doc.addAuthor(report.titlePage().council());
        doc.addSubject(report.titlePage().team());
        doc.open();
        titlePage(doc, report.titlePage());
        doc.newPage();
        doc.add(heading("Contents", H1));
        for (String section : report.contents()) {
            Integer page = pages.get(section);
            Chunk leader = new Chunk(section, BODY);
            leader.setAction(PdfAction.gotoLocalPage(ReportWriter.anchor(section), false));
            Paragraph line = new Paragraph(leader);
            line.add(new Chunk(new com.lowagie.text.pdf.draw.DottedLineSeparator()));
            line.add(new Chunk(page == null ? "" : String.valueOf(page), BODY));
            line.setSpacingAfter(6);
            doc.add(line);
        }
        for (ReportDocument.Block block : report.blocks()) {
            block(doc, writer, block, pages);
        }
        doc.close();
    }

    private static void block(
            Document doc, PdfWriter writer, ReportDocument.Block block, Map<String, Integer> pages)
            throws IOException {
        if (block instanceof ReportDocument.Heading h) {
            if (h.level() == 1) {
                doc.newPage();
                pages.put(h.text(), writer.getPageNumber());
                Chunk target = new Chunk(h.text(), H1);
                target.setLocalDestination(ReportWriter.anchor(h.text()));
                Paragraph p = new Paragraph(target);
                p.setSpacingAfter(8);
                doc.add(p);
                new PdfOutline(
                        writer.getRootOutline(),
                        PdfAction.gotoLocalPage(ReportWriter.anchor(h.text()), false),
                        h.text());
            } else {
                Paragraph p = heading(h.text(), h.level() == 2 ? H2 : H3);
                p.setSpacingBefore(6);
                doc.add(p);
            }
        } else if (block instanceof ReportDocument.Paragraph p) {
            Paragraph para = new Paragraph(p.text(), BODY);
            para.setSpacingAfter(6);
            para.setLeading(14);
            doc.add(para);
        } else if (block instanceof ReportDocument.Bullets list) {
            com.lowagie.text.List items = new com.lowagie.text.List(false, 12);
            items.setListSymbol(new Chunk("•", BODY));
            list.items().forEach(i -> items.add(new com.lowagie.text.ListItem(i, BODY)));
            doc.add(items);
            doc.add(new Paragraph(" ", SMALL));
        } else if (block instanceof ReportDocument.Quote q) {
            Paragraph quote = new Paragraph("“" + q.text() + "”", QUOTE);
            quote.setIndentationLeft(24);
            quote.setSpacingAfter(q.attribution().isEmpty() ? 8 : 2);
            doc.add(quote);
            if (!q.attribution().isEmpty()) {
                Paragraph who = new Paragraph("— " + q.attribution(), BODY);
                who.setIndentationLeft(24);
                who.setSpacingAfter(8);
                doc.add(who);
            }
        } else if (block instanceof ReportDocument.ToWrite w) {
            Paragraph p = new Paragraph("[" + w.text() + "]", TO_WRITE);
            p.setSpacingAfter(8);
            doc.add(p);
        } else if (block instanceof ReportDocument.Table t) {
            doc.add(kept(t.caption(), null, table(t)));
        } else if (block instanceof ReportDocument.Chart c) {
            Image image = Image.getInstance(ChartImage.png(c));
            image.scaleToFit(doc.getPageSize().getWidth() - 96, 300);
            doc.add(kept(c.title(), image, table(c.table())));
        } else if (block instanceof ReportDocument.Tiles tiles) {
            doc.add(tiles(tiles));
        }
    }

    private static Paragraph heading(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingAfter(6);
        return p;
    }

    private static void titlePage(Document doc, ReportDocument.TitlePage t) {
        Paragraph title = new Paragraph(t.title(), TITLE);
        title.setSpacingBefore(180);
        title.setSpacingAfter(24);
        doc.add(title);
        doc.add(new Paragraph(t.team(), SUBTITLE));
        doc.add(new Paragraph(t.council(), SUBTITLE));
        Paragraph note = new Paragraph(t.note(), BODY);
        note.setSpacingBefore(120);
        doc.add(note);
    }

    /** Rows of a table beyond which it is not moved whole to the next page. */
    private static final int LONGEST_KEPT_TOGETHER = 30;

    /**
     * A caption, a chart and a table as one block, moved whole to the next page if need be; a table
     * longer than a page starts where it is, under its caption, and runs on, its header repeated.
     */
    private static PdfPTable kept(String caption, Image image, PdfPTable table) {
        PdfPTable whole = new PdfPTable(1);
        whole.setWidthPercentage(100);
        boolean runsOn = table.getRows().size() > LONGEST_KEPT_TOGETHER;
        whole.setKeepTogether(!runsOn);
        whole.setSplitLate(!runsOn);
        whole.setSpacingBefore(4);
        whole.setSpacingAfter(12);
        whole.getDefaultCell().setBorder(Rectangle.NO_BORDER);
        whole.getDefaultCell().setPadding(0);
        if (!caption.isEmpty()) {
            PdfPCell c = new PdfPCell(new Phrase(caption, BOLD));
            c.setBorder(Rectangle.NO_BORDER);
            c.setPaddingBottom(6);
            whole.addCell(c);
        }
        if (image != null) {
            PdfPCell picture = new PdfPCell(image, false);
            picture.setBorder(Rectangle.NO_BORDER);
            picture.setHorizontalAlignment(Element.ALIGN_CENTER);
            picture.setPaddingBottom(6);
            whole.addCell(picture);
        }
        whole.addCell(table);
        return whole;
    }

    private static PdfPTable table(ReportDocument.Table t) {
        boolean[] figures = ReportWriter.figureColumns(t);
        PdfPTable table = new PdfPTable(widths(t));
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (int i = 0; i < t.header().size(); i++) {
            PdfPCell cell = new PdfPCell(new Phrase(t.header().get(i), HEADER));
            cell.setBackgroundColor(BLUE);
            cell.setPadding(4);
            cell.setHorizontalAlignment(figures[i] ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            table.addCell(cell);
        }
        for (List<String> row : t.rows()) {
            for (int i = 0; i < row.size(); i++) {
                PdfPCell cell = new PdfPCell(new Phrase(row.get(i), CELL));
                cell.setPadding(4);
                cell.setHorizontalAlignment(figures[i] ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                table.addCell(cell);
            }
        }
        return table;
    }

    /** Each column as wide as its longest cell needs, within reason: names wide, figures narrow. */
    private static float[] widths(ReportDocument.Table t) {
        float[] w = new float[t.header().size()];
        for (int c = 0; c < w.length; c++) {
            int longest = Math.min(18, t.header().get(c).length());
            for (List<String> row : t.rows()) {
                longest = Math.max(longest, c < row.size() ? row.get(c).length() : 0);
            }
            w[c] = Math.max(6, Math.min(45, longest));
        }
        return w;
    }

    private static PdfPTable tiles(ReportDocument.Tiles tiles) {
        PdfPTable grid = new PdfPTable(new float[] {1.3f, 1, 1, 1});
        grid.setWidthPercentage(100);
        grid.setSpacingBefore(8);
        List<String> groups =
                tiles.tiles().stream().map(ReportDocument.Tiles.Tile::group).distinct().toList();
        for (String group : groups) {
            PdfPCell name = new PdfPCell(new Phrase(group, H2));
            name.setBorder(Rectangle.NO_BORDER);
            name.setVerticalAlignment(Element.ALIGN_MIDDLE);
            grid.addCell(name);
            List<ReportDocument.Tiles.Tile> in =
                    tiles.tiles().stream().filter(t -> t.group().equals(group)).toList();
            for (int i = 0; i < 3; i++) {
                PdfPCell cell = new PdfPCell();
                cell.setBorderColor(Color.WHITE);
                cell.setBorderWidth(4);
                cell.setPadding(8);
                if (i < in.size()) {
                    ReportDocument.Tiles.Tile t = in.get(i);
                    cell.setBackgroundColor(new Color(0xe8, 0xf1, 0xf8));
                    Paragraph value = new Paragraph(t.value(), TILE);
                    value.setAlignment(Element.ALIGN_CENTER);
                    cell.addElement(value);
                    Paragraph label = new Paragraph(t.label(), BODY);
                    label.setAlignment(Element.ALIGN_CENTER);
                    cell.addElement(label);
                    Paragraph was = new Paragraph("(" + t.previous() + " the year before)", SMALL);
                    was.setAlignment(Element.ALIGN_CENTER);
                    cell.addElement(was);
                }
                grid.addCell(cell);
            }
        }
        return grid;
    }
}
