package org.sorb.numerics.batch;

/**
 * The vector kernels of {@code kernels/batch_vector.cl} as plain loops over the batch layout (element l of design b
 * at [l * nd + b]; per-design scalars at [b], a second one at [nd + b]): linear combinations, predictors, weights,
 * norms and masked copies, no physics. Each touches only the designs whose {@code active} flag is set. The norms
 * and weights are formed as {@link org.sorb.numerics.EsdirkStepper} forms them.
 */
final class BatchVectors {
    private BatchVectors() {
    }

    /** The inverse Newton weights of design b: wt = 1 / (abstol + reltol |yn|), tolerances (TOL) at [b], [nd + b]. */
    static void newtonWeights(int n, int nd, int b, double[] yn, double[] tol, double[] wt) {
        double abstol = tol[KernelLayout.Tol.ABS.at(nd, b)];
        double reltol = tol[KernelLayout.Tol.REL.at(nd, b)];
        for (int l = 0; l < n; l++) {
            wt[l * nd + b] = 1.0 / (abstol + reltol * Math.abs(yn[l * nd + b]));
        }
    }

    /** yi += delta; normSq = sum (delta wt)^2, for design b. */
    static void newtonUpdate(int n, int nd, int b, double[] yi, double[] delta, double[] wt, double[] normSq) {
        double s = 0.0;
        for (int l = 0; l < n; l++) {
            int i = l * nd + b;
            yi[i] += delta[i];
            double e = delta[i] * wt[i];
            s += e * e;
        }
        normSq[b] = s;
    }

    /** dst = src for the active designs. */
    static void copyActive(int n, int nd, int[] active, double[] src, double[] dst) {
        for (int b = 0; b < nd; b++) {
            if (active[b] == 0) {
                continue;
            }
            for (int l = 0; l < n; l++) {
                dst[l * nd + b] = src[l * nd + b];
            }
        }
    }
}
