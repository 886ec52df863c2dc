package org.sorb.numerics.dg;

import org.sorb.numerics.DenseLu;

/**
 * Exactly integrated mass matrices of the Lagrange basis on LGL nodes: M_ij = int_{-1}^{1} l_i l_j dxi, and the
 * spherical M^r_ij = int r(xi)^2 l_i l_j dxi with r(xi) = a + (xi + 1) h / 2, by Gauss-Legendre quadrature exact to
 * the integrand's degree.
 */
final class MassMatrices {
    private MassMatrices() {
    }

    /** M_ij = int_{-1}^{1} l_i l_j dxi (degree 2P: P + 1 Gauss points). */
    static double[] exact(Lgl basis) {
        return weighted(basis, 0.0, 0.0);
    }

    /**
     * M_ij = int_{-1}^{1} r(xi)^2 l_i l_j dxi with r(xi) = a + (xi + 1) h / 2 (a = h = 0: weight 1), degree 2P + 2.
     */
    static double[] weighted(Lgl basis, double a, double h) {
        int n = basis.size();
        boolean metric = h != 0.0 || a != 0.0;
        double[][] q = Lgl.gauss(n + 2);
        double[] l = new double[n];
        double[] m = new double[n * n];
        for (int k = 0; k < q[0].length; k++) {
            double xi = q[0][k];
            double r = a + (xi + 1.0) * 0.5 * h;
            double w = q[1][k] * (metric ? r * r : 1.0);
            basis.lagrange(xi, l);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    m[i * n + j] += w * l[i] * l[j];
                }
            }
        }
        return m;
    }

    /** S_ij = int_{-1}^{1} r(xi)^2 l_i'(xi) l_j(xi) dxi (the metric-weighted derivative pairing), degree 2P + 1. */
    static double[] weightedStiffness(Lgl basis, double a, double h) {
        int n = basis.size();
        double[][] q = Lgl.gauss(n + 2);
        double[] l = new double[n];
        double[] dl = new double[n];
        double[] s = new double[n * n];
        for (int k = 0; k < q[0].length; k++) {
            double xi = q[0][k];
            double r = a + (xi + 1.0) * 0.5 * h;
            double w = q[1][k] * r * r;
            basis.lagrange(xi, l);
            basis.lagrangeDerivative(xi, dl);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    s[i * n + j] += w * dl[i] * l[j];
                }
            }
        }
        return s;
    }

    /** The inverse of the n x n matrix m (row-major), by LU with partial pivoting. */
    static double[] inverse(double[] m, int n) {
        double[] lu = m.clone();
        int[] piv = new int[n];
        if (!DenseLu.factor(lu, 0, n, piv, 0)) {
            throw new IllegalStateException("singular mass matrix");
        }
        double[] inv = new double[n * n];
        double[] col = new double[n];
        for (int j = 0; j < n; j++) {
            java.util.Arrays.fill(col, 0.0);
            col[j] = 1.0;
            DenseLu.solve(lu, 0, n, piv, 0, col, 0);
            for (int i = 0; i < n; i++) {
                inv[i * n + j] = col[i];
            }
        }
        return inv;
    }
}
