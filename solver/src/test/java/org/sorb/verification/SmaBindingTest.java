package org.sorb.verification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sorb.model.BindingModel;
import org.sorb.model.StericMassActionBinding;
import org.sorb.numerics.BindingEquilibrium;
import org.sorb.numerics.SolverException;

/** Steric mass action: flux and Jacobian by hand, and the equilibrium solve against an independent solve. */
class SmaBindingTest {
    private static final double EXACT = 1e-13;
    /** Relative agreement of two converged equilibrium solves. */
    private static final double EQUILIBRIUM_RELATIVE = 1e-10;

    /**
     * Salt and two proteins: Lambda = 11.5, ka = (2, 1), kd = (3, 0.5), nu = (2, 1), sigma = (1, 2), c_ref = 2,
     * q_ref = 4, at c_p = (4, 0.5, 1), q = (5, 2, 0.5).
     * qbar_0 = 11.5 - (2+1) 2 - (1+2) 0.5 = 4, so qbar_0 / q_ref = 1; c_p,0 / c_ref = 2.
     * f_0 = 11.5 - 2*2 - 1*0.5 - 5 = 2;
     * f_1 = 2*0.5*1^2 - 3*2*2^2 = -23; f_2 = 1*1*1^1 - 0.5*0.5*2^1 = 0.5.
     * df_1/dc_0 = -kd_1 q_1 nu_1 (c_0/c_ref)^(nu_1-1) / c_ref = -3*2*2*2/2 = -12; df_1/dc_1 = ka_1 1^2 = 2;
     * df_2/dc_0 = -0.5*0.5*1*2^0/2 = -0.125; df_2/dc_2 = 1.
     * df_0/dq = (-1, -nu_1, -nu_2) = (-1, -2, -1);
     * df_1/dq_1 = ka_1 c_1 nu_1 1^1 (-(nu_1+sigma_1)/q_ref) - kd_1 2^2 = -1.5 - 12 = -13.5,
     * df_1/dq_2 = 2*0.5*2*(-(1+2)/4) = -1.5; df_2/dq_1 = 1*1*1*(-3/4) = -0.75, df_2/dq_2 = -0.75 - 0.5*2 = -1.75.
     */
    @Test
    void fluxAndJacobianByHand() {
        BindingModel b = new StericMassActionBinding(true, 11.5, new double[] {2.0, 1.0}, new double[] {3.0, 0.5},
                new double[] {2.0, 1.0}, new double[] {1.0, 2.0}, 2.0, 4.0);
        double[] cp = {4.0, 0.5, 1.0};
        double[] q = {5.0, 2.0, 0.5};
        double[] f = new double[3];
        b.flux(cp, 0, q, 0, f, 0);
        assertArrayEquals(new double[] {2.0, -23.0, 0.5}, f, EXACT);
        double[] dfdcp = new double[9];
        double[] dfdq = new double[9];
        b.jacobian(cp, 0, q, 0, dfdcp, 0, dfdq, 0);
        assertArrayEquals(new double[] {0, 0, 0, -12, 2, 0, -0.125, 0, 1}, dfdcp, EXACT);
        assertArrayEquals(new double[] {-1, -2, -1, 0, -13.5, -1.5, 0, -0.75, -1.75}, dfdq, EXACT);
        assertFalse(b.kinetic(0), "the salt's bound state is algebraic");
        assertTrue(b.kinetic(1) && b.kinetic(2));
        assertEquals(2, b.componentOf(2));
    }

    /** CADET's benchmark parameters at loaded states, against q from the scalar equation in qbar_0 (bisection). */
    @ParameterizedTest(name = "salt {0}, proteins {1} {2} {3}")
    @CsvSource({
        "50, 0.5, 0.8, 1.0",
        "50, 1.0, 1.0, 1.0",
        "20, 1.0, 1.0, 1.0",
        "150, 0.5, 0.5, 0.5",
        "500, 1.0, 0.1, 0.01",
        "50, 0.0, 0.0, 0.0"
    })
    void equilibriumAtLoadedStatesMatchesAnIndependentSolve(double salt, double c1, double c2, double c3) {
        BindingModel b = TestCases.binding("steric_mass_action", 4, false, 1.0);
        double[] cp = {salt, c1, c2, c3};
        double[] q = BindingEquilibrium.solve(b, cp);
        double[] expected = bisection(cp);
        for (int s = 0; s < 4; s++) {
            assertEquals(expected[s], q[s], EQUILIBRIUM_RELATIVE * expected[0], "q_" + s);
        }
        assertTrue(b.admissible(cp, 0, q, 0));
    }

    @Test
    void withoutSaltTheEquilibriumIsRefused() {
        BindingModel b = TestCases.binding("steric_mass_action", 4, false, 1.0);
        SolverException e = assertThrows(SolverException.class,
                () -> BindingEquilibrium.solve(b, new double[] {0.0, 0.0, 0.0, 0.0}));
        assertTrue(e.getMessage().contains("not unique"), e.getMessage());
    }

    /**
     * The rapid-equilibrium SMA isotherm as one monotone equation in the free sites x = qbar_0 (c_ref = q_ref = 1):
     * q_j(x) = (ka_j / kd_j) c_j (x / c_0)^nu_j, g(x) = x + sum_j (nu_j + sigma_j) q_j(x) - Lambda = 0 on
     * (0, Lambda], g increasing; then q_0 = Lambda - sum_j nu_j q_j.
     */
    private static double[] bisection(double[] cp) {
        double lo = 0.0;
        double hi = TestCases.SMA_LAMBDA;
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            double g = mid - TestCases.SMA_LAMBDA;
            for (int p = 0; p < 3; p++) {
                g += (TestCases.SMA_NU[p] + TestCases.SMA_SIGMA[p]) * protein(p, mid, cp);
            }
            if (g > 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        double x = 0.5 * (lo + hi);
        double[] q = new double[4];
        q[0] = TestCases.SMA_LAMBDA;
        for (int p = 0; p < 3; p++) {
            q[1 + p] = protein(p, x, cp);
            q[0] -= TestCases.SMA_NU[p] * q[1 + p];
        }
        return q;
    }

    private static double protein(int p, double free, double[] cp) {
        return TestCases.SMA_KA[p] / TestCases.SMA_KD * cp[1 + p] * Math.pow(free / cp[0], TestCases.SMA_NU[p]);
    }
}
