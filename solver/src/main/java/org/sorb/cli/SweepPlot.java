package org.sorb.cli;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/**
 * The charts of a sweep result: the outlet curves of all designs (a panel per component, coloured by the first
 * swept parameter) and, when the file has {@code /sweep/metrics}, one metric against each swept parameter.
 */
final class SweepPlot {
    /** Up to this many designs, the legend names every design's values; beyond, the two ends of the colour scale. */
    static final int LEGEND_DESIGNS = 12;
    /** Curves drawn per panel at most; a larger sweep draws every k-th design (and says so in the title). */
    static final int MAX_CURVES = 400;
    /** The metric drawn when no --metric is given: DBC at 10 % breakthrough of the first component that has one. */
    static final String DEFAULT_METRIC_PREFIX = "dbc_10pct:";
    private static final int PANEL_WIDTH = PlotCharts.WIDTH / 2;
    private static final int PANEL_HEIGHT = 320;
    private static final String NOT_RECORDED = "SI";
    /** A parameter axis is logarithmic when the values span this factor or more (a log-scale sample's range). */
    private static final double DECADE = 10.0;
    /** Parameter values below SMALL or from LARGE on are drawn in a power of 1000 of their unit (1e-12 m^2/s). */
    private static final double SMALL = 1e-3;
    private static final double LARGE = 1e5;

    private SweepPlot() {
    }

    /** Rows of panels for the sweep in {@code h5}; {@code metric} null for the default. */
    static List<List<XYChart>> charts(HdfFile h5, String title, String metric) throws UsageException {
        Group sweep = (Group) h5.getByPath("/sweep");
        String[] names = PlotData.strings(h5.getDatasetByPath("/sweep/parameters"), "names");
        String[] units = PlotData.strings(h5.getDatasetByPath("/sweep/parameters"), "units");
        double[][] p = PlotData.matrix(h5, "/sweep/parameters");
        String[] unitOf = new String[names.length];
        for (int j = 0; j < names.length; j++) {
            unitOf[j] = units.length == names.length ? units[j] : NOT_RECORDED;
        }
        boolean[] ok = succeeded(h5, sweep, p.length);
        List<List<XYChart>> rows = new ArrayList<>();
        for (XYChart c : outlets(h5, title, names, unitOf, p, ok)) {
            rows.add(List.of(c));
        }
        if (sweep.getChildren().containsKey("metrics")) {
            rows.addAll(metricPanels(h5, metric, names, unitOf, p, ok));
        } else if (metric != null) {
            throw new UsageException("--metric: " + metric + " was asked for but the file has no /sweep/metrics");
        }
        return rows;
    }

    private static boolean[] succeeded(HdfFile h5, Group sweep, int n) {
        boolean[] ok = new boolean[n];
        Arrays.fill(ok, true);
        if (sweep.getChildren().containsKey("failed")) {
            byte[] failed = (byte[]) h5.getDatasetByPath("/sweep/failed").getData();
            for (int d = 0; d < n; d++) {
                ok[d] = failed[d] == 0;
            }
        }
        return ok;
    }

    private static List<XYChart> outlets(HdfFile h5, String title, String[] names, String[] units, double[][] p,
            boolean[] ok) {
        double[] x = PlotData.minutes(PlotData.doubles(h5, "/outlet/time"));
        double[][][] c = PlotData.cube(h5, "/sweep/outlet/concentration");
        String unit = PlotData.units(h5, "/sweep/outlet/concentration", "case units");
        String[] comps = PlotData.strings(h5.getByPath("/outlet"), "components");
        int n = p.length;
        int stride = (n + MAX_CURVES - 1) / MAX_CURVES;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int low = -1;
        int high = -1;
        for (int d = 0; d < n; d += stride) {
            if (names.length > 0 && ok[d] && p[d][0] < lo) {
                lo = p[d][0];
                low = d;
            }
            if (names.length > 0 && ok[d] && p[d][0] > hi) {
                hi = p[d][0];
                high = d;
            }
        }
        String colourBy = names.length == 0 ? "design" : names[0] + " (" + units[0] + ")";
        List<XYChart> out = new ArrayList<>(comps.length);
        for (int k = 0; k < comps.length; k++) {
            String drawn = stride > 1 ? String.format(Locale.ROOT, ", 1 in %d of %d designs", stride, n)
                    : ", " + n + " designs";
            XYChart chart = PlotCharts.chart(title + ": outlet " + comps[k] + drawn + ", colour: " + colourBy,
                    "time (min)", "outlet " + comps[k] + " (" + unit + ")");
            for (int d = 0; d < n; d += stride) {
                if (!ok[d]) {
                    continue;
                }
                double f = names.length == 0 || hi <= lo ? d / Math.max(1.0, n - 1.0) : (p[d][0] - lo) / (hi - lo);
                boolean all = n <= LEGEND_DESIGNS;
                String label = all ? d + ": " + values(names, p[d])
                        : d == low ? names[0] + " = " + number(lo) + " (lowest)"
                        : d == high ? names[0] + " = " + number(hi) + " (highest)" : "design " + d;
                PlotCharts.scaleLine(chart, label, all || d == low || d == high, x, PlotData.column(c[d], k),
                        PlotCharts.scale(f));
            }
            out.add(chart);
        }
        return out;
    }

