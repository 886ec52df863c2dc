package org.sorb.verification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sorb.cases.CaseException;
import org.sorb.cases.CaseLoader;
import org.sorb.model.ColumnCase;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;

/**
 * {@code cases/sma-load-wash-elute.yaml} (salt and three proteins, rapid-equilibrium steric mass action, load,
 * wash and salt gradient) on the Java path against CADET-Core's finite-volume solution at 512 x 64 cells: the
 * max abs outlet error of each protein as a fraction of its reference peak, and the mass balance (salt included).
 */
class SmaReferenceTest {
    private static final double EXACT = 0.0;
    static final String FILE = "cadet_GRM_reqSMA_4comp_LWE_FV_Z512parZ64.h5";

    @ParameterizedTest(name = "{0} x {1} cells, bound {2} of each protein's peak")
    @CsvSource({
        "64, 8, " + Tolerances.SMA_REFERENCE_64X8,
        "128, 16, " + Tolerances.SMA_REFERENCE_128X16
    })
    void outletMatchesCadet(int nz, int nr, double bound) throws Exception {
        double[][] ref = outlet(References.folder().resolve(FILE));
        ColumnCase c = CaseLoader.load(casePath(), List.of("discretization.axial_cells=" + nz,
                "discretization.particle_cells=" + nr)).model();
        long start = System.nanoTime();
        SimulationResult r = new ColumnSimulator(c).run(ProgressListener.NONE);
        double seconds = (System.nanoTime() - start) * 1e-9;
        assertEquals(ref.length, r.outletOf(0).length, "outlet samples");
        StringBuilder report = new StringBuilder(nz + " x " + nr + " in " + String.format("%.1f", seconds) + " s:");
        double worst = 0.0;
        for (int i = 1; i < 4; i++) {
            double[] out = r.outletOf(i);
            double peak = 0.0;
            double err = 0.0;
            for (int k = 0; k < out.length; k++) {
                peak = Math.max(peak, ref[k][i]);
                err = Math.max(err, Math.abs(out[k] - ref[k][i]));
            }
            report.append(String.format(" protein%d %.3f %%", i, 100 * err / peak));
            worst = Math.max(worst, err / peak);
        }
        double[] salt = r.outletOf(0);
        double saltErr = 0.0;
        for (int k = 0; k < salt.length; k++) {
            saltErr = Math.max(saltErr, Math.abs(salt[k] - ref[k][0]));
        }
        report.append(String.format(", salt %.3g mM, mass balance %.2g", saltErr, r.massBalance().relativeError()));
        System.out.println(report);
        assertTrue(worst <= bound, report.toString());
        assertTrue(r.massBalance().relativeError() <= Tolerances.MASS_BALANCE, report.toString());
    }

