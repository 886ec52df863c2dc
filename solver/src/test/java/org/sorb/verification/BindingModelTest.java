package org.sorb.verification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.sorb.model.BiLangmuirBinding;
import org.sorb.model.BindingModel;
import org.sorb.model.LangmuirBinding;
import org.sorb.model.LinearBinding;
import org.sorb.model.PhLangmuirBinding;

/** Binding fluxes against hand-computed values; analytic Jacobians against central differences. */
class BindingModelTest {
    private static final double EXACT = 1e-13;

    @Test
    void linearFluxByHand() {
        BindingModel b = new LinearBinding(true, new double[] {2.0, 3.0}, new double[] {0.5, 0.25});
        double[] f = new double[2];
        b.flux(new double[] {1.0, 2.0}, 0, new double[] {4.0, 8.0}, 0, f, 0);
        // 2*1 - 0.5*4 = 0 ; 3*2 - 0.25*8 = 4
        assertArrayEquals(new double[] {0.0, 4.0}, f, EXACT);
    }

    @Test
    void langmuirFluxByHand() {
        BindingModel b = new LangmuirBinding(true, new double[] {2.0, 1.0}, new double[] {0.5, 0.1},
                new double[] {10.0, 20.0});
        double[] f = new double[2];
        b.flux(new double[] {1.0, 3.0}, 0, new double[] {2.0, 4.0}, 0, f, 0);
        // free = 1 - 2/10 - 4/20 = 0.6; f0 = 2*1*10*0.6 - 0.5*2 = 11; f1 = 1*3*20*0.6 - 0.1*4 = 35.6
        assertArrayEquals(new double[] {11.0, 35.6}, f, EXACT);
    }

    @Test
    void biLangmuirFluxByHand() {
        BindingModel b = new BiLangmuirBinding(true, new double[] {2.0, 1.0}, new double[] {0.5, 0.2},
                new double[] {10.0, 5.0});
        double[] f = new double[2];
        b.flux(new double[] {1.5}, 0, new double[] {4.0, 1.0}, 0, f, 0);
        // site 1: 2*1.5*10*(1-0.4) - 0.5*4 = 16; site 2: 1*1.5*5*(1-0.2) - 0.2*1 = 5.8
        assertArrayEquals(new double[] {16.0, 5.8}, f, EXACT);
        assertEquals(0, b.componentOf(1));
    }

    @Test
    void phLangmuirFluxByHand() {
        // pH component 0; component 1 binds. fA = 1/(1+10^(1*(7-7))) = 0.5, fG = 1/(1+10^(2*(6-7))) = 1/1.01
        BindingModel b = new PhLangmuirBinding(true, new double[] {2.0}, new double[] {0.5}, new double[] {10.0},
                new double[] {1.0}, new double[] {7.0}, new double[] {2.0}, new double[] {6.0});
        double[] f = new double[1];
        b.flux(new double[] {7.0, 1.5}, 0, new double[] {2.0}, 0, f, 0);
        // 2 * 10 * (0.5 - 0.2) / 1.01 * 1.5 - 0.5 * 2 = 9 / 1.01 - 1
        assertArrayEquals(new double[] {9.0 / 1.01 - 1.0}, f, EXACT);
        assertEquals(2, b.components());
        assertEquals(1, b.boundStates());
        assertEquals(1, b.componentOf(0));
        // at pH 3 the capacity factor is ~1e-4: the bound IgG is driven off
        b.flux(new double[] {3.0, 1.5}, 0, new double[] {2.0}, 0, f, 0);
        assertTrue(f[0] < -0.99, "desorbs at low pH: " + f[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"linear", "langmuir", "bi_langmuir", "ph_langmuir"})
    void jacobianMatchesFiniteDifferences(String kind) {
        BindingModel b = TestCases.binding(kind, 3, true, 1.0);
        int nc = b.components();
        int nb = b.boundStates();
        double[] cp = {0.7, 1.3, 0.4};
        double[] q = new double[nb];
        for (int s = 0; s < nb; s++) {
            q[s] = 0.5 + 0.3 * s;
        }
        double[] dfdcp = new double[nb * nc];
        double[] dfdq = new double[nb * nb];
        b.jacobian(cp, 0, q, 0, dfdcp, 0, dfdq, 0);
        double[] fp = new double[nb];
        double[] fm = new double[nb];
        for (int i = 0; i < nc; i++) {
            double h = 1e-6;
            double keep = cp[i];
            cp[i] = keep + h;
            b.flux(cp, 0, q, 0, fp, 0);
            cp[i] = keep - h;
            b.flux(cp, 0, q, 0, fm, 0);
            cp[i] = keep;
            for (int s = 0; s < nb; s++) {
                double fd = (fp[s] - fm[s]) / (2 * h);
                assertEquals(fd, dfdcp[s * nc + i], Tolerances.JACOBIAN_RELATIVE * Math.max(1.0, Math.abs(fd)),
                        kind + " df" + s + "/dc" + i);
            }
        }
        for (int r = 0; r < nb; r++) {
            double h = 1e-6;
            double keep = q[r];
            q[r] = keep + h;
            b.flux(cp, 0, q, 0, fp, 0);
            q[r] = keep - h;
            b.flux(cp, 0, q, 0, fm, 0);
            q[r] = keep;
            for (int s = 0; s < nb; s++) {
                double fd = (fp[s] - fm[s]) / (2 * h);
                assertEquals(fd, dfdq[s * nb + r], Tolerances.JACOBIAN_RELATIVE * Math.max(1.0, Math.abs(fd)),
                        kind + " df" + s + "/dq" + r);
            }
        }
    }
}
