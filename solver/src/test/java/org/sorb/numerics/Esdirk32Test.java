package org.sorb.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Order conditions of the tableau: the coefficients are typed in, so check them. */
class Esdirk32Test {
    private static final double TOL = 1e-12;

    @Test
    void rowSumsEqualStageTimes() {
        for (int i = 0; i < Esdirk32.STAGES; i++) {
            double s = 0.0;
            for (int j = 0; j < Esdirk32.STAGES; j++) {
                s += Esdirk32.a(i, j);
            }
            assertEquals(Esdirk32.C[i], s, TOL, "row " + i);
        }
    }

    @Test
    void thirdOrderConditionsHold() {
        double b1 = 0;
        double bc = 0;
        double bc2 = 0;
        double bac = 0;
        for (int i = 0; i < Esdirk32.STAGES; i++) {
            b1 += Esdirk32.B[i];
            bc += Esdirk32.B[i] * Esdirk32.C[i];
            bc2 += Esdirk32.B[i] * Esdirk32.C[i] * Esdirk32.C[i];
            double ac = 0;
            for (int j = 0; j < Esdirk32.STAGES; j++) {
                ac += Esdirk32.a(i, j) * Esdirk32.C[j];
            }
            bac += Esdirk32.B[i] * ac;
        }
        assertEquals(1.0, b1, TOL);
        assertEquals(0.5, bc, TOL);
        assertEquals(1.0 / 3.0, bc2, TOL);
        assertEquals(1.0 / 6.0, bac, TOL);
    }

    @Test
    void embeddedSolutionIsSecondOrder() {
        double b1 = 0;
        double bc = 0;
        for (int i = 0; i < Esdirk32.STAGES; i++) {
            b1 += Esdirk32.B_HAT[i];
            bc += Esdirk32.B_HAT[i] * Esdirk32.C[i];
        }
        assertEquals(1.0, b1, TOL);
        assertEquals(0.5, bc, TOL);
    }

    @Test
    void stiffDecayIsExactForLinearProblemWithinTolerance() {
        // y' = -y, y(0) = 1, integrate one step h = 0.1: third-order local error
        double h = 0.1;
        double g = Esdirk32.GAMMA;
        double[] y = new double[Esdirk32.STAGES];
        double[] f = new double[Esdirk32.STAGES];
        y[0] = 1.0;
        f[0] = -1.0;
        for (int i = 1; i < Esdirk32.STAGES; i++) {
            double s = 1.0;
            for (int j = 0; j < i; j++) {
                s += h * Esdirk32.a(i, j) * f[j];
            }
            y[i] = s / (1.0 + h * g);
            f[i] = -y[i];
        }
        assertEquals(Math.exp(-h), y[3], 1e-5);
    }
}
