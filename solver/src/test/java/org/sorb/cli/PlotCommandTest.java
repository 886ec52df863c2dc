package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sorb plot} of sweeps (outlets, a metric against each parameter), treatments, and files it cannot draw. */
class PlotCommandTest {
    private static final Path REPO = Path.of(System.getProperty("sorb.repoRoot", ".."));
    /** A drawn figure is larger than an empty one (white PNGs of this size compress to a few kB). */
    private static final long MIN_PNG_BYTES = 10_000;
    private static final int OUTLET_ROWS_HEIGHT = PlotCharts.HEIGHT;
    private static final int METRIC_ROW_HEIGHT = 320;

    @TempDir
    static Path work;

    @BeforeAll
    static void writeSweep() {
        CliHarness.Outcome o = sorb("run", REPO.resolve("cases/protein-a-capacity-sweep.yaml").toString(),
                "--backend", "java", "--set", "discretization.axial_cells=8", "--set",
                "discretization.particle_cells=3", "-o", "sweep.h5");
        assertEquals(0, o.status(), o.err());
    }

    private static CliHarness.Outcome sorb(String... args) {
        return CliHarness.run(work, Backends.standard(), args);
    }

    private static BufferedImage picture(String name) throws IOException {
        Path png = work.resolve(name);
        assertTrue(Files.size(png) > MIN_PNG_BYTES, "a picture was drawn");
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "decodable PNG");
        return image;
    }

    @Test
    void aSweepDrawsTheOutletsOfAllDesignsAndItsMetricAgainstBothParameters() throws IOException {
        CliHarness.Outcome p = sorb("plot", "sweep.h5", "-o", "sweep.png");
        assertEquals(0, p.status(), p.err());
        assertEquals(OUTLET_ROWS_HEIGHT + METRIC_ROW_HEIGHT, picture("sweep.png").getHeight(),
                "one outlet panel for one component, one row of two metric panels (/sweep/metrics of run)");
    }

    @Test
    void aSweepWithMetricsDrawsAMetricAgainstEachParameter() throws IOException {
        Path file = work.resolve("metrics.h5");
        double[] time = {0.0, 60.0, 120.0, 180.0};
        try (WritableHdfFile f = HdfFile.write(file)) {
            WritableGroup outlet = f.putGroup("outlet");
            outlet.putAttribute("components", new String[] {"IgG"});
            outlet.putDataset("time", time);
            WritableGroup sweep = f.putGroup("sweep");
            sweep.putDataset("parameters", new double[][] {{30e-6, 1e-12}, {60e-6, 2e-12}, {90e-6, 3e-12}})
                    .putAttribute("names", new String[] {"particle.radius", "particle.pore_diffusion[0]"});
            sweep.putGroup("outlet").putDataset("concentration", new double[][][] {
                {{0}, {0.1}, {2}, {4}}, {{0}, {0.5}, {3}, {4}}, {{0}, {1}, {3.5}, {4}}});
            WritableDataset m = sweep.putDataset("metrics", new double[][] {{40, 240}, {30, 240}, {20, 240}});
            m.putAttribute("names", new String[] {"dbc_10pct:IgG", "residence_time"});
            m.putAttribute("units", new String[] {"kg/m^3", "s"});
        }
        CliHarness.Outcome p = sorb("plot", "metrics.h5", "-o", "metrics.png");
        assertEquals(0, p.status(), p.err());
        assertEquals(OUTLET_ROWS_HEIGHT + METRIC_ROW_HEIGHT, picture("metrics.png").getHeight(),
                "the outlet panel and one row of two metric panels");

        CliHarness.Outcome chosen = sorb("plot", "metrics.h5", "--metric", "residence_time", "-o", "rt.png");
        assertEquals(0, chosen.status(), chosen.err());
        CliHarness.Outcome unknown = sorb("plot", "metrics.h5", "--metric", "dbc_5pct:IgG", "-o", "bad.png");
        assertEquals(2, unknown.status(), unknown.err());
        assertEquals("error: --metric: unknown metric dbc_5pct:IgG; the file has dbc_10pct:IgG, residence_time\n",
                unknown.err());
        assertFalse(Files.exists(work.resolve("bad.png")));
    }

    @Test
    void aTreatmentDrawsItsThreePanels() throws IOException {
        CliHarness.Outcome o = sorb("run", REPO.resolve("cases/immunoadsorption-protein-a-session.yaml").toString(),
                "--set", "discretization.axial_cells=8", "--set", "discretization.particle_cells=3", "--set",
                "schedule.coupling_interval=30 s", "--set", "schedule.plasma_volumes=0.5", "-o", "treat.h5");
        assertEquals(0, o.status(), o.err());
        CliHarness.Outcome p = sorb("plot", "treat.h5", "-o", "treat.png");
        assertEquals(0, p.status(), p.err());
        assertEquals(3 * PlotCharts.HEIGHT, picture("treat.png").getHeight());
        CliHarness.Outcome metric = sorb("plot", "treat.h5", "--metric", "dbc_10pct:IgG1", "-o", "m.png");
        assertEquals(2, metric.status(), metric.err());
        assertTrue(metric.err().startsWith("error: --metric: dbc_10pct:IgG1 applies to sweep results"), metric.err());
    }

    @Test
    void aFileOfAnUnknownLayoutIsRefusedClearly() throws IOException {
        try (WritableHdfFile f = HdfFile.write(work.resolve("other.h5"))) {
            f.putDataset("something", new double[] {1, 2, 3});
        }
        CliHarness.Outcome p = sorb("plot", "other.h5", "-o", "other.png");
        assertEquals(2, p.status(), p.err());
        assertTrue(p.err().matches("error: RESULT\\.h5: \\S+other\\.h5 is not a Sorb result: expected /patient "
                + "\\(treatment\\), /sweep \\(sweep\\) or /outlet/time with /outlet/concentration \\(column run\\); "
                + "found /something\n"), p.err());
        assertFalse(Files.exists(work.resolve("other.png")));

        Files.writeString(work.resolve("text.h5"), "not HDF5 at all\n");
        CliHarness.Outcome t = sorb("plot", "text.h5", "-o", "text.png");
        assertEquals(2, t.status(), t.err());
        assertTrue(t.err().startsWith("error: RESULT.h5: cannot read ") && t.err().lines().count() == 1, t.err());
        assertFalse(Files.exists(work.resolve("text.png")));
    }

    @Test
    void aLargeSweepDrawsASubsetOfCurvesAndDecadesOnALogAxis() throws IOException {
        int n = 3 * SweepPlot.MAX_CURVES + 1;
        double[][] p = new double[n][1];
        double[][][] c = new double[n][3][1];
        double[][] m = new double[n][1];
        for (int d = 0; d < n; d++) {
            p[d][0] = 1e-12 * Math.pow(100.0, d / (n - 1.0)); // 1e-12 .. 1e-10 m^2/s
            c[d][1][0] = 1.0;
            c[d][2][0] = 4.0;
            m[d][0] = 10.0 + Math.log10(p[d][0]);
        }
        try (WritableHdfFile f = HdfFile.write(work.resolve("large.h5"))) {
            WritableGroup outlet = f.putGroup("outlet");
            outlet.putAttribute("components", new String[] {"IgG"});
            outlet.putDataset("time", new double[] {0.0, 60.0, 120.0});
            WritableGroup sweep = f.putGroup("sweep");
            sweep.putDataset("parameters", p).putAttribute("names", new String[] {"particle.pore_diffusion[0]"});
            sweep.putGroup("outlet").putDataset("concentration", c);
            sweep.putDataset("metrics", m).putAttribute("names", new String[] {"dbc_10pct:IgG"});
        }
        CliHarness.Outcome o = sorb("plot", "large.h5", "-o", "large.png");
        assertEquals(0, o.status(), o.err());
        assertEquals(OUTLET_ROWS_HEIGHT + METRIC_ROW_HEIGHT, picture("large.png").getHeight());
        assertTrue(SweepPlot.spansDecades(new double[] {1e-12, 1e-11}, 2));
        assertFalse(SweepPlot.spansDecades(new double[] {30e-6, 90e-6}, 2));
        assertFalse(SweepPlot.spansDecades(new double[] {-1.0, 20.0}, 2));
        assertEquals(1e-6, SweepPlot.engineeringScale(new double[] {30e-6, 90e-6}, 2), 1e-21); // 30 .. 90 (1e-6 m)
        assertEquals(1e-12, SweepPlot.engineeringScale(new double[] {3e-13, 2.5e-12}, 2), 1e-27);
        assertEquals(1.0, SweepPlot.engineeringScale(new double[] {60.0, 120.0}, 2), 0.0);
    }
}
