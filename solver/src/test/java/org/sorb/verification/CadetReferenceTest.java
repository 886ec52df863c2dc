package org.sorb.verification;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sorb.io.CadetReference;
import org.sorb.model.ConvectionScheme;
import org.sorb.model.ParticleGrid;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;

/**
 * Outlet of CADET's linear pulse benchmarks against the semi-analytic (CASEMA) solutions: the error at the
 * stated grid, and its order when the grid is refined (axial cells and particle shells doubled together).
 */
class CadetReferenceTest {
    private static final double REL_TOL = 1e-7;
    private static final double ABS_TOL = 1e-11;

    static double maxError(CadetReference ref, int nz, int nr) {
        SimulationResult r = new ColumnSimulator(ref.toCase(nz, nr, ParticleGrid.EQUIDISTANT, ConvectionScheme.WENO3,
                ABS_TOL, REL_TOL)).run(ProgressListener.NONE);
        return ref.maxError(r.outletOf(0));
    }

    @ParameterizedTest(name = "{0} at {1} x {2} cells")
    @CsvSource({
        "casema_GRM_dynLin_1comp_benchmark1.h5, 128, 48",
        "casema_LRMP_dynLin_1comp_benchmark1.h5, 128, 1",
        "casema_LRM_dynLin_1comp_benchmark1.h5, 2048, 1"
    })
    void outletMatchesSemiAnalyticSolution(String file, int nz, int nr) {
        double err = maxError(References.load(file), nz, nr);
        assertTrue(err <= Tolerances.REFERENCE_MAX_ERROR, file + ": max abs error " + err);
    }

    @ParameterizedTest(name = "{0} from {1} x {2} cells")
    @CsvSource({
        "casema_GRM_dynLin_1comp_benchmark1.h5, 32, 4",
        "casema_LRMP_dynLin_1comp_benchmark1.h5, 64, 1",
        "casema_LRM_dynLin_1comp_benchmark1.h5, 128, 1"
    })
    void errorFallsAtSecondOrder(String file, int nz, int nr) {
        CadetReference ref = References.load(file);
        int particleFactor = nr > 1 ? 2 : 1;
        double coarse = maxError(ref, nz, nr);
        double mid = maxError(ref, 2 * nz, particleFactor * nr);
        double fine = maxError(ref, 4 * nz, particleFactor * particleFactor * nr);
        double order1 = Math.log(coarse / mid) / Math.log(2.0);
        double order2 = Math.log(mid / fine) / Math.log(2.0);
        assertTrue(order1 >= Tolerances.MIN_CONVERGENCE_ORDER && order2 >= Tolerances.MIN_CONVERGENCE_ORDER,
                file + ": errors " + coarse + ", " + mid + ", " + fine + " give orders " + order1 + ", " + order2);
    }
}
