package org.sorb.verification;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;

/**
 * Rapid-equilibrium binding (algebraic) against kinetic binding with ka and kd scaled up 1e4 at the same
 * ka/kd: the outlets agree.
 */
class RapidEquilibriumTest {
    private static final double FAST = 1e4;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GENERAL_RATE, langmuir",
        "GENERAL_RATE, linear",
        "LUMPED_RATE_WITH_PORES, bi_langmuir",
        "LUMPED_RATE, linear"
    })
    void equilibriumEqualsFastKinetics(ColumnModel model, String binding) {
        double[] feed = {1.0, 0.5};
        ColumnCase eq = TestCases.benchmarkColumn(model, TestCases.binding(binding, 2, false, 1.0), 32, 6, feed,
                200.0, 600.0, 1.0, 1e-12, 1e-9);
        ColumnCase kin = TestCases.benchmarkColumn(model, TestCases.binding(binding, 2, true, FAST), 32, 6, feed,
                200.0, 600.0, 1.0, 1e-12, 1e-9);
        SimulationResult a = new ColumnSimulator(eq).run(ProgressListener.NONE);
        SimulationResult b = new ColumnSimulator(kin).run(ProgressListener.NONE);
        double max = 0.0;
        double[] x = a.outlet();
        double[] y = b.outlet();
        for (int k = 0; k < x.length; k++) {
            max = Math.max(max, Math.abs(x[k] - y[k]) / feed[k % 2]);
        }
        assertTrue(max <= Tolerances.EQUILIBRIUM_VS_KINETIC, "max relative outlet difference " + max);
    }
}
