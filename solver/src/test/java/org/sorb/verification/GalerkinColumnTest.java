package org.sorb.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.Discretization;
import org.sorb.model.LinearBinding;
import org.sorb.model.SimulationResult;
import org.sorb.model.SpectralElements;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;

/**
 * Columns on DG spectral elements, every model and binding model: mass balance of load-wash runs, the analytic
 * pulse moments, and rapid equilibrium against fast kinetics (steric mass action: {@link SmaColumnTest}).
 */
class GalerkinColumnTest {
    private static final double FAST = 1e4;

    static ColumnCase galerkin(ColumnCase c, boolean exact) {
        return c.withDiscretization(Discretization.galerkin(new SpectralElements(6, 3, 2, 3, exact)));
    }

    @ParameterizedTest(name = "{0} {1} kinetic={2} exact={3}")
    @CsvSource({
        "GENERAL_RATE, linear, true, false",
        "GENERAL_RATE, langmuir, true, false",
        "GENERAL_RATE, langmuir, false, true",
        "GENERAL_RATE, bi_langmuir, true, false",
        "GENERAL_RATE, ph_langmuir, true, true",
        "LUMPED_RATE_WITH_PORES, langmuir, true, true",
        "LUMPED_RATE_WITH_PORES, ph_langmuir, false, false",
        "LUMPED_RATE, bi_langmuir, false, false",
        "LUMPED_RATE, ph_langmuir, true, true"
    })
    void loadWashConservesMass(ColumnModel model, String binding, boolean kinetic, boolean exact) {
        // pH-dependent Langmuir: component 0 is the pH, fed at 0.3 where the Hill factors let the proteins bind
        boolean ph = binding.equals("ph_langmuir");
        int n = ph ? 3 : 2;
        double[] feed = new double[n];
        for (int i = 0; i < n; i++) {
            feed[i] = ph && i == 0 ? 0.3 : 1.0 / (i + 1);
        }
        ColumnCase c = galerkin(TestCases.benchmarkColumn(model, TestCases.binding(binding, n, kinetic, 1.0), 3, 2,
                feed, 300.0, 320.0, 1.0, 1e-8, 1e-6), exact);
        SimulationResult r = new ColumnSimulator(c).run(ProgressListener.NONE);
        double[] retained = r.massBalance().retained();
        double[] injected = r.massBalance().injected();
        int protein = n - 1;
        assertTrue(retained[protein] > 1e-3 * injected[protein], "the run must leave material in the column: "
                + retained[protein]);
        assertTrue(r.massBalance().relativeError() <= Tolerances.MASS_BALANCE,
                "relative mass balance error " + r.massBalance().relativeError());
    }

    @ParameterizedTest(name = "{0} exact={1}")
    @CsvSource({
        "GENERAL_RATE, false", "GENERAL_RATE, true", "LUMPED_RATE_WITH_PORES, false", "LUMPED_RATE, true"
    })
    void pulseMomentsMatchAnalyticFormula(ColumnModel model, boolean exact) {
        double ka = 3.55;
        double kd = 0.1;
        double pulse = 10.0;
        ColumnCase c = galerkin(TestCases.benchmarkColumn(model, new LinearBinding(true, new double[] {ka},
                new double[] {kd}), 3, 2, new double[] {1.0}, pulse, 5000.0, 0.25, 1e-10, 1e-7), exact);
        SimulationResult r = new ColumnSimulator(c).run(ProgressListener.NONE);
        double[] m = MomentsTest.moments(r.time(), r.outletOf(0));
        double expected = MomentsTest.firstMoment(c, ka, kd, pulse);
        assertEquals(pulse, m[0], Tolerances.MOMENT_RELATIVE_ERROR * pulse, "zeroth moment");
        assertEquals(expected, m[1], Tolerances.MOMENT_RELATIVE_ERROR * expected, "first moment");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GENERAL_RATE, langmuir", "GENERAL_RATE, bi_langmuir", "LUMPED_RATE_WITH_PORES, linear",
        "LUMPED_RATE, linear"
    })
    void equilibriumEqualsFastKinetics(ColumnModel model, String binding) {
        double[] feed = {1.0, 0.5};
        ColumnCase eq = galerkin(TestCases.benchmarkColumn(model, TestCases.binding(binding, 2, false, 1.0), 3, 2,
                feed, 200.0, 600.0, 1.0, 1e-10, 1e-7), false);
        ColumnCase kin = galerkin(TestCases.benchmarkColumn(model, TestCases.binding(binding, 2, true, FAST), 3, 2,
                feed, 200.0, 600.0, 1.0, 1e-10, 1e-7), false);
        double[] x = new ColumnSimulator(eq).run(ProgressListener.NONE).outlet();
        double[] y = new ColumnSimulator(kin).run(ProgressListener.NONE).outlet();
        double max = 0.0;
        for (int k = 0; k < x.length; k++) {
            max = Math.max(max, Math.abs(x[k] - y[k]) / feed[k % 2]);
        }
        assertTrue(max <= Tolerances.EQUILIBRIUM_VS_KINETIC, "max relative outlet difference " + max);
    }
}