    /** The case file is the reference file's /input, value by value (salt's zero SMA entries left out). */
    @Test
    void caseIsTheReferenceInput() throws Exception {
        ColumnCase c = CaseLoader.load(casePath(), List.of()).model();
        try (HdfFile h = new HdfFile(References.folder().resolve(FILE))) {
            String u = "/input/model/unit_000/";
            assertEquals(one(h, u + "COL_LENGTH"), c.column().length(), EXACT);
            assertEquals(one(h, u + "COL_POROSITY"), c.column().bedPorosity(), EXACT);
            assertEquals(one(h, u + "VELOCITY"), c.column().interstitialVelocity(), EXACT);
            assertEquals(one(h, u + "COL_DISPERSION"), c.column().axialDispersion(), EXACT);
            assertEquals(one(h, u + "PAR_RADIUS"), c.particle().radius(), EXACT);
            assertEquals(one(h, u + "PAR_POROSITY"), c.particle().porosity(), EXACT);
            assertArrayEquals(all(h, u + "FILM_DIFFUSION"), c.particle().filmDiffusion(), EXACT);
            assertArrayEquals(all(h, u + "PAR_DIFFUSION"), c.particle().poreDiffusion(), EXACT);
            assertArrayEquals(new double[4], all(h, u + "PAR_SURFDIFFUSION"), EXACT, "no surface diffusion");
            assertEquals(one(h, u + "adsorption/IS_KINETIC") != 0.0, c.binding().kinetic());
            assertArrayEquals(all(h, u + "adsorption/SMA_LAMBDA"), c.binding().values("lambda"), EXACT);
            for (String key : List.of("ka", "kd", "nu", "sigma")) {
                double[] cadet = all(h, u + "adsorption/SMA_" + key.toUpperCase(java.util.Locale.ROOT));
                assertArrayEquals(java.util.Arrays.copyOfRange(cadet, 1, 4), c.binding().values(key), EXACT, key);
            }
            assertArrayEquals(all(h, u + "INIT_C"), c.initial().bulk(), EXACT);
            assertArrayEquals(all(h, u + "INIT_Q"), c.initial().bound(), EXACT);
            assertEquals("EQUIDISTANT_PAR", text(h, u + "discretization/PAR_DISC_TYPE"));
            assertEquals(c.discretization().particleGrid(), org.sorb.model.ParticleGrid.EQUIDISTANT);
            assertEquals(3.0, one(h, u + "discretization/weno/WENO_ORDER"), EXACT);
            assertEquals(org.sorb.model.ConvectionScheme.WENO3, c.discretization().convection());
            double[] times = all(h, "/input/solver/sections/SECTION_TIMES");
            for (int k = 0; k < 3; k++) {
                var section = c.inlet().sections().get(k);
                String sec = String.format("/input/model/unit_001/sec_%03d/", k);
                assertEquals(times[k + 1], section.end(), EXACT);
                assertArrayEquals(all(h, sec + "CONST_COEFF"), section.concentration(), EXACT);
                assertArrayEquals(all(h, sec + "LIN_COEFF"), section.slope(), EXACT);
                assertArrayEquals(new double[4], all(h, sec + "QUAD_COEFF"), EXACT);
                assertArrayEquals(new double[4], all(h, sec + "CUBE_COEFF"), EXACT);
            }
            String t = "/input/solver/time_integrator/";
            assertEquals(one(h, t + "ABSTOL"), c.solver().absTol(), EXACT);
            assertEquals(one(h, t + "RELTOL"), c.solver().relTol(), EXACT);
            double[] user = all(h, "/input/solver/USER_SOLUTION_TIMES");
            assertEquals(user[1] - user[0], c.output().interval(), EXACT);
            assertEquals(user[user.length - 1], c.inlet().endTime(), EXACT);
        }
    }

    private static double one(HdfFile h, String path) {
        return all(h, path)[0];
    }

    private static double[] all(HdfFile h, String path) {
        Object data = ((Dataset) h.getByPath(path)).getData();
        if (data instanceof double[] d) {
            return d;
        }
        if (data instanceof Number n) {
            return new double[] {n.doubleValue()};
        }
        if (data instanceof int[] ints) {
            return java.util.Arrays.stream(ints).asDoubleStream().toArray();
        }
        if (data instanceof long[] longs) {
            return java.util.Arrays.stream(longs).asDoubleStream().toArray();
        }
        throw new IllegalArgumentException(path + " holds " + data.getClass());
    }

    private static String text(HdfFile h, String path) {
        Object data = ((Dataset) h.getByPath(path)).getData();
        return data instanceof String[] a ? a[0] : data.toString();
    }

    static Path casePath() {
        return Path.of(System.getProperty("sorb.repoRoot", ".")).resolve("cases").resolve("sma-load-wash-elute.yaml");
    }

    /** CADET's SOLUTION_OUTLET of unit_000, [time][component]. */
    static double[][] outlet(Path file) {
        try (HdfFile h = new HdfFile(file)) {
            return (double[][]) ((Dataset) h.getByPath("/output/solution/unit_000/SOLUTION_OUTLET")).getData();
        }
    }
}
