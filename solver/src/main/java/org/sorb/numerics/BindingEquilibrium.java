package org.sorb.numerics;

import java.util.Arrays;
import org.sorb.model.BindingModel;

/**
 * Bound-phase concentrations in equilibrium with given liquid concentrations: solves f(c_p, q) = 0 for q by a
 * damped Newton iteration from q = 0, q_{k+1} = q_k + t dq_k with dq_k = -J(q_k)^-1 f(q_k), t halved from 1 until
 * the trial state is admissible ({@link BindingModel#admissible}: e.g. the free sites of steric mass action stay
 * above 0), its flux is finite and the natural monotonicity test ||J(q_k)^-1 f(q_k + t dq_k)|| &lt;= (1 - t/2) ||dq_k||
 * holds (Deuflhard's affine-invariant test, so that rows of very different scale, such as ka c qbar^nu, do not
 * matter).
 */
public final class BindingEquilibrium {
    private static final int MAX_ITERATIONS = 200;
    private static final int MAX_HALVINGS = 60;
    private static final double TOLERANCE = 1e-14;
    /** A relative Newton step this small that no damping makes contract is round-off: the iteration has converged. */
    private static final double ROUND_OFF = 1e-10;

    private BindingEquilibrium() {
    }

    /**
     * Damped Newton on f(c_p, q) = 0 from q = 0.
     *
     * @param cp liquid concentrations (n_comp)
     * @return bound states q (n_bound)
     * @throws SolverException when the Jacobian is singular (an undetermined equilibrium, e.g. steric mass action
     *                         without salt) or the iteration does not converge
     */
    public static double[] solve(BindingModel binding, double[] cp) {
        int nb = binding.boundStates();
        int nc = binding.components();
        double[] q = new double[nb];
        double[] f = new double[nb];
        double[] dq = new double[nb];
        double[] trial = new double[nb];
        double[] dfdcp = new double[nb * nc];
        double[] dfdq = new double[nb * nb];
        int[] piv = new int[nb];
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            binding.flux(cp, 0, q, 0, f, 0);
            if (Arrays.stream(f).allMatch(v -> v == 0.0)) {
                return q;
            }
            binding.jacobian(cp, 0, q, 0, dfdcp, 0, dfdq, 0);
            if (!DenseLu.factor(dfdq, 0, nb, piv, 0)) {
                throw new SolverException("binding equilibrium: singular Jacobian at c_p = " + Arrays.toString(cp)
                        + " (the equilibrium is not unique there)");
            }
            correction(dfdq, piv, f, dq);
            double step = norm(dq);
            if (!Double.isFinite(step)) {
                break;
            }
            if (step <= TOLERANCE * Math.max(norm(q), Double.MIN_NORMAL)) {
                add(q, 1.0, dq, q);
                return q;
            }
            double t = 1.0;
            boolean accepted = false;
            for (int h = 0; h < MAX_HALVINGS && !accepted; h++, t *= 0.5) {
                add(q, t, dq, trial);
                if (!binding.admissible(cp, 0, trial, 0)) {
                    continue;
                }
                binding.flux(cp, 0, trial, 0, f, 0);
                correction(dfdq, piv, f, f);
                double next = norm(f);
                accepted = Double.isFinite(next) && next <= (1.0 - 0.5 * t) * step;
            }
            if (!accepted && step <= ROUND_OFF * norm(q)) {
                add(q, 1.0, dq, q);
                return q;
            }
            if (!accepted) {
                break;
            }
            System.arraycopy(trial, 0, q, 0, nb);
        }
        throw new SolverException("binding equilibrium did not converge at c_p = " + Arrays.toString(cp));
    }

    /** out = -J^-1 f with J factored in place ({@code lu}, {@code piv}); {@code out} may be {@code f}. */
    private static void correction(double[] lu, int[] piv, double[] f, double[] out) {
        for (int s = 0; s < f.length; s++) {
            out[s] = -f[s];
        }
        DenseLu.solve(lu, 0, f.length, piv, 0, out, 0);
    }

    private static void add(double[] q, double t, double[] dq, double[] out) {
        for (int s = 0; s < q.length; s++) {
            out[s] = q[s] + t * dq[s];
        }
    }

    private static double norm(double[] v) {
        double sum = 0.0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
