package org.sorb.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sorb.fit.CurveFit;
import org.sorb.fit.FitResult;
import org.sorb.fit.XAxis;

/** Draws a fit as a PNG: per experiment, the measured points against the fitted outlet, on the data's x axis. */
final class FitPlot {
    private FitPlot() {
    }

    static void write(FitResult fit, Path target) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<List<XYChart>> charts = new ArrayList<>();
        String unit = fit.fittedCase().concentrationUnit();
        for (CurveFit c : fit.curves()) {
            XAxis axis = c.axis();
            double[] x = c.x();
            double[] t = c.time();
            double perSecond = t[t.length - 1] > 0 ? x[x.length - 1] / t[t.length - 1] : 1.0; // x is linear in t
            double display = axis == XAxis.TIME ? 1.0 / 60.0 : axis == XAxis.VOLUME ? 1e6 : 1.0;
            String xTitle = axis == XAxis.TIME ? "time (min)" : axis == XAxis.VOLUME ? "volume (mL)"
                    : "column volumes";
            XYChart chart = PlotCharts.chart(c.name() + String.format(java.util.Locale.ROOT, " (RMSE %.3g %s)",
                    c.rmse(), unit), xTitle, "outlet (" + unit + ")");
            int m = c.components().size();
            double[] ox = new double[c.outletTime().length];
            for (int k = 0; k < ox.length; k++) {
                ox[k] = c.outletTime()[k] * perSecond * display;
            }
            double[] mx = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                mx[k] = x[k] * display;
            }
            for (int j = 0; j < m; j++) {
                XYSeries fitted = chart.addSeries(c.components().get(j) + " fitted", ox, column(c.outlet(), m, j));
                fitted.setMarker(SeriesMarkers.NONE);
                XYSeries measured = chart.addSeries(c.components().get(j) + " measured", mx,
                        column(c.measured(), m, j));
                measured.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                measured.setMarker(SeriesMarkers.CIRCLE);
            }
            chart.getStyler().setMarkerSize(5);
            charts.add(List.of(chart));
        }
        PlotCharts.write(charts, target);
    }

    private static double[] column(double[] flat, int m, int j) {
        double[] out = new double[flat.length / m];
        for (int k = 0; k < out.length; k++) {
            out[k] = flat[k * m + j];
        }
        return out;
    }
}
