package org.sorb.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.nio.file.Path;
import java.util.List;
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
