package org.ccft.published.report;

import java.util.Base64;
import java.util.List;
import org.ccft.text.HtmlText;

/**
 * The report as one HTML page: contents linking to each section, At a Glance as tiles, each graph a
 * figure with its caption and its numbers in a table, figures right-aligned.
 */
final class HtmlReport {

    private HtmlReport() {}

    static String write(ReportDocument report) {
        ReportDocument.TitlePage t = report.titlePage();
        StringBuilder b =
                new StringBuilder(
                                "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                        .append(e(t.title()))
                        .append("</title>\n<style>")
                        .append(
                                "body{font-family:system-ui,Arial,sans-serif;max-width:900px;margin:24px auto;"
                                        + "padding:0 16px;color:#0b0c0c;line-height:1.5;font-size:16px}"
                                        + "header.cover{padding:48px 0;border-bottom:4px solid #1d70b8}"
                                        + "header.cover h1{color:#1d70b8;font-size:2.4em;margin:0 0 12px}"
                                        + "table{border-collapse:collapse;margin:8px 0 20px;width:100%}"
                                        + "th,td{border:1px solid #b1b4b6;padding:4px 8px;text-align:left}"
                                        + "thead th{background:#1d70b8;color:#fff}td.n,th.n{text-align:right;"
                                        + "font-variant-numeric:tabular-nums}"
                                        + "figure{margin:16px 0}figcaption,caption{text-align:left;font-weight:bold;padding:4px 0}"
                                        + "img{max-width:100%;height:auto}"
                                        + "h2{border-top:1px solid #b1b4b6;padding-top:16px;margin-top:40px;color:#1d70b8}"
                                        + "blockquote{margin:12px 0 12px 24px;color:#1d70b8;font-style:italic}"
                                        + "blockquote footer{font-style:normal;color:#0b0c0c}"
                                        + ".to-write{background:#fff7bf;border-left:6px solid #8a1538;padding:8px 12px;font-style:italic}"
                                        + ".tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:8px;"
                                        + "list-style:none;padding:0}.tiles li{background:#e8f1f8;padding:12px;text-align:center}"
                                        + ".tiles .v{display:block;font-size:2em;font-weight:bold}.tiles .g{display:block;"
                                        + "color:#1d70b8;font-weight:bold}.tiles .p{display:block;font-size:.85em}")
                        .append("</style>\n</head>\n<body>\n<header class=\"cover\"><h1>")
                        .append(e(t.title()))
                        .append("</h1>\n<p>")
                        .append(e(t.team()))
                        .append("<br>")
                        .append(e(t.council()))
                        .append("</p>\n<p>")
                        .append(e(t.note()))
                        .append(
                                "</p></header>\n<main>\n<nav aria-labelledby=\"contents\"><h2 id=\"contents\">Contents</h2><ol>\n");
        for (String section : report.contents()) {
            b.append("<li><a href=\"#")
                    .append(ReportWriter.anchor(section))
                    .append("\">")
                    .append(e(section))
                    .append("</a></li>\n");
        }
        b.append("</ol></nav>\n");
        for (ReportDocument.Block block : report.blocks()) {
            block(b, block);
        }
        return b.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void block(StringBuilder b, ReportDocument.Block block) {
        if (block instanceof ReportDocument.Heading h) {
            int level = h.level() + 1;
            b.append("<h").append(level);
            if (h.level() == 1) {
                b.append(" id=\"").append(ReportWriter.anchor(h.text())).append('"');
            }
            b.append('>').append(e(h.text())).append("</h").append(level).append(">\n");
        } else if (block instanceof ReportDocument.Paragraph p) {
            b.append("<p>").append(e(p.text())).append("</p>\n");
        } else if (block instanceof ReportDocument.Bullets list) {
            b.append("<ul>");
            list.items().forEach(i -> b.append("<li>").append(e(i)).append("</li>"));
            b.append("</ul>\n");
        } else if (block instanceof ReportDocument.Quote q) {
            b.append("<blockquote><p>“").append(e(q.text())).append("”</p>");
            if (!q.attribution().isEmpty()) {
                b.append("<footer>— ").append(e(q.attribution())).append("</footer>");
            }
            b.append("</blockquote>\n");
        } else if (block instanceof ReportDocument.ToWrite w) {
            b.append("<p class=\"to-write\">").append(e(w.text())).append("</p>\n");
        } else if (block instanceof ReportDocument.Table t) {
            table(b, t);
        } else if (block instanceof ReportDocument.Chart c) {
            b.append("<figure><figcaption>")
                    .append(e(c.title()))
                    .append("</figcaption><img alt=\"")
                    .append(e(c.title() + ": the figures are in the table below"))
                    .append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(ChartImage.png(c)))
                    .append("\">\n");
            table(b, c.table());
            b.append("</figure>\n");
        } else if (block instanceof ReportDocument.Tiles tiles) {
            b.append("<p><strong>")
                    .append(e(tiles.caption()))
                    .append("</strong></p>\n<ul class=\"tiles\">");
            for (ReportDocument.Tiles.Tile t : tiles.tiles()) {
                b.append("<li><span class=\"g\">")
                        .append(e(t.group()))
                        .append("</span><span class=\"v\">")
                        .append(e(t.value()))
                        .append("</span>")
                        .append(e(t.label()))
                        .append("<span class=\"p\">(")
                        .append(e(t.previous()))
                        .append(" the year before)</span></li>");
            }
            b.append("</ul>\n");
        }
    }

    private static void table(StringBuilder b, ReportDocument.Table t) {
        boolean[] figures = ReportWriter.figureColumns(t);
        b.append("<table>");
        if (!t.caption().isEmpty()) {
            b.append("<caption>").append(e(t.caption())).append("</caption>");
        }
        b.append("\n<thead><tr>");
        for (int i = 0; i < t.header().size(); i++) {
            b.append("<th scope=\"col\"")
                    .append(figures[i] ? " class=\"n\"" : "")
                    .append('>')
                    .append(e(t.header().get(i)))
                    .append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : t.rows()) {
            b.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                String tag = i == 0 ? "th scope=\"row\"" : figures[i] ? "td class=\"n\"" : "td";
                b.append('<')
                        .append(tag)
                        .append('>')
                        .append(e(r.get(i)))
                        .append(i == 0 ? "</th>" : "</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    private static String e(String text) {
        return HtmlText.escape(text);
    }
}
