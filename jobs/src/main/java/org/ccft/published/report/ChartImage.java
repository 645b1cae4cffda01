package org.ccft.published.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.ccft.published.FigureFormat;

/**
 * A report graph drawn as a PNG (Java2D, headless), the same picture in the Word, PDF and HTML
 * versions: vertical bars or lines over short categories, bars across the page beside long names
 * (written in full), one value axis titled with its unit, and the whole legend, wrapped onto as
 * many rows as it needs. A protected figure draws nothing.
 */
final class ChartImage {

    static final int WIDTH = 1200;
    private static final int BAR = 40;
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 20);
    private static final Color GRID = new Color(0xb1b4b6);
    private static final Color[] PALETTE = {
        new Color(0x1d70b8),
        new Color(0x00703c),
        new Color(0x4c2c92),
        new Color(0xd4351c),
        new Color(0x505a5f),
        new Color(0x912b88)
    };

    private ChartImage() {}

    /** The picture's height: bars across take a band each. */
    static int height(ReportDocument.Chart chart) {
        int legend = legendRows(chart) * 30 + 20;
        if (chart.across()) {
            int band = BAR * Math.max(1, chart.series().size()) + 12;
            return legend + 40 + chart.categories().size() * band + 70;
        }
        return legend + 520;
    }

    static byte[] png(ReportDocument.Chart chart) {
        System.setProperty("java.awt.headless", "true");
        int height = height(chart);
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setFont(TEXT);
        int top = legend(g, chart) + 20;
        double max = 0;
        for (ReportDocument.Chart.Series s : chart.series()) {
            for (Figure f : s.values()) {
                if (f.isNumber()) {
                    max = Math.max(max, f.plotted());
                }
            }
        }
        double step = niceStep(max);
        double axisMax = Math.max(step, Math.ceil(max / step) * step);
        if (chart.across()) {
            across(g, chart, top, height, step, axisMax);
        } else {
            upright(g, chart, top, height, step, axisMax);
        }
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void upright(
            Graphics2D g,
            ReportDocument.Chart chart,
            int top,
            int height,
            double step,
            double axisMax) {
        int left = 110;
        int right = 20;
        int bottom = 130;
        int plotW = WIDTH - left - right;
        int plotH = height - top - bottom;
        FontMetrics fm = g.getFontMetrics();
        for (double y = 0; y <= axisMax + 1e-9; y += step) {
            int py = top + plotH - (int) Math.round(plotH * y / axisMax);
            g.setColor(GRID);
            g.drawLine(left, py, WIDTH - right, py);
            g.setColor(Color.BLACK);
            String label = FigureFormat.DECIMAL.text(y);
            g.drawString(label, left - 10 - fm.stringWidth(label), py + 7);
        }
        AffineTransform was = g.getTransform();
        g.rotate(-Math.PI / 2, 24, top + plotH / 2.0);
        g.drawString(chart.unit(), 24 - fm.stringWidth(chart.unit()) / 2, top + plotH / 2 + 6);
        g.setTransform(was);
        List<String> cats = chart.categories();
        int n = Math.max(cats.size(), 1);
        double band = (double) plotW / n;
        int series = chart.series().size();
        for (int j = 0; j < series; j++) {
            ReportDocument.Chart.Series s = chart.series().get(j);
            g.setColor(PALETTE[j % PALETTE.length]);
            int prevX = -1;
            int prevY = -1;
            for (int i = 0; i < cats.size(); i++) {
                Figure f = s.values().get(i);
                if (!f.isNumber()) {
                    prevX = -1;
                    continue;
                }
                int h = (int) Math.round(plotH * f.plotted() / axisMax);
                if (chart.lines()) {
                    int x = left + (int) Math.round(band * i + band / 2);
                    int y = top + plotH - h;
                    g.fillOval(x - 6, y - 6, 12, 12);
                    if (prevX >= 0) {
                        g.setStroke(new BasicStroke(3));
                        g.drawLine(prevX, prevY, x, y);
                    }
                    prevX = x;
                    prevY = y;
                } else {
                    double bw = band * 0.8 / series;
                    int x = left + (int) Math.round(band * i + band * 0.1 + bw * j);
                    g.fillRect(x, top + plotH - h, Math.max(1, (int) bw - 2), h);
                }
            }
        }
        g.setColor(Color.BLACK);
        for (int i = 0; i < cats.size(); i++) {
            List<String> lines = wrap(cats.get(i), fm, (int) band - 8);
            int x = left + (int) Math.round(band * i + band / 2);
            for (int l = 0; l < lines.size(); l++) {
                String line = lines.get(l);
                g.drawString(line, x - fm.stringWidth(line) / 2, top + plotH + 28 + l * 24);
            }
        }
    }

    /** Bars across the page, each category's full name to its left, values along the bottom. */
    private static void across(
            Graphics2D g,
            ReportDocument.Chart chart,
            int top,
            int height,
            double step,
            double axisMax) {
        FontMetrics fm = g.getFontMetrics();
        int labelW = 0;
        for (String c : chart.categories()) {
            labelW = Math.max(labelW, fm.stringWidth(c));
        }
        int left = Math.min(WIDTH / 2, labelW + 30);
        int right = 40;
        int bottom = 70;
        int plotW = WIDTH - left - right;
        int plotH = height - top - bottom;
        int series = chart.series().size();
        int band = BAR * Math.max(1, series) + 12;
        for (double x = 0; x <= axisMax + 1e-9; x += step) {
            int px = left + (int) Math.round(plotW * x / axisMax);
            g.setColor(GRID);
            g.drawLine(px, top, px, top + plotH);
            g.setColor(Color.BLACK);
            String label = FigureFormat.DECIMAL.text(x);
            g.drawString(label, px - fm.stringWidth(label) / 2, top + plotH + 26);
        }
        g.drawString(
                chart.unit(),
                left + plotW / 2 - fm.stringWidth(chart.unit()) / 2,
                top + plotH + 56);
        for (int i = 0; i < chart.categories().size(); i++) {
            int y = top + i * band;
            String name = chart.categories().get(i);
            while (fm.stringWidth(name) > left - 20 && name.length() > 4) {
                name = name.substring(0, name.length() - 2) + "…";
                name = name.replace("……", "…");
            }
            g.setColor(Color.BLACK);
            g.drawString(name, left - 10 - fm.stringWidth(name), y + band / 2 + 7);
            for (int j = 0; j < series; j++) {
                Figure f = chart.series().get(j).values().get(i);
                if (!f.isNumber()) {
                    continue;
                }
                g.setColor(PALETTE[j % PALETTE.length]);
                int w = (int) Math.round(plotW * f.plotted() / axisMax);
                g.fillRect(left, y + 6 + j * BAR, Math.max(1, w), BAR - 6);
            }
        }
    }

    /** The legend's rows: as many as its names need at the picture's width. */
    private static int legendRows(ReportDocument.Chart chart) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        g.setFont(TEXT);
        int rows = layout(g.getFontMetrics(), chart).size();
        g.dispose();
        return rows;
    }

    private static List<List<Integer>> layout(FontMetrics fm, ReportDocument.Chart chart) {
        List<List<Integer>> rows = new ArrayList<>();
        List<Integer> row = new ArrayList<>();
        int x = 20;
        for (int j = 0; j < chart.series().size(); j++) {
            int w = 40 + fm.stringWidth(chart.series().get(j).name());
            if (x + w > WIDTH - 20 && !row.isEmpty()) {
                rows.add(row);
                row = new ArrayList<>();
                x = 20;
            }
            row.add(j);
            x += w;
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    /** Draws the legend; returns where the plot starts below it. */
    private static int legend(Graphics2D g, ReportDocument.Chart chart) {
        FontMetrics fm = g.getFontMetrics();
        int y = 14;
        for (List<Integer> row : layout(fm, chart)) {
            int x = 20;
            for (int j : row) {
                g.setColor(PALETTE[j % PALETTE.length]);
                g.fillRect(x, y, 20, 20);
                g.setColor(Color.BLACK);
                String name = chart.series().get(j).name();
                g.drawString(name, x + 26, y + 17);
                x += 40 + fm.stringWidth(name);
            }
            y += 30;
        }
        return y;
    }

    private static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && fm.stringWidth(line + " " + word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static double niceStep(double max) {
        if (max <= 0) {
            return 1;
        }
        double raw = max / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                return m * mag;
            }
        }
        return 10 * mag;
    }
}
