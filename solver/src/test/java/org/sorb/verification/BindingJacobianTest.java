package org.sorb.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sorb.model.BindingDeclaration;
import org.sorb.model.BindingModel;
import org.sorb.model.BindingModels;
import org.sorb.numerics.BindingEquilibrium;

/**
 * Every registered binding model ({@link BindingModels#ALL}, each through its fixture in {@link BindingFixtures}):
 * the analytic Jacobian against central differences at random states, and the equilibrium solve's residual.
 */
class BindingJacobianTest {
    private static final int STATES = 25;
    /** Relative step of the central differences: round-off ~ 1e-16 / h, truncation ~ h^2. */
    private static final double STEP = 1e-6;
    /** Max |f(c_p, q*)| of an equilibrium, relative to max |f(c_p, 0)|. */
    private static final double EQUILIBRIUM_RESIDUAL = 1e-12;

    static Stream<String> models() {
        return BindingModels.ALL.stream().map(BindingDeclaration::key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void jacobianMatchesCentralDifferencesAtRandomStates(String key) {
        BindingModel b = BindingFixtures.model(key);
        assertEquals(key, b.key(), "the fixture builds the model it is registered for");
        int nc = b.components();
        int nb = b.boundStates();
        Random rnd = new Random(key.hashCode());
        double[] dfdcp = new double[nb * nc];
        double[] dfdq = new double[nb * nb];
        double[] f = new double[nb];
        double[] fp = new double[nb];
        double[] fm = new double[nb];
        for (int n = 0; n < STATES; n++) {
            double[] cp = BindingFixtures.liquid(key, rnd);
            double[] q = BindingFixtures.bound(key, b, rnd);
            b.jacobian(cp, 0, q, 0, dfdcp, 0, dfdq, 0);
            b.flux(cp, 0, q, 0, f, 0);
            double scale = 0.0;
            for (double v : f) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < nc; i++) {
                double h = STEP * Math.max(1.0, Math.abs(cp[i]));
                double keep = cp[i];
                cp[i] = keep + h;
                b.flux(cp, 0, q, 0, fp, 0);
                cp[i] = keep - h;
                b.flux(cp, 0, q, 0, fm, 0);
                cp[i] = keep;
                compare(key + " state " + n + " df/dc" + i, fp, fm, h, dfdcp, i, nc);
            }
            for (int r = 0; r < nb; r++) {
                double h = STEP * Math.max(1.0, Math.abs(q[r]));
                double keep = q[r];
                q[r] = keep + h;
                b.flux(cp, 0, q, 0, fp, 0);
                q[r] = keep - h;
                b.flux(cp, 0, q, 0, fm, 0);
                q[r] = keep;
                compare(key + " state " + n + " df/dq" + r, fp, fm, h, dfdq, r, nb);
            }
            assertTrue(scale > 0.0, key + ": the fixture's states must not be at equilibrium");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void equilibriumSolveZeroesTheFlux(String key) {
        BindingModel b = BindingFixtures.model(key);
        Random rnd = new Random(~key.hashCode());
        double[] f0 = new double[b.boundStates()];
        double[] f = new double[b.boundStates()];
        for (int n = 0; n < STATES; n++) {
            double[] cp = BindingFixtures.liquid(key, rnd);
            double[] q = BindingEquilibrium.solve(b, cp);
            b.flux(cp, 0, new double[b.boundStates()], 0, f0, 0);
            b.flux(cp, 0, q, 0, f, 0);
            double scale = 0.0;
            double residual = 0.0;
            for (int s = 0; s < f.length; s++) {
                scale = Math.max(scale, Math.abs(f0[s]));
                residual = Math.max(residual, Math.abs(f[s]));
            }
            assertTrue(residual <= EQUILIBRIUM_RESIDUAL * scale, key + " at " + java.util.Arrays.toString(cp)
                    + ": residual " + residual + " against " + scale);
        }
    }

    private static void compare(String what, double[] fp, double[] fm, double h, double[] analytic, int column,
                                int columns) {
        for (int s = 0; s < fp.length; s++) {
            double fd = (fp[s] - fm[s]) / (2 * h);
            double a = analytic[s * columns + column];
            assertEquals(fd, a, Tolerances.JACOBIAN_RELATIVE * Math.max(1.0, Math.abs(fd)), what + " row " + s);
        }
    }
}
