package org.sorb.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;
import org.sorb.verification.TestCases;

/**
 * Whole runs with a polynomial inlet (quadratic and cubic terms, {@link TestCases#withPolynomialPulse}) on OpenCL
 * equal the Java path within {@link KernelPhaseTest#WHOLE_RUN_RELATIVE}: the kernels' stage inlets (Horner in
 * {@code stage_inlet}) are the host's, so both take the same steps; the injected amounts (the exact integral of the
 * cubic) agree as closely.
 */
class PolynomialInletColumnsTest {
    /** Designs in the batch: rise times and feeds differ per lane. */
    static final int DESIGNS = 4;
    /** Least outlet peak (kg/m^3, feeds 1 to 2.5): Langmuir holds most of the pulse, but some must come out. */
    static final double MIN_PEAK = 1e-3;

    static List<ColumnCase> designs() {
        List<ColumnCase> out = new ArrayList<>();
        for (int d = 0; d < DESIGNS; d++) {
            double[] feed = {1.0 + 0.5 * d, 0.5};
            ColumnCase base = TestCases.benchmarkColumn(ColumnModel.GENERAL_RATE,
                    TestCases.binding("langmuir", 2, true, 1.0), 8, 3, feed, 40.0, 900.0, 5.0, 1e-8, 1e-6);
            out.add(TestCases.withPolynomialPulse(base, feed, 30.0 + 10.0 * d, 25.0, 900.0));
        }
        return out;
    }

    @Test
    void polynomialInletRunsOnOpenClEqualTheJavaPath() {
        OpenClTestSupport.requirePlatform();
        List<ColumnCase> designs = designs();
        List<SimulationResult> batch;
        try (OpenClBackend backend = new OpenClBackend(OpenClContext.open(null))) {
            batch = backend.simulateBatch(designs, ProgressListener.NONE);
        }
        assertEquals(DESIGNS, batch.size());
        for (int d = 0; d < DESIGNS; d++) {
            SimulationResult java = new ColumnSimulator(designs.get(d)).run(ProgressListener.NONE);
            double[] x = java.outlet();
            double[] y = batch.get(d).outlet();
            double scale = 0.0;
            double diff = 0.0;
            for (int i = 0; i < x.length; i++) {
                scale = Math.max(scale, Math.abs(x[i]));
                diff = Math.max(diff, Math.abs(x[i] - y[i]));
            }
            assertTrue(scale > MIN_PEAK, "design " + d + ": the pulse must reach the outlet: " + scale);
            assertTrue(diff <= KernelPhaseTest.WHOLE_RUN_RELATIVE * scale, "design " + d + ": " + diff / scale);
            double[] in = java.massBalance().injected();
            double[] got = batch.get(d).massBalance().injected();
            for (int i = 0; i < in.length; i++) {
                assertEquals(in[i], got[i], KernelPhaseTest.WHOLE_RUN_RELATIVE * in[i], "design " + d + " injected");
            }
        }
    }
}
