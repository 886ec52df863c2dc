package org.sorb.verification;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;

/** Injected = eluted + retained for nonlinear load-wash runs (two competing components). */
class MassBalanceTest {
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
}
