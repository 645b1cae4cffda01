package org.ccft.published.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A report graph drawn as a PNG (Java2D, headless), the same picture in the Word, PDF and HTML
 * versions: bars or lines, the site's colours, a legend; a suppressed figure draws nothing.
 */
final class ChartImage {

    static final int WIDTH = 1200;
    static final int HEIGHT = 560;
    private static final Color[] PALETTE = {
        new Color(0x1d70b8),
        new Color(0x00703c),
        new Color(0x4c2c92),
        new Color(0xd4351c),
        new Color(0x505a5f),
        new Color(0x912b88)
    };

    private ChartImage() {}

    static byte[] png(ReportDocument.Chart chart) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int left = 80;
        int right = 20;
        int top = 50;
        int bottom = 150;
        int plotW = WIDTH - left - right;
        int plotH = HEIGHT - top - bottom;
        double max = 0;
        for (ReportDocument.Chart.Series s : chart.series()) {
            for (Figure f : s.values()) {
                if (f.isNumber()) {
                    max = Math.max(max, f.value());
                }
            }
        }
        double step = niceStep(max);
        double top$ = Math.max(step, Math.ceil(max / step) * step);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        for (double y = 0; y <= top$ + 1e-9; y += step) {
            int py = top + plotH - (int) Math.round(plotH * y / top$);
            g.setColor(new Color(0xb1b4b6));
            g.drawLine(left, py, WIDTH - right, py);
            g.setColor(Color.BLACK);
            String label = y == Math.rint(y) ? String.valueOf((long) y) : String.format("%.1f", y);
            g.drawString(label, left - 10 - g.getFontMetrics().stringWidth(label), py + 6);
        }
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
                int h = (int) Math.round(plotH * f.value() / top$);
                if (chart.lines()) {
                    int x = left + (int) Math.round(band * i + band / 2);
                    int y = top + plotH - h;
                    g.fillOval(x - 5, y - 5, 10, 10);
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
            String c = cats.get(i).length() > 26 ? cats.get(i).substring(0, 25) + "…" : cats.get(i);
            int x = left + (int) Math.round(band * i + band / 2);
            AffineTransform was = g.getTransform();
            g.rotate(-Math.PI / 6, x, top + plotH + 20);
            g.drawString(c, x - g.getFontMetrics().stringWidth(c), top + plotH + 26);
            g.setTransform(was);
        }
        int lx = left;
        for (int j = 0; j < series; j++) {
            g.setColor(PALETTE[j % PALETTE.length]);
            g.fillRect(lx, 14, 18, 18);
            g.setColor(Color.BLACK);
            String name = chart.series().get(j).name();
            g.drawString(name, lx + 24, 30);
            lx += 40 + g.getFontMetrics().stringWidth(name);
        }
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
