package org.sorb.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.Inlet;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;

/**
 * Injected = eluted + retained for nonlinear load-wash runs (two competing components), with a step feed and with a
 * polynomial (quadratic and cubic) feed pulse, whose injected amount must be its exact integral.
 */
class MassBalanceTest {
    /** The run's injected amounts sum exact step integrals: they may differ from the section integrals by this. */
    static final double INJECTED_ROUND_OFF = 1e-12;

    @ParameterizedTest(name = "{0} {1} kinetic={2}")
    @CsvSource({
        "GENERAL_RATE, langmuir, true",
        "GENERAL_RATE, langmuir, false",
        "GENERAL_RATE, bi_langmuir, true",
        "LUMPED_RATE_WITH_PORES, langmuir, true",
        "LUMPED_RATE, langmuir, false"
    })
    void langmuirLoadWashConservesMass(ColumnModel model, String binding, boolean kinetic) {
        ColumnCase c = TestCases.benchmarkColumn(model, TestCases.binding(binding, 2, kinetic, 1.0), 32, 6,
                new double[] {2.0, 1.0}, 300.0, 600.0, 1.0, 1e-8, 1e-6);
        SimulationResult r = new ColumnSimulator(c).run(ProgressListener.NONE);
        double[] retained = r.massBalance().retained();
        double[] injected = r.massBalance().injected();
        assertTrue(retained[0] > 1e-3 * injected[0], "the run must leave material bound: " + retained[0]);
        assertTrue(r.massBalance().relativeError() <= Tolerances.MASS_BALANCE,
                "relative mass balance error " + r.massBalance().relativeError());
    }

    @ParameterizedTest(name = "{0} {1} kinetic={2}")
    @CsvSource({
        "GENERAL_RATE, langmuir, true",
        "LUMPED_RATE_WITH_PORES, bi_langmuir, false"
    })
    void polynomialInletPulseConservesMassAndInjectsItsIntegral(ColumnModel model, String binding, boolean kinetic) {
        ColumnCase c = TestCases.withPolynomialPulse(TestCases.benchmarkColumn(model,
                TestCases.binding(binding, 2, kinetic, 1.0), 32, 6, new double[] {2.0, 1.0}, 300.0, 900.0, 1.0,
                1e-8, 1e-6), new double[] {2.0, 1.0}, 200.0, 150.0, 900.0);
        SimulationResult r = new ColumnSimulator(c).run(ProgressListener.NONE);
        double[] retained = r.massBalance().retained();
        double[] injected = r.massBalance().injected();
        assertTrue(retained[0] > 1e-3 * injected[0], "the run must leave material bound: " + retained[0]);
        assertTrue(r.massBalance().relativeError() <= Tolerances.MASS_BALANCE,
                "relative mass balance error " + r.massBalance().relativeError());
        Inlet inlet = c.inlet();
        double flow = c.column().superficialVelocity();
        for (int i = 0; i < 2; i++) {
            double exact = 0.0;
            for (int k = 0; k < inlet.sections().size(); k++) {
                exact += inlet.integral(k, i, inlet.sections().get(k).end());
            }
            // feed (rise / 2 + 2 fall / 3): 200 / 2 + 100 = 200 s of feed
            assertEquals(200.0 * new double[] {2.0, 1.0}[i] * flow, exact * flow, 1e-9 * exact * flow);
            assertEquals(exact * flow, injected[i], INJECTED_ROUND_OFF * exact * flow, "component " + i);
        }
    }
}
