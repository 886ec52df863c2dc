package org.sorb.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of {@code sorb plot}: their look, series that stay apart when they lie on top of each other (colour,
 * line style and staggered markers), colour scales, and the PNG of stacked rows of panels.
 */
final class PlotCharts {
    static final int WIDTH = 1000;
    static final int HEIGHT = 380;
    /** Markers drawn along a curve (a marker on each of its points would hide it). */
    private static final int MARKERS_PER_CURVE = 12;
    /** Pixels between x tick labels (XChart's default crowds minute labels on a half-width panel). */
    private static final int TICK_SPACING = 100;
    private static final String TIME_TICKS = "#,##0.##";
    /** Line width (px) of the last of coinciding series; each earlier one is {@link #WIDTH_STEP} wider beneath. */
    private static final float THINNEST = 1.2f;
    private static final float WIDTH_STEP = 0.9f;
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};
    private static final BasicStroke[] STROKES = {SeriesLines.SOLID, SeriesLines.DASH_DASH, SeriesLines.DOT_DOT,
        SeriesLines.DASH_DOT};
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.PLUS,
        SeriesMarkers.OVAL};

    private PlotCharts() {
    }

    /** A white chart with grid lines and the legend outside on the right; both titles carry their unit. */
    static XYChart chart(String title, String xTitle, String yTitle, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setXAxisTickMarkSpacingHint(TICK_SPACING);
        return chart;
    }

    /** A full-width chart over time: tick labels with at most two decimals (minutes of a sample grid are not round). */
    static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = chart(title, xTitle, yTitle, WIDTH, HEIGHT);
        chart.getStyler().setXAxisDecimalPattern(TIME_TICKS);
        return chart;
    }

    /**
     * Series {@code k} of {@code count} in a chart whose series may coincide: its own colour, line style and marker,
     * each series drawn thinner than the ones before it (so that coinciding curves show as bands of every colour)
     * and its markers at evenly spaced x shifted by k (so that each series' markers stay visible).
     */
    static void distinctLine(XYChart chart, int k, int count, String name, double[] x, double[] y) {
        Color colour = COLOURS[k % COLOURS.length];
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        BasicStroke style = STROKES[k % STROKES.length];
        s.setLineStyle(new BasicStroke(THINNEST + WIDTH_STEP * Math.max(0, count - 1 - k), BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_ROUND, style.getMiterLimit(), style.getDashArray(), style.getDashPhase()));
        if (x.length == 0) {
            return;
        }
        // markers at evenly spaced x (time grids are uneven), shifted by a fraction k / colours of their spacing
        double spacing = (x[x.length - 1] - x[0]) / MARKERS_PER_CURVE;
        double shift = (double) (k % COLOURS.length) / COLOURS.length;
        double[] mx = new double[MARKERS_PER_CURVE];
        double[] my = new double[MARKERS_PER_CURVE];
        int i = 0;
        for (int j = 0; j < MARKERS_PER_CURVE; j++) {
            double target = x[0] + (j + shift) * spacing;
            while (i + 1 < x.length && x[i + 1] <= target) {
                i++;
            }
            mx[j] = x[i];
            my[j] = y[i];
        }
        XYSeries m = chart.addSeries(name + " markers", mx, my);
        m.setLineStyle(SeriesLines.NONE);
        m.setMarker(MARKERS[k % MARKERS.length]);
        m.setMarkerColor(colour);
        m.setShowInLegend(false);
        chart.getStyler().setMarkerSize(7);
    }

    /** A plain line in a colour of its own choosing (a colour scale), shown in the legend when {@code name} is. */
    static void scaleLine(XYChart chart, String name, boolean inLegend, double[] x, double[] y, Color colour) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setShowInLegend(inLegend);
    }

    /** Points without lines (a metric against a parameter). */
    static void points(XYChart chart, String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setLineStyle(SeriesLines.NONE);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(COLOURS[0]);
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setLegendVisible(false);
    }

    /** The colour of {@code f} in [0, 1] on a blue-to-red scale (viridis-like endpoints). */
    static Color scale(double f) {
        double t = Double.isFinite(f) ? Math.max(0.0, Math.min(1.0, f)) : 0.0;
        Color a = new Color(0x30123b);
        Color mid = new Color(0x1ac7c2);
        Color b = new Color(0xf9a825);
        Color from = t < 0.5 ? a : mid;
        Color to = t < 0.5 ? mid : b;
        double u = t < 0.5 ? 2 * t : 2 * t - 1;
        return new Color((int) Math.round(from.getRed() + u * (to.getRed() - from.getRed())),
                (int) Math.round(from.getGreen() + u * (to.getGreen() - from.getGreen())),
                (int) Math.round(from.getBlue() + u * (to.getBlue() - from.getBlue())));
    }

    /**
     * Writes rows of charts (each row's charts side by side, rows stacked) as one PNG: to a unique temporary name
     * beside the target, renamed atomically, so that concurrent plots never see a partial file.
     */
    static void write(List<List<XYChart>> rows, Path target) throws IOException {
        int width = 0;
        int height = 0;
        for (List<XYChart> row : rows) {
            int w = 0;
            int h = 0;
            for (XYChart c : row) {
                w += c.getWidth();
                h = Math.max(h, c.getHeight());
            }
            width = Math.max(width, w);
            height += h;
        }
        BufferedImage all = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int y = 0;
        for (List<XYChart> row : rows) {
            int x = 0;
            int h = 0;
            for (XYChart c : row) {
                g.drawImage(BitmapEncoder.getBufferedImage(c), x, y, null);
                x += c.getWidth();
                h = Math.max(h, c.getHeight());
            }
            y += h;
        }
        g.dispose();
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            if (!ImageIO.write(all, "png", tmp.toFile())) {
                throw new IOException("no PNG writer");
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
