package org.sorb.cli;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sorb plot RESULT.h5 -o FIG.png}: draws a result as a PNG (XChart, headless). A treatment result gives the
 * patient's plasma concentration per species, the same as a percentage of its start value, and the adsorber's
 * outlet over inlet; a sweep the outlet curves of all designs and a metric against each swept parameter
 * ({@link SweepPlot}); a column result its outlet curves. Series that may coincide differ in colour, line style and
 * marker; every axis names its unit.
 */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw a result file as a PNG: patient trajectories for a treatment, outlet curves and a metric "
                + "against each swept parameter for a sweep, outlet curves for a column.")
final class PlotCommand implements Callable<Integer> {
    @ParentCommand
    private SorbCli cli;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULT.h5", description = "A result file written by sorb run.")
    private Path result;

    @Option(names = {"-o", "--output"}, paramLabel = "FIG.png",
            description = "Picture file (default: the result's name with .png).")
    private Path output;

    @Option(names = "--metric", paramLabel = "METRIC",
            description = "Sweeps: the metric drawn against each swept parameter (default: dbc_10pct of the first "
                    + "component).")
    private String metric;

    @Override
    public Integer call() {
        return Failures.guard(spec, this::plot);
    }

    private int plot() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path file = cli.workingDir().resolve(result).normalize();
        if (!Files.isRegularFile(file)) {
            throw new UsageException("result file not found: " + file);
        }
        String base = file.getFileName().toString().replaceFirst("\\.h5$", "");
        Path target = OutputTarget.resolve(cli.workingDir(), output, file.resolveSibling(base + ".png"));
        List<List<XYChart>> rows = new ArrayList<>();
        try (HdfFile h5 = new HdfFile(file)) {
            Map<String, ?> top = h5.getChildren();
            if (top.containsKey("patient")) {
                noMetric("a treatment");
                treatment(h5, base).forEach(c -> rows.add(List.of(c)));
            } else if (top.containsKey("sweep") && h5.getByPath("/sweep") instanceof Group) {
                rows.addAll(SweepPlot.charts(h5, base, metric));
            } else if (top.containsKey("outlet") && h5.getChildren().get("outlet") instanceof Group g
                    && g.getChildren().containsKey("concentration") && g.getChildren().containsKey("time")) {
                noMetric("a single run");
                rows.add(List.of(outlet(h5, base)));
            } else {
                throw new UsageException("RESULT.h5: " + file + " is not a Sorb result: expected /patient "
                        + "(treatment), /sweep (sweep) or /outlet/time with /outlet/concentration (column run); "
                        + "found " + (top.isEmpty() ? "nothing" : "/" + String.join(", /", top.keySet())));
            }
        } catch (RuntimeException e) {
            throw new UsageException("RESULT.h5: cannot read " + file + " as a Sorb result: " + e.getMessage());
        }
        PlotCharts.write(rows, target);
        spec.commandLine().getOut().println("wrote " + target);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private void noMetric(String kind) throws UsageException {
        if (metric != null) {
            throw new UsageException("--metric: " + metric + " applies to sweep results; this file is " + kind);
        }
    }

    private static List<XYChart> treatment(HdfFile h5, String title) {
        double[] time = PlotData.doubles(h5, "/patient/time");
        double[][] c = PlotData.matrix(h5, "/patient/concentration");
        String[] species = PlotData.strings(h5.getByPath("/patient"), "species");
        double span = time[time.length - 1] - time[0];
        boolean days = span > 2 * 86400.0;
        double scale = days ? 86400.0 : 3600.0;
        String axis = days ? "time (days)" : "time (h)";
        double[] x = new double[time.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = time[i] / scale;
        }
        XYChart conc = PlotCharts.chart(title + ": patient plasma", axis, "plasma concentration (g/L)");
        XYChart rel = PlotCharts.chart("plasma level relative to the start", axis, "level (% of start)");
        for (int k = 0; k < species.length; k++) {
            double[] y = PlotData.column(c, k);
            double[] r = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                r[i] = y[0] > 0 ? 100.0 * y[i] / y[0] : 0.0;
            }
            PlotCharts.distinctLine(conc, k, species.length, species[k], x, y);
            PlotCharts.distinctLine(rel, k, species.length, species[k], x, r);
        }
        List<XYChart> out = new ArrayList<>(List.of(conc, rel));
        double[] online = PlotData.doubles(h5, "/circuit/online_column");
        double[][] in = PlotData.matrix(h5, "/circuit/adsorber_inlet");
        double[][] outC = PlotData.matrix(h5, "/circuit/adsorber_outlet");
        List<Double> xs = new ArrayList<>();
        List<double[]> ratio = new ArrayList<>();
        for (int i = 0; i < time.length; i++) {
            if (online[i] >= 0) {
                xs.add(x[i]);
                double[] row = new double[species.length];
                for (int k = 0; k < species.length; k++) {
                    row[k] = in[i][k] > 0 ? 100.0 * outC[i][k] / in[i][k] : 0.0;
                }
                ratio.add(row);
            }
        }
        if (!xs.isEmpty() && !days) {
            XYChart cap = PlotCharts.chart("adsorber outlet / inlet (on-line column; a drop marks a column switch)",
                    axis, "passing the column (% of inlet)");
            double[] xv = new double[xs.size()];
            for (int i = 0; i < xv.length; i++) {
                xv[i] = xs.get(i);
            }
            for (int k = 0; k < species.length; k++) {
                double[] y = new double[ratio.size()];
                for (int i = 0; i < y.length; i++) {
                    y[i] = ratio.get(i)[k];
                }
                PlotCharts.distinctLine(cap, k, species.length, species[k], xv, y);
            }
            out.add(cap);
        }
        return out;
    }

    private static XYChart outlet(HdfFile h5, String title) {
        double[] x = PlotData.minutes(PlotData.doubles(h5, "/outlet/time"));
        double[][] c = PlotData.matrix(h5, "/outlet/concentration");
        String[] comps = PlotData.strings(h5.getByPath("/outlet"), "components");
        String unit = PlotData.units(h5, "/outlet/concentration", "case units");
        XYChart chart = PlotCharts.chart(title + ": column outlet", "time (min)", "outlet concentration (" + unit
                + ")");
        for (int k = 0; k < comps.length; k++) {
            PlotCharts.distinctLine(chart, k, comps.length, comps[k], x, PlotData.column(c, k));
        }
        return chart;
    }
}
