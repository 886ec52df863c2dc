package org.sorb.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

/** The Jacobian from one batch of perturbed designs equals the one computed design by design. */
class BatchedJacobianTest {
    /** Largest difference of an entry, relative to the largest entry (the Java batch repeats single runs exactly). */
    static final double SAME = 1e-12;
    /** Threads that advance a point and its 3 perturbed designs at once, so the batched fit speculates. */
    static final int SPECULATING_THREADS = 8;

    @TempDir
    Path dir;

    @Test
    void batchedJacobianEqualsDesignByDesign() throws Exception {
        Path data = FitFixtures.syntheticCurve(dir, "curve.csv", 5L);
        Path caseFile = FitFixtures.caseFile(dir);
        List<String> keys = SyntheticRecoveryTest.KEYS;
        Experiment slow = new Experiment("slow", List.of(), CurveCsvReader.read(data, List.of("IgG"), "kg/m^3"), 1.0);
        Experiment fast = new Experiment("fast", List.of("column.interstitial_velocity=9e-4"), slow.curve(), 1.0);
        double[][] batched;
        double[][] sequential;
        try (JavaBackend java = new JavaBackend(2)) {
            batched = model(caseFile, keys, List.of(slow, fast),
                    new BatchRunner(java, RunBudget.UNLIMITED, ProgressListener.NONE)).jacobian(theta0());
            sequential = model(caseFile, keys, List.of(slow, fast),
                    new SequentialRunner(java, RunBudget.UNLIMITED)).jacobian(theta0());
        }
        double largest = 0;
        for (double[] row : sequential) {
            for (double v : row) {
                largest = Math.max(largest, Math.abs(v));
            }
        }
        assertEquals(sequential.length, batched.length);
        for (int i = 0; i < sequential.length; i++) {
            for (int q = 0; q < keys.size(); q++) {
                assertEquals(sequential[i][q], batched[i][q], SAME * largest, "J[" + i + "][" + q + "]");
            }
        }
    }

    /**
     * A whole fit with a batched runner wide enough to speculate (each trial point simulated with its Jacobian's
     * designs: 8 threads for 1 x (3 + 1) designs) lands on the iterations, values and standard errors of the
     * design-by-design fit: a design's result does not depend on its batch companions, so speculation changes what
     * is simulated, never the numbers.
     */
    @Test
    void speculativeBatchedFitEqualsDesignByDesignFit() throws Exception {
        Path data = FitFixtures.syntheticCurve(dir, "curve.csv", 5L);
        Path caseFile = FitFixtures.caseFile(dir);
        List<String> keys = SyntheticRecoveryTest.KEYS;
        List<Experiment> one = List.of(new Experiment("slow", List.of(),
                CurveCsvReader.read(data, List.of("IgG"), "kg/m^3"), 1.0));
        List<String> start = SyntheticRecoveryTest.START;
        FitResult batched;
        FitResult sequential;
        try (JavaBackend wide = new JavaBackend(SPECULATING_THREADS)) {
            BatchRunner batch = new BatchRunner(wide, RunBudget.UNLIMITED, ProgressListener.NONE);
            batched = Fitter.fit(caseFile, start, one, keys, Map.of(), batch, FitSettings.DEFAULT);
            sequential = Fitter.fit(caseFile, start, one, keys, Map.of(),
                    new SequentialRunner(wide, RunBudget.UNLIMITED), FitSettings.DEFAULT);
        }
        assertTrue(batched.simulations() > sequential.simulations(), "the batched fit speculated: "
                + batched.simulations() + " simulations against " + sequential.simulations());
        assertEquals(sequential.iterations(), batched.iterations());
        assertArrayEquals(sequential.values(), batched.values());
        assertArrayEquals(sequential.standardErrors(), batched.standardErrors());
    }

    private static double[] theta0() {
        double[] theta = new double[SyntheticRecoveryTest.TRUTH.length];
        for (int q = 0; q < theta.length; q++) {
            theta[q] = Math.log(SyntheticRecoveryTest.TRUTH[q]);
        }
        return theta;
    }

    private static FitModel model(Path caseFile, List<String> keys, List<Experiment> experiments,
                                  DesignRunner runner) throws Exception {
        List<ExperimentModel> models = new java.util.ArrayList<>();
        List<FitParameter> parameters = new java.util.ArrayList<>();
        for (Experiment e : experiments) {
            models.add(ExperimentModel.create(caseFile, List.of(), keys, e));
        }
        for (int q = 0; q < keys.size(); q++) {
            parameters.add(FitParameter.unbounded(keys.get(q), SyntheticRecoveryTest.TRUTH[q]));
        }
        return new FitModel(models, parameters, runner);
    }
}
