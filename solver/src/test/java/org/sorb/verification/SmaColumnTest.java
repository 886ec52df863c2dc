package org.sorb.verification;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sorb.model.Column;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.ConvectionScheme;
import org.sorb.model.Discretization;
import org.sorb.model.InitialState;
import org.sorb.model.Inlet;
import org.sorb.model.InletSection;
import org.sorb.model.OutputSpec;
import org.sorb.model.Particle;
import org.sorb.model.ParticleGrid;
import org.sorb.model.SimulationResult;
import org.sorb.model.TimeIntegration;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;

/**
 * Steric mass action on small load-wash-elute columns (salt and three proteins with CADET's benchmark parameters,
 * 10 s load at 50 mM salt and 1 mM of each protein, wash at 50 mM, gradient from 100 mM at 0.2 mM/s until 600 s):
 * rapid equilibrium against kinetics with ka and kd x 1e4, and the mass balance of every component, salt included.
 */
class SmaColumnTest {
    private static final double FAST = 1e4;
    private static final double SLOW = 1e-12;
    private static final double FEED = 1.0;
    private static final double SALT = 50.0;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"GENERAL_RATE", "LUMPED_RATE_WITH_PORES"})
    void rapidEquilibriumEqualsFastKinetics(ColumnModel model) {
        SimulationResult eq = new ColumnSimulator(column(model, false, 1.0, 1e-12, 1e-9)).run(ProgressListener.NONE);
        SimulationResult kin = new ColumnSimulator(column(model, true, FAST, 1e-12, 1e-9)).run(ProgressListener.NONE);
        double max = 0.0;
        for (int i = 1; i < 4; i++) {
            double[] a = eq.outletOf(i);
            double[] b = kin.outletOf(i);
            for (int k = 0; k < a.length; k++) {
                max = Math.max(max, Math.abs(a[k] - b[k]) / FEED);
            }
        }
        double[] a = eq.outletOf(0);
        double[] b = kin.outletOf(0);
        double salt = 0.0;
        for (int k = 0; k < a.length; k++) {
            salt = Math.max(salt, Math.abs(a[k] - b[k]) / SALT);
        }
        System.out.printf("SMA %s: equilibrium vs kinetics x1e4, proteins %.3g of the feed, salt %.3g%n", model, max,
                salt);
        assertTrue(max <= Tolerances.EQUILIBRIUM_VS_KINETIC, "proteins: max relative outlet difference " + max);
        // control: the comparison sees kinetics that are not fast (x 1e-12: kd c_0^nu ~ 0.1/s against a 66 s
        // residence time), so agreement above is not the two runs being the same run
        SimulationResult slow = new ColumnSimulator(column(model, true, SLOW, 1e-12, 1e-9)).run(ProgressListener.NONE);
        double slowDiff = 0.0;
        for (int i = 1; i < 4; i++) {
            double[] c = slow.outletOf(i);
            double[] e = eq.outletOf(i);
            for (int k = 0; k < c.length; k++) {
                slowDiff = Math.max(slowDiff, Math.abs(c[k] - e[k]) / FEED);
            }
        }
        System.out.printf("SMA %s: slow kinetics x1e-12 differ by %.3g of the feed%n", model, slowDiff);
        assertTrue(slowDiff > 10 * Tolerances.EQUILIBRIUM_VS_KINETIC, "slow kinetics differ by only " + slowDiff);
        assertTrue(salt <= Tolerances.EQUILIBRIUM_VS_KINETIC, "salt: max relative outlet difference " + salt);
    }

    @ParameterizedTest(name = "{0} kinetic={1} dg={2}")
    @CsvSource({
        "GENERAL_RATE, false, false",
        "GENERAL_RATE, true, false",
        "LUMPED_RATE_WITH_PORES, false, false",
        "LUMPED_RATE, false, false",
        "GENERAL_RATE, false, true",
        "LUMPED_RATE_WITH_PORES, true, true",
        "LUMPED_RATE, false, true"
    })
    void massBalanceClosesSaltIncluded(ColumnModel model, boolean kinetic, boolean dg) {
        ColumnCase c = column(model, kinetic, 1.0, 1e-8, 1e-6);
        if (dg) {
            c = GalerkinColumnTest.galerkin(c, false);
        }
        SimulationResult r = new ColumnSimulator(c).run(ProgressListener.NONE);
        double[] retained = r.massBalance().retained();
        double[] injected = r.massBalance().injected();
        assertTrue(retained[1] > 1e-3 * injected[1], "the slowest protein must still be bound: " + retained[1]);
        assertTrue(r.massBalance().relativeError() <= Tolerances.MASS_BALANCE,
                "relative mass balance error " + r.massBalance().relativeError());
    }

    /**
     * CADET's benchmark column and SMA parameters ({@link TestCases#benchmarkColumn}'s geometry, salt pore
     * diffusion 7e-10 m^2/s) at 16 x 4 cells, starting in equilibrium with 50 mM salt (no initial.bound).
     */
    static ColumnCase column(ColumnModel model, boolean kinetic, double scale, double absTol, double relTol) {
        double[] kf = {6.9e-6, 6.9e-6, 6.9e-6, 6.9e-6};
        double[] dp = {7.0e-10, 6.07e-11, 6.07e-11, 6.07e-11};
        Particle particle = model == ColumnModel.LUMPED_RATE ? new Particle(0.0, 0.0, null, null)
                : new Particle(4.5e-5, 0.75, kf, model == ColumnModel.GENERAL_RATE ? dp : null);
        double bedPorosity = model == ColumnModel.LUMPED_RATE ? 0.37 + 0.63 * 0.75 : 0.37;
        Inlet inlet = new Inlet(List.of(
                new InletSection(10.0, new double[] {SALT, FEED, FEED, FEED}, null),
                new InletSection(90.0, new double[] {SALT, 0, 0, 0}, null),
                new InletSection(600.0, new double[] {100.0, 0, 0, 0}, new double[] {0.2, 0, 0, 0})));
        return new ColumnCase("sma", List.of("salt", "P1", "P2", "P3"),
                new Column(model, 0.014, bedPorosity, 5.75e-4, 5.75e-8), particle,
                TestCases.binding("steric_mass_action", 4, kinetic, scale), inlet,
                new InitialState(new double[] {SALT, 0, 0, 0}, null),
                new Discretization(16, 4, ParticleGrid.EQUIDISTANT, ConvectionScheme.WENO3),
                new TimeIntegration(absTol, relTol, 1e-4, 10_000_000), new OutputSpec(1.0, null));
    }
}
