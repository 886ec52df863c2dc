package org.sorb.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sorb.backend.JavaBackend;
import org.sorb.numerics.ProgressListener;
import org.sorb.numerics.RunBudget;

/** A curve made by Sorb with known parameters plus 1 % noise gives the parameters back from a start 50 % off. */
class SyntheticRecoveryTest {
    /** Each recovered parameter lies within this many standard errors of the truth. */
    static final double WITHIN_STANDARD_ERRORS = 3.0;
    /** ... and within this relative distance of it. */
    static final double WITHIN_RELATIVE = 0.05;

    static final List<String> KEYS = List.of("binding.qmax[0]", "binding.ka[0]", "particle.pore_diffusion[0]");
    static final double[] TRUTH = {60.0, 0.002, 4.0e-12};
    /** The start: 50 % off the truth (qmax and D_p above, ka below). */
    static final List<String> START = List.of("binding.qmax[0]=90", "binding.ka[0]=0.001",
            "particle.pore_diffusion[0]=6e-12");

    @TempDir
    Path dir;

    @Test
    void recoversThreeParametersFromAStartHalfOff() throws Exception {
        Path data = FitFixtures.syntheticCurve(dir, "curve.csv", 17L);
        Path caseFile = FitFixtures.caseFile(dir);
        List<String> start = START;
        List<Experiment> experiments = List.of(new Experiment("curve", List.of(),
                CurveCsvReader.read(data, List.of("IgG"), "kg/m^3"), 1.0));
        FitResult fit;
        try (JavaBackend java = new JavaBackend(2)) {
            fit = Fitter.fit(caseFile, start, experiments, KEYS, Map.of(),
                    new BatchRunner(java, RunBudget.UNLIMITED, ProgressListener.NONE), FitSettings.DEFAULT);
        }
        System.out.println("synthetic recovery: " + fit.reason() + ", " + fit.iterations() + " iterations, "
                + fit.simulations() + " simulations, " + fit.wallSeconds() + " s");
        for (int q = 0; q < KEYS.size(); q++) {
            double v = fit.values()[q];
            double se = fit.standardErrors()[q];
            System.out.printf("  %s = %.5g +/- %.3g (truth %.5g, %.2f se, %.2f %%)%n", KEYS.get(q), v, se, TRUTH[q],
                    Math.abs(v - TRUTH[q]) / se, 100 * Math.abs(v / TRUTH[q] - 1));
            assertTrue(Math.abs(v - TRUTH[q]) <= WITHIN_STANDARD_ERRORS * se, KEYS.get(q) + " = " + v + " +/- " + se);
            assertEquals(TRUTH[q], v, WITHIN_RELATIVE * TRUTH[q], KEYS.get(q));
        }
        assertTrue(fit.converged(), fit.reason());
    }
}
