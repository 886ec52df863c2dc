package org.sorb.numerics;

import org.sorb.model.BindingModel;

/** Bound-phase concentrations in equilibrium with given liquid concentrations: solves f(c_p, q) = 0 for q. */
public final class BindingEquilibrium {
    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-14;

    private BindingEquilibrium() {
    }

    /**
     * Newton on f(c_p, q) = 0 from q = 0.
     *
     * @param cp liquid concentrations (n_comp)
     * @return bound states q (n_bound)
     */
    public static double[] solve(BindingModel binding, double[] cp) {
        int nb = binding.boundStates();
        int nc = binding.components();
        double[] q = new double[nb];
        double[] f = new double[nb];
        double[] dfdcp = new double[nb * nc];
        double[] dfdq = new double[nb * nb];
        int[] piv = new int[nb];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            binding.flux(cp, 0, q, 0, f, 0);
            binding.jacobian(cp, 0, q, 0, dfdcp, 0, dfdq, 0);
            if (!DenseLu.factor(dfdq, 0, nb, piv, 0)) {
                throw new SolverException("binding equilibrium: singular Jacobian at c_p = "
                        + java.util.Arrays.toString(cp));
            }
            for (int s = 0; s < nb; s++) {
                f[s] = -f[s];
            }
            DenseLu.solve(dfdq, 0, nb, piv, 0, f, 0);
            double change = 0.0;
            double size = 0.0;
            for (int s = 0; s < nb; s++) {
                q[s] += f[s];
                change = Math.max(change, Math.abs(f[s]));
                size = Math.max(size, Math.abs(q[s]));
            }
            if (change <= TOLERANCE * Math.max(size, 1e-300) || change == 0.0) {
                return q;
            }
        }
        throw new SolverException("binding equilibrium did not converge at c_p = " + java.util.Arrays.toString(cp));
    }
}
