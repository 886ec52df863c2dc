package org.sorb.cli;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sorb plot RESULT.h5 -o FIG.png}: draws a result as a PNG (XChart, headless). A treatment result gives the
 * patient's plasma concentration per species, the same as a percentage of its start value, and the adsorber's
 * inlet and outlet; a column result gives the outlet curves.
 */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw a result file as a PNG: patient trajectories for a treatment, outlet curves for a column.")
final class PlotCommand implements Callable<Integer> {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 380;

    @ParentCommand
    private SorbCli cli;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULT.h5", description = "A result file written by sorb run.")
    private Path result;

    @Option(names = {"-o", "--output"}, paramLabel = "FIG.png",
            description = "Picture file (default: the result's name with .png).")
    private Path output;

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
        List<XYChart> charts;
        try (HdfFile h5 = new HdfFile(file)) {
            if (h5.getChildren().containsKey("patient")) {
                charts = treatment(h5, base);
            } else if (h5.getChildren().containsKey("outlet")) {
                charts = List.of(outlet(h5, base));
            } else {
                throw new UsageException("not a Sorb result (no /patient or /outlet): " + file);
            }
        } catch (RuntimeException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        write(charts, target);
        spec.commandLine().getOut().println("wrote " + target);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static List<XYChart> treatment(HdfFile h5, String title) {
        double[] time = doubles(h5.getDatasetByPath("/patient/time"));
        double[][] c = matrix(h5.getDatasetByPath("/patient/concentration"));
        String[] species = strings(h5.getByPath("/patient"), "species");
        double span = time[time.length - 1] - time[0];
        boolean days = span > 2 * 86400.0;
        double scale = days ? 86400.0 : 3600.0;
        String axis = days ? "time (days)" : "time (h)";
        double[] x = new double[time.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = time[i] / scale;
        }
        XYChart conc = chart(title + ": patient plasma", axis, "plasma concentration (g/L)");
        XYChart rel = chart("plasma level relative to the start", axis, "% of start");
        for (int k = 0; k < species.length; k++) {
            double[] y = column(c, k);
            double[] r = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                r[i] = y[0] > 0 ? 100.0 * y[i] / y[0] : 0.0;
            }
            line(conc, species[k], x, y);
            line(rel, species[k], x, r);
        }
        List<XYChart> out = new ArrayList<>(List.of(conc, rel));
        Dataset inlet = h5.getDatasetByPath("/circuit/adsorber_inlet");
        Dataset outletDs = h5.getDatasetByPath("/circuit/adsorber_outlet");
        double[] online = doubles(h5.getDatasetByPath("/circuit/online_column"));
        double[][] in = matrix(inlet);
        double[][] outC = matrix(outletDs);
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
            XYChart cap = chart("adsorber outlet / inlet (on-line column; a drop marks a column switch)", axis,
                    "% passing the column");
            double[] xv = xs.stream().mapToDouble(Double::doubleValue).toArray();
            for (int k = 0; k < species.length; k++) {
                double[] y = new double[ratio.size()];
                for (int i = 0; i < y.length; i++) {
                    y[i] = ratio.get(i)[k];
                }
                line(cap, species[k], xv, y);
            }
            out.add(cap);
        }
        return out;
    }

    private static XYChart outlet(HdfFile h5, String title) {
        double[] time = doubles(h5.getDatasetByPath("/outlet/time"));
        double[][] c = matrix(h5.getDatasetByPath("/outlet/concentration"));
        String[] comps = strings(h5.getByPath("/outlet"), "components");
        double[] x = new double[time.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = time[i] / 60.0;
        }
        XYChart chart = chart(title + ": column outlet", "time (min)", "outlet concentration");
        for (int k = 0; k < comps.length; k++) {
            line(chart, comps[k], x, column(c, k));
        }
        return chart;
    }

    static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setMarkerSize(0);
        return chart;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
    }

    static void write(List<XYChart> charts, Path target) throws IOException {
        BufferedImage all = new BufferedImage(WIDTH, HEIGHT * charts.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, all.getWidth(), all.getHeight());
        for (int i = 0; i < charts.size(); i++) {
            g.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)), 0, i * HEIGHT, null);
        }
        g.dispose();
        // a unique temporary name beside the target, renamed atomically: concurrent plots never see a partial file
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

    private static double[] doubles(Dataset d) {
        return (double[]) d.getData();
    }

    private static double[][] matrix(Dataset d) {
        return (double[][]) d.getData();
    }

    private static double[] column(double[][] m, int k) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][k];
        }
        return out;
    }

    private static String[] strings(Node node, String name) {
        Attribute a = node.getAttribute(name);
        Object data = a.getData();
        if (data instanceof String[] s) {
            return s;
        }
        return new String[] {String.valueOf(data)};
    }
}