    private static List<List<XYChart>> metricPanels(HdfFile h5, String asked, String[] names, String[] units,
            double[][] p, boolean[] ok) throws UsageException {
        String[] metrics = PlotData.strings(h5.getDatasetByPath("/sweep/metrics"), "names");
        String[] metricUnits = PlotData.strings(h5.getDatasetByPath("/sweep/metrics"), "units");
        int m = choose(metrics, asked);
        double[][] values = PlotData.matrix(h5, "/sweep/metrics");
        String yTitle = metrics[m] + " (" + (metricUnits.length == metrics.length ? metricUnits[m] : NOT_RECORDED)
                + ")";
        List<List<XYChart>> rows = new ArrayList<>();
        List<XYChart> row = new ArrayList<>();
        for (int j = 0; j < names.length; j++) {
            double[] px = new double[p.length];
            double[] py = new double[p.length];
            int count = 0;
            for (int d = 0; d < p.length; d++) {
                if (ok[d] && Double.isFinite(values[d][m])) {
                    px[count] = p[d][j];
                    py[count++] = values[d][m];
                }
            }
            boolean log = spansDecades(px, count);
            double scale = log ? 1.0 : engineeringScale(px, count);
            for (int i = 0; i < count; i++) {
                px[i] /= scale;
            }
            String unit = scale == 1.0 ? units[j] : String.format(Locale.ROOT, "1e%d %s", Math.round(Math.log10(scale)),
                    units[j]);
            XYChart chart = PlotCharts.chart(metrics[m] + " against " + names[j], names[j] + " (" + unit + ")",
                    yTitle, PANEL_WIDTH, PANEL_HEIGHT);
            chart.getStyler().setXAxisLogarithmic(log);
            if (count > 0) {
                PlotCharts.points(chart, metrics[m], Arrays.copyOf(px, count),
                        Arrays.copyOf(py, count));
            }
            row.add(chart);
            if (row.size() == 2) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    /** The index of the metric asked for (or of the default one); a UsageException naming the choices if none. */
    static int choose(String[] metrics, String asked) throws UsageException {
        for (int i = 0; i < metrics.length; i++) {
            if (asked == null ? metrics[i].startsWith(DEFAULT_METRIC_PREFIX) : metrics[i].equals(asked)) {
                return i;
            }
        }
        if (asked == null && metrics.length > 0) {
            return 0;
        }
        throw new UsageException("--metric: " + (asked == null ? "the file has no metrics" : "unknown metric "
                + asked + "; the file has " + String.join(", ", metrics)));
    }

    /** True when the first {@code count} values are positive and the largest is at least 10x the smallest. */
    static boolean spansDecades(double[] v, int count) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0.0;
        for (int i = 0; i < count; i++) {
            lo = Math.min(lo, v[i]);
            hi = Math.max(hi, v[i]);
        }
        return count > 1 && lo > 0 && hi >= DECADE * lo;
    }

    /**
     * 1, or the power of 1000 that brings the largest magnitude of the first {@code count} values into [1, 1000)
     * when it lies below SMALL or from LARGE on (XChart's ticks of such values read 1.434503679931037E-12).
     */
    static double engineeringScale(double[] v, int count) {
        double largest = 0.0;
        for (int i = 0; i < count; i++) {
            largest = Math.max(largest, Math.abs(v[i]));
        }
        if (!(largest > 0) || largest >= SMALL && largest < LARGE) {
            return 1.0;
        }
        return Math.pow(10.0, 3 * Math.floor(Math.log10(largest) / 3));
    }

    /** A design's values for the legend, each key shortened to its last part ({@code particle.radius}: radius). */
    private static String values(String[] names, double[] row) {
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < names.length; j++) {
            s.append(j == 0 ? "" : ", ").append(names[j].substring(names[j].lastIndexOf('.') + 1)).append(" = ")
                    .append(number(row[j]));
        }
        return s.length() == 0 ? "design" : s.toString();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
