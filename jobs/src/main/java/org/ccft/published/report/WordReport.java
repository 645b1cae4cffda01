package org.ccft.published.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The report as a Word document the team can open and edit: Word's own heading styles (so the
 * navigation pane and a table of contents work), a contents field listing the sections (Word adds
 * the page numbers when the field is updated), a caption kept with its chart and table, figures
 * right-aligned, page numbers in the footer.
 */
final class WordReport {

    private static final String BLUE = "1D70B8";
    private static final String DARK = "0B0C0C";

    private WordReport() {}

    static void write(ReportDocument report, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            styles(doc);
            footer(doc);
            titlePage(doc, report.titlePage());
            contents(doc, report.contents());
            for (ReportDocument.Block block : report.blocks()) {
                block(doc, block);
            }
            doc.write(out);
        }
    }

    private static void block(XWPFDocument doc, ReportDocument.Block block) throws IOException {
        if (block instanceof ReportDocument.Heading h) {
            XWPFParagraph p = doc.createParagraph();
            p.setStyle("Heading" + h.level());
            p.createRun().setText(h.text());
        } else if (block instanceof ReportDocument.Paragraph p) {
            doc.createParagraph().createRun().setText(p.text());
        } else if (block instanceof ReportDocument.Bullets list) {
            for (String item : list.items()) {
                XWPFParagraph p = doc.createParagraph();
                p.setStyle("ListBullet");
                p.createRun().setText("•\t" + item);
            }
        } else if (block instanceof ReportDocument.Quote q) {
            XWPFParagraph p = doc.createParagraph();
            p.setStyle("Quote");
            p.createRun().setText("“" + q.text() + "”");
            if (!q.attribution().isEmpty()) {
                XWPFRun who = p.createRun();
                who.addBreak();
                who.setItalic(false);
                who.setText("— " + q.attribution());
            }
        } else if (block instanceof ReportDocument.ToWrite w) {
            XWPFParagraph p = doc.createParagraph();
            p.setStyle("ToWrite");
            p.createRun().setText("[" + w.text() + "]");
        } else if (block instanceof ReportDocument.Table t) {
            table(doc, t);
        } else if (block instanceof ReportDocument.Chart c) {
            caption(doc, c.title());
            XWPFParagraph picture = doc.createParagraph();
            picture.setAlignment(ParagraphAlignment.CENTER);
            keepNext(picture);
            try {
                picture.createRun()
                        .addPicture(
                                new ByteArrayInputStream(ChartImage.png(c)),
                                XWPFDocument.PICTURE_TYPE_PNG,
                                c.title() + ".png",
                                Units.toEMU(450),
                                Units.toEMU(450.0 * ChartImage.height(c) / ChartImage.WIDTH));
            } catch (InvalidFormatException e) {
                throw new IOException(e);
            }
            table(doc, c.table());
        } else if (block instanceof ReportDocument.Tiles tiles) {
            tiles(doc, tiles);
        }
    }

    private static void caption(XWPFDocument doc, String text) {
        XWPFParagraph caption = doc.createParagraph();
        caption.setStyle("Caption");
        keepNext(caption);
        caption.createRun().setText(text);
    }

    /** A table kept on one page with its caption: no row splits, each row kept with the next. */
    private static void table(XWPFDocument doc, ReportDocument.Table t) {
        if (!t.caption().isEmpty()) {
            caption(doc, t.caption());
        }
        boolean[] figures = ReportWriter.figureColumns(t);
        XWPFTable table = doc.createTable(t.rows().size() + 1, t.header().size());
        table.setWidth("100%");
        table.setTableAlignment(TableRowAlign.LEFT);
        fill(table.getRow(0), t.header(), figures, true, true);
        table.getRow(0).setRepeatHeader(true);
        for (int i = 0; i < t.rows().size(); i++) {
            fill(table.getRow(i + 1), t.rows().get(i), figures, false, i < t.rows().size() - 1);
        }
        doc.createParagraph();
    }

    private static void fill(
            XWPFTableRow row, List<String> cells, boolean[] figures, boolean header, boolean next) {
        row.setCantSplitRow(true);
        for (int i = 0; i < cells.size(); i++) {
            XWPFTableCell cell = row.getCell(i);
            if (header) {
                cell.setColor(BLUE);
            }
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setSpacingAfter(0);
            if (figures[i]) {
                p.setAlignment(ParagraphAlignment.RIGHT);
            }
            if (next) {
                keepNext(p);
            }
            XWPFRun r = p.createRun();
            r.setText(cells.get(i));
            r.setFontSize(10);
            if (header) {
                r.setBold(true);
                r.setColor("FFFFFF");
            }
        }
    }

    /**
     * At a Glance as a page of tiles: a row for each kind of feedback, its figure large and last
     * year's in brackets under it.
     */
    private static void tiles(XWPFDocument doc, ReportDocument.Tiles tiles) {
        caption(doc, tiles.caption());
        List<String> groups =
                tiles.tiles().stream().map(ReportDocument.Tiles.Tile::group).distinct().toList();
        XWPFTable table = doc.createTable(groups.size(), 4);
        table.setWidth("100%");
        CTTblBorders borders = table.getCTTbl().getTblPr().getTblBorders();
        for (CTBorder b :
                List.of(
                        borders.getTop(),
                        borders.getBottom(),
                        borders.getLeft(),
                        borders.getRight(),
                        borders.getInsideH(),
                        borders.getInsideV())) {
            b.setVal(STBorder.SINGLE);
            b.setSz(BigInteger.valueOf(36));
            b.setColor("FFFFFF");
        }
        for (int g = 0; g < groups.size(); g++) {
            XWPFTableRow row = table.getRow(g);
            row.setCantSplitRow(true);
            XWPFParagraph head = row.getCell(0).getParagraphs().get(0);
            XWPFRun name = head.createRun();
            name.setText(groups.get(g));
            name.setBold(true);
            name.setFontSize(13);
            name.setColor(BLUE);
            int column = 1;
            for (ReportDocument.Tiles.Tile tile : tiles.tiles()) {
                if (!tile.group().equals(groups.get(g)) || column > 3) {
                    continue;
                }
                XWPFTableCell cell = row.getCell(column++);
                cell.setColor("E8F1F8");
                XWPFParagraph p = cell.getParagraphs().get(0);
                p.setAlignment(ParagraphAlignment.CENTER);
                p.setSpacingAfter(0);
                XWPFRun value = p.createRun();
                value.setText(tile.value());
                value.setBold(true);
                value.setFontSize(26);
                value.setColor(DARK);
                XWPFParagraph label = cell.addParagraph();
                label.setAlignment(ParagraphAlignment.CENTER);
                label.setSpacingAfter(0);
                label.createRun().setText(tile.label());
                XWPFParagraph before = cell.addParagraph();
                before.setAlignment(ParagraphAlignment.CENTER);
                XWPFRun was = before.createRun();
                was.setText("(" + tile.previous() + " the year before)");
                was.setFontSize(9);
            }
        }
        doc.createParagraph();
    }

    private static void titlePage(XWPFDocument doc, ReportDocument.TitlePage t) {
        XWPFParagraph title = doc.createParagraph();
        title.setStyle("Title");
        title.setSpacingBefore(2400);
        title.createRun().setText(t.title());
        for (String line : List.of(t.team(), t.council())) {
            XWPFParagraph p = doc.createParagraph();
            p.setStyle("Subtitle");
            p.createRun().setText(line);
        }
        XWPFParagraph note = doc.createParagraph();
        note.setSpacingBefore(1200);
        note.createRun().setText(t.note());
    }

    /**
     * A contents heading and Word's table-of-contents field, filled with the sections' names: Word
     * adds the page numbers when the field is updated (F9), and the navigation pane lists the
     * headings as they are.
     */
    private static void contents(XWPFDocument doc, List<String> sections) {
        XWPFParagraph heading = doc.createParagraph();
        heading.setStyle("TOCHeading");
        heading.createRun().setText("Contents");
        for (int i = 0; i < sections.size(); i++) {
            XWPFParagraph p = doc.createParagraph();
            p.setStyle("TOC1");
            if (i == 0) {
                field(p, STFldCharType.BEGIN);
                CTText code = p.createRun().getCTR().addNewInstrText();
                code.setStringValue(" TOC \\o \"1-1\" \\h \\z \\u ");
                code.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
                field(p, STFldCharType.SEPARATE);
            }
            p.createRun().setText(sections.get(i));
            if (i == sections.size() - 1) {
                field(p, STFldCharType.END);
            }
        }
    }

    private static void field(XWPFParagraph p, STFldCharType.Enum type) {
        CTR r = p.createRun().getCTR();
        r.addNewFldChar().setFldCharType(type);
    }

    private static void footer(XWPFDocument doc) {
        XWPFParagraph p = doc.createFooter(HeaderFooterType.DEFAULT).createParagraph();
        p.setAlignment(ParagraphAlignment.RIGHT);
        p.createRun().setText("Page ");
        p.getCTP().addNewFldSimple().setInstr("PAGE");
    }

    private static void keepNext(XWPFParagraph p) {
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        if (!ppr.isSetKeepNext()) {
            ppr.addNewKeepNext();
        }
    }

    /**
     * Word's built-in styles by their built-in names ("heading 1" is Heading 1 in any language's
     * Word), each with its outline level, so the navigation pane and contents find the headings.
     */
    private static void styles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        CTFonts arial = CTFonts.Factory.newInstance();
        arial.setAscii("Arial");
        arial.setHAnsi("Arial");
        arial.setCs("Arial");
        styles.setDefaultFonts(arial);
        styles.setSpellingLanguage("en-GB");
        styles.addStyle(new XWPFStyle(style("Normal", "Normal", null, 22, false, DARK, -1, false)));
        styles.addStyle(
                new XWPFStyle(style("Title", "Title", "Normal", 56, true, BLUE, -1, false)));
        styles.addStyle(
                new XWPFStyle(style("Subtitle", "Subtitle", "Normal", 32, false, DARK, -1, false)));
        styles.addStyle(
                new XWPFStyle(style("Heading1", "heading 1", "Normal", 36, true, BLUE, 0, true)));
        styles.addStyle(
                new XWPFStyle(style("Heading2", "heading 2", "Normal", 28, true, DARK, 1, false)));
        styles.addStyle(
                new XWPFStyle(style("Heading3", "heading 3", "Normal", 24, true, DARK, 2, false)));
        styles.addStyle(
                new XWPFStyle(
                        style("TOCHeading", "TOC Heading", "Normal", 36, true, BLUE, -1, true)));
        styles.addStyle(
                new XWPFStyle(style("TOC1", "toc 1", "Normal", 24, false, DARK, -1, false)));
        CTStyle caption = style("Caption", "caption", "Normal", 22, true, DARK, -1, false);
        caption.getPPr().addNewKeepNext();
        styles.addStyle(new XWPFStyle(caption));
        CTStyle quote = style("Quote", "Quote", "Normal", 24, false, BLUE, -1, false);
        quote.getRPr().addNewI();
        quote.getPPr().addNewInd().setLeft(BigInteger.valueOf(720));
        styles.addStyle(new XWPFStyle(quote));
        CTStyle bullet = style("ListBullet", "List Bullet", "Normal", 0, false, DARK, -1, false);
        bullet.getPPr().addNewInd().setLeft(BigInteger.valueOf(360));
        styles.addStyle(new XWPFStyle(bullet));
        CTStyle toWrite = style("ToWrite", "To write", "Normal", 22, false, "8A1538", -1, false);
        toWrite.getRPr().addNewI();
        toWrite.getRPr()
                .addNewHighlight()
                .setVal(
                        org.openxmlformats.schemas.wordprocessingml.x2006.main.STHighlightColor
                                .YELLOW);
        styles.addStyle(new XWPFStyle(toWrite));
    }

    private static CTStyle style(
            String id,
            String name,
            String basedOn,
            int halfPoints,
            boolean bold,
            String colour,
            int outline,
            boolean newPage) {
        CTStyle s = CTStyle.Factory.newInstance();
        s.setStyleId(id);
        s.setType(STStyleType.PARAGRAPH);
        s.addNewName().setVal(name);
        if (basedOn != null) {
            s.addNewBasedOn().setVal(basedOn);
            s.addNewNext().setVal("Normal");
        } else {
            s.setDefault(Boolean.TRUE);
        }
        s.addNewQFormat();
        CTPPrGeneral ppr = s.addNewPPr();
        ppr.addNewSpacing().setAfter(BigInteger.valueOf(120));
        if (outline >= 0) {
            ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
            ppr.addNewKeepNext();
            ppr.getSpacing().setBefore(BigInteger.valueOf(240));
        }
        if (newPage) {
            ppr.addNewPageBreakBefore();
        }
        CTRPr rpr = s.addNewRPr();
        if (halfPoints > 0) {
            rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        }
        if (bold) {
            rpr.addNewB();
        }
        rpr.addNewColor().setVal(colour);
        return s;
    }
}
