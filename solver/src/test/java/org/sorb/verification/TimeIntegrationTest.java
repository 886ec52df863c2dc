package org.sorb.verification;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.cases.CaseLoader;
import org.sorb.io.CadetReference;
import org.sorb.model.ConvectionScheme;
import org.sorb.model.ParticleGrid;
import org.sorb.model.SimulationResult;
import org.sorb.model.SolverStats;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;

/**
 * The time integrator's error control and work, counted (never timed): the outlet's time error follows rel_tol, and
 * the PI controller, the Newton tolerance and the stage predictors keep the rejected attempts and the Newton
 * iterations of the protein A case below what the standard controller needed (docs/numerics.md, "Time
 * integration").
 */
class TimeIntegrationTest {
    /** The grid of the tolerance check: fine enough axially that the time error falls cleanly with rel_tol. */
    static final int NZ = 128;
    static final int NR = 4;
    /** The time-converged reference on the same grid (its time error is below 1e-9 of the peak). */
    static final double REFERENCE_REL_TOL = 1e-9;
    static final double[] REL_TOLS = {1e-4, 1e-5, 1e-6};
    /** abs_tol per rel_tol, as `sorb bench reference` sets them. */
    static final double ABS_PER_REL = 1e-4;

    static double[] outlet(CadetReference ref, double relTol) {
        return new ColumnSimulator(ref.toCase(NZ, NR, ParticleGrid.EQUIDISTANT, ConvectionScheme.WENO3,
                ABS_PER_REL * relTol, relTol)).run(ProgressListener.NONE).outletOf(0);
    }

    static double maxDifference(double[] a, double[] b) {
        double d = 0.0;
        for (int k = 0; k < a.length; k++) {
            d = Math.max(d, Math.abs(a[k] - b[k]));
        }
        return d;
    }

    /**
     * On CADET's linear GRM benchmark, the outlet's time error (against the same grid at rel_tol 1e-9: the exact
     * CASEMA solution measures the grid's error, 8e-4 at 128 x 4, which no tolerance changes) falls with rel_tol:
     * monotonically, by at least {@link Tolerances#TIME_ERROR_FALL_OVER_TWO_DECADES} from 1e-4 to 1e-6, and stays
     * within {@link Tolerances#TIME_ERROR_PER_TOLERANCE} x rel_tol x the peak.
     */
    @Test
    void outletTimeErrorFollowsTheTolerance() {
        CadetReference ref = References.load("casema_GRM_dynLin_1comp_benchmark1.h5");
        double[] converged = outlet(ref, REFERENCE_REL_TOL);
        double peak = 0.0;
        for (double c : converged) {
            peak = Math.max(peak, c);
        }
        double[] err = new double[REL_TOLS.length];
        for (int i = 0; i < REL_TOLS.length; i++) {
            err[i] = maxDifference(outlet(ref, REL_TOLS[i]), converged);
            assertTrue(err[i] <= Tolerances.TIME_ERROR_PER_TOLERANCE * REL_TOLS[i] * peak,
                    "rel_tol " + REL_TOLS[i] + ": time error " + err[i] + " against the peak " + peak);
            if (i > 0) {
                assertTrue(err[i] < err[i - 1], "time error does not fall at rel_tol " + REL_TOLS[i] + ": " + err[i]
                        + " after " + err[i - 1]);
            }
        }
        double fall = err[0] / err[REL_TOLS.length - 1];
        assertTrue(fall >= Tolerances.TIME_ERROR_FALL_OVER_TWO_DECADES, "time error fell only " + fall
                + "x from rel_tol 1e-4 to 1e-6: " + java.util.Arrays.toString(err));
    }

    /**
     * The protein A breakthrough (kinetic Langmuir, steep front) at its default tolerances: the standard controller
     * grew the step after each small error into a Newton failure again and again (384 rejected of 3,689 attempts,
     * 51,082 Newton iterations for 3,305 steps); now at most {@link Tolerances#REJECTED_FRACTION} of the attempts are
     * rejected and an accepted step costs at most {@link Tolerances#NEWTON_ITERATIONS_PER_STEP} iterations.
     */
    @Test
    void proteinABreakthroughNeedsFewRejectionsAndNewtonIterations() throws Exception {
        Path file = Path.of(System.getProperty("sorb.repoRoot", ".")).resolve("cases")
                .resolve("protein-a-igg-breakthrough.yaml");
        SimulationResult r = new ColumnSimulator(CaseLoader.load(file, List.of()).model()).run(ProgressListener.NONE);
        SolverStats s = r.stats();
        double rejected = (double) s.rejectedSteps() / (s.steps() + s.rejectedSteps());
        double perStep = (double) s.newtonIterations() / s.steps();
        assertTrue(rejected <= Tolerances.REJECTED_FRACTION, "rejected fraction " + rejected + " (" + s + ")");
        assertTrue(perStep <= Tolerances.NEWTON_ITERATIONS_PER_STEP, "Newton iterations per step " + perStep
                + " (" + s + ")");
    }
}
