package org.sorb.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sorb.model.ColumnCase;
import org.sorb.model.ColumnModel;
import org.sorb.model.LinearBinding;
import org.sorb.model.SimulationResult;
import org.sorb.numerics.ColumnSimulator;
import org.sorb.numerics.ProgressListener;

/**
 * Zeroth and first moments of the outlet after a rectangular pulse under linear binding against the analytic
 * moments: mu0 = c0 t_inj and mu1 = L/u (1 + F (eps_p + (1 - eps_p) ka/kd)) + t_inj / 2, F = (1 - eps_c)/eps_c
 * (for the lumped rate model, with total porosity eps_t: L/u_t (1 + F_t ka/kd) + t_inj/2, u_t = u eps_c/eps_t).
 */
class MomentsTest {
    private static final double PULSE = 10.0;
    private static final double END = 5000.0;
    private static final double DT = 0.25;

    @ParameterizedTest
    @EnumSource(ColumnModel.class)
    void pulseMomentsMatchAnalyticFormula(ColumnModel model) {
        double ka = 3.55;
        double kd = 0.1;
        ColumnCase c = TestCases.benchmarkColumn(model, new LinearBinding(true, new double[] {ka},
                new double[] {kd}), 64, 8, new double[] {1.0}, PULSE, END, DT, 1e-10, 1e-7);
        SimulationResult r = new ColumnSimulator(c).run(ProgressListener.NONE);
        double[] m = moments(r.time(), r.outletOf(0));
        double m0 = m[0];
        double mu1 = m[1];
        double expected = firstMoment(c, ka, kd, PULSE);
        assertEquals(PULSE * 1.0, m0, Tolerances.MOMENT_RELATIVE_ERROR * PULSE, "zeroth moment");
        assertEquals(expected, mu1, Tolerances.MOMENT_RELATIVE_ERROR * expected, "first moment");
    }

    /** {mu0, mu1}: the trapezoidal zeroth moment and the normalised first moment of y(t). */
    static double[] moments(double[] t, double[] y) {
        double m0 = 0.0;
        double m1 = 0.0;
        for (int k = 1; k < t.length; k++) {
            double dt = t[k] - t[k - 1];
            m0 += 0.5 * dt * (y[k] + y[k - 1]);
            m1 += 0.5 * dt * (t[k] * y[k] + t[k - 1] * y[k - 1]);
        }
        return new double[] {m0, m1 / m0};
    }

    /** The analytic first moment of {@code c}'s outlet after a pulse of length {@code pulse} (s). */
    static double firstMoment(ColumnCase c, double ka, double kd, double pulse) {
        double epsC = c.column().bedPorosity();
        double length = c.column().length();
        double u = c.column().interstitialVelocity();
        if (c.column().model() == ColumnModel.LUMPED_RATE) {
            double epsT = c.totalPorosity();
            double ut = u * epsC / epsT;
            return length / ut * (1.0 + (1.0 - epsT) / epsT * ka / kd) + pulse / 2.0;
        }
        double epsP = c.particle().porosity();
        return length / u * (1.0 + (1.0 - epsC) / epsC * (epsP + (1.0 - epsP) * ka / kd)) + pulse / 2.0;
    }
}
